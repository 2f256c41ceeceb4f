import { randomUUID } from "node:crypto";
import { finalizeInvoiceInTransaction, toStoredDocument, type StoredInvoiceDocument } from "@kontor/api";
import { findInvoice, insertInvoiceDraft, insertInvoicePayment, markPaymentReversed, type DatabaseHandle } from "@kontor/db";
import { composeCreditNote, composeInvoice, finalizeInvoice, unwrap, type InvoiceInput } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "../../billing/billing-customer.js";
import { DEFAULT_BILLING_SETTINGS } from "../../billing/billing-settings.js";
import { issueSourcedInvoice } from "../../licensing-billing/issue-sourced-invoice.js";

/** A finalized test invoice as the tests refer to it. */
export interface TestInvoice {
  readonly id: string;
  readonly number: string;
  readonly organizationId: string;
}

/**
 * Composes, numbers and stores a finalized invoice to `organization` as the worker's billing does
 * (`issueSourcedInvoice`: real document, PDF and XML): issued on `issueDate` by the default
 * seller, net 30 in the organization's calendar, one time-and-material line of `hours` × 100.00
 * EUR at 19 % (10 hours: 1,000.00 net, 190.00 VAT, 1,190.00 due).
 */
export async function issueTestInvoice(database: DatabaseHandle, organization: Organization, key: string, issueDate: string, hours = "10"): Promise<TestInvoice> {
  const settings = DEFAULT_BILLING_SETTINGS;
  const input: InvoiceInput = {
    type: "invoice",
    issueDate,
    currency: "EUR",
    seller: settings.seller,
    buyer: buyerOf(organization),
    buyerReference: key,
    deliveryDate: issueDate,
    paymentTerms: { netDays: settings.netDays, calendar: organization.calendarId },
    paymentMeans: settings.paymentMeans,
    lines: [
      {
        kind: "time-and-material",
        id: "1",
        description: "IT-Dienstleistungen",
        quantity: hours,
        unitCode: "HUR",
        unitPrice: { amount: "100.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
    ],
  };
  const now = new Date(`${issueDate}T08:00:00Z`);
  const issued = await database.db.transaction((tx) => issueSourcedInvoice(tx, now, { sourceKey: `test-invoice:${key}`, organizationId: organization.id }, () => input));
  return { id: issued.id, number: issued.number, organizationId: issued.organizationId };
}

/** Issues and finalizes a credit note on `issueDate` for every line of `invoice` in full. */
export async function creditInFull(database: DatabaseHandle, invoice: TestInvoice, issueDate: string): Promise<void> {
  const now = new Date(`${issueDate}T08:00:00Z`);
  await database.db.transaction(async (tx) => {
    const row = await findInvoice(tx, invoice.id);
    if (row === undefined) throw new Error(`invoice ${invoice.id} not found`);
    const stored = row.document as StoredInvoiceDocument;
    const original = unwrap(finalizeInvoice(unwrap(composeInvoice(stored.source)), { number: invoice.number }));
    const draft = unwrap(composeCreditNote(original, { issueDate, reason: "Leistung nicht erbracht." }));
    const note = await insertInvoiceDraft(
      tx,
      { id: randomUUID(), organizationId: invoice.organizationId, type: draft.type, document: toStoredDocument(draft), precedingInvoiceId: invoice.id },
      now,
    );
    await finalizeInvoiceInTransaction(tx, note.id, now);
  });
}

/** Records a payment of `amount` EUR received on `receivedOn` (a bank transfer unless `method` says otherwise); returns its id. */
export async function payTestInvoice(database: DatabaseHandle, invoice: TestInvoice, amount: string, receivedOn: string, method = "bank-transfer"): Promise<string> {
  const id = randomUUID();
  await insertInvoicePayment(
    database.db,
    {
      id,
      invoiceId: invoice.id,
      organizationId: invoice.organizationId,
      amount,
      currency: "EUR",
      receivedOn,
      method,
      reference: invoice.number,
      recordedBy: null,
    },
    new Date(`${receivedOn}T12:00:00Z`),
  );
  return id;
}

/** Reverses payment `paymentId` of `invoice` on `reversedOn` as returned (a direct debit that came back). */
export async function reverseTestPayment(database: DatabaseHandle, invoice: TestInvoice, paymentId: string, reversedOn: string): Promise<void> {
  const reversed = await markPaymentReversed(
    database.db,
    { paymentId, invoiceId: invoice.id, reversedOn, reason: "returned", note: "MD06 Rückgabe auf Verlangen des Zahlers", reversedBy: null },
    new Date(`${reversedOn}T12:00:00Z`),
  );
  if (reversed === undefined) throw new Error(`payment ${paymentId} of ${invoice.id} not reversed`);
}
