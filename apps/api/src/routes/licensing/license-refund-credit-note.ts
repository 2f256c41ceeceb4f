import { randomUUID } from "node:crypto";
import { findInvoiceBySourceKey, findLicenseOrder, insertInvoiceDraft, listCreditNotesOf, lockInvoice, type KontorTransaction, type LicenseRow } from "@kontor/db";
import { composeCreditNote } from "@kontor/invoicing";
import { orderSchema, type LicenseRefund } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";
import { DateTime } from "luxon";
import { unwrap } from "../../http/domain-result.js";
import { conflict } from "../../http/problem.js";
import { recomposeDocument, toStoredDocument, type StoredInvoiceDocument } from "../invoices/stored-invoice.js";
import { INSTALLATION_ZONE } from "../tickets/service-desk-settings.js";

/**
 * The source key of a license order's invoice, as the worker bills it (L5,
 * `apps/worker/src/licensing-billing/invoice-source-keys.ts`): one invoice per order.
 */
export function licenseOrderInvoiceSourceKey(orderId: string): string {
  return `license-order:${orderId}`;
}

/**
 * The invoice line ID the worker gives an order line (`license-order-invoice-input.ts`): the
 * line ID with every character outside `[A-Za-z0-9-_.]` replaced by `-`, at most 64 long.
 */
export function invoiceLineIdOf(orderLineId: string): string {
  return orderLineId.replace(/[^A-Za-z0-9\-_.]/g, "-").slice(0, 64);
}

/** The draft credit note a refund composed. */
export interface RefundCreditNote {
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  /** The credited lines of the invoice, each in full. */
  readonly lineIds: string[];
  readonly netTotal: MoneyJson;
  readonly grandTotal: MoneyJson;
}

/** Why a refund composed no credit note. */
export interface NoCreditNote {
  readonly code: "LICENSE_WITHOUT_ORDER" | "ORDER_INVOICED_OUTSIDE_KONTOR";
  readonly message: string;
}

/** What a refund did about the money: a draft credit note, or why there is none. */
export type RefundCrediting = { readonly creditNote: RefundCreditNote; readonly noCreditNote: null } | { readonly creditNote: null; readonly noCreditNote: NoCreditNote };

/** Amounts with exactly the currency's minor-unit digits ("24000.00"), as the invoice routes show them. */
function cents(json: MoneyJson): MoneyJson {
  const money = Money.fromJSON(json);
  return { amount: money.toFixed(), currency: money.currency };
}

function none(code: NoCreditNote["code"], message: string): RefundCrediting {
  return { creditNote: null, noCreditNote: { code, message } };
}

/**
 * L17, in the refund's transaction: a draft credit note (type 381, BG-3 referencing the
 * original) for the invoice line that billed the license, when its order was invoiced by Kontor
 * (the invoice with source key `license-order:<orderId>`). The license `<orderId>-<lineId>` was
 * created by the order's line `lineId`, which the invoice bills as one line (at the order's
 * amount, discount included): that line is credited in full.
 *
 * As `POST /v1/invoices/{id}/credit-notes`: the original's row is locked first, so concurrent
 * credit notes of the same invoice wait, and every earlier credit note (drafts included) counts,
 * so no line is credited for more than was invoiced (422 `CREDIT_EXCEEDS_INVOICE`).
 *
 * No credit note, said so in the result: a license registered without an order, or one staff
 * invoiced by hand outside Kontor. Refused (409, the refund rolls back): the order's invoice is
 * not issued yet or still a draft, or it has no line for the license.
 */
export async function creditRefundedLicense(tx: KontorTransaction, license: LicenseRow, refund: LicenseRefund, now: Date): Promise<RefundCrediting> {
  if (license.orderId === null) {
    return none("LICENSE_WITHOUT_ORDER", `License ${license.id} was registered without a Kontor order: there is no invoice to credit`);
  }
  const orderRow = await findLicenseOrder(tx, license.orderId);
  const order = orderRow === undefined ? undefined : orderSchema.parse(orderRow.record);
  if (order?.kind !== "license") throw new Error(`license ${license.id} names ${license.orderId}, which is no license order`);
  const invoice = await findInvoiceBySourceKey(tx, licenseOrderInvoiceSourceKey(license.orderId));
  if (invoice === undefined) {
    const invoiceNumber = order.invoiceNumber;
    if (invoiceNumber !== null) {
      return none(
        "ORDER_INVOICED_OUTSIDE_KONTOR",
        `Order ${license.orderId} was invoiced by hand as ${invoiceNumber}, not by Kontor: credit the license there`,
      );
    }
    // L5: the order's invoice is due (it bills every line) but the worker has not issued it yet.
    // Refunding now would leave the license's line billed later with nothing to credit it, so
    // the refund waits for the invoice (seconds, unless the worker is down).
    throw conflict(
      `Order ${license.orderId} has not been invoiced yet (L5): refund the license once its invoice is issued, so the refund credits the license's line`,
      "REFUND_ORDER_NOT_INVOICED",
    );
  }

  // The original's row lock serializes its credit notes (as POST /v1/invoices/{id}/credit-notes).
  const original = await lockInvoice(tx, invoice.id);
  if (original === undefined) throw new Error(`invoice ${invoice.id} vanished under its lock`);
  if (original.status !== "finalized" || original.number === null) {
    throw conflict(
      `Invoice ${original.id} of order ${license.orderId} is still a draft: finalize it (POST /v1/invoices/${original.id}/finalization), then refund the license`,
      "INVOICE_NOT_FINALIZED",
    );
  }
  const line = order.lines.find((candidate) => `${order.orderId}-${candidate.lineId}` === license.id);
  const document = original.document as StoredInvoiceDocument;
  const lineId = line === undefined ? undefined : invoiceLineIdOf(line.lineId);
  const billed = document.lines.find((candidate) => candidate.id === lineId);
  if (line === undefined || lineId === undefined || billed === undefined) {
    throw conflict(
      `Invoice ${original.number} of order ${license.orderId} has no line for license ${license.id}: credit it by hand (POST /v1/invoices/${original.id}/credit-notes)`,
      "REFUND_INVOICE_LINE_UNKNOWN",
    );
  }
  const finalized = unwrap(recomposeDocument(document));
  const earlier = await listCreditNotesOf(tx, original.id);
  const issueDate = DateTime.fromJSDate(now, { zone: INSTALLATION_ZONE }).toISODate();
  if (issueDate === null) throw new Error(`Invalid installation zone ${INSTALLATION_ZONE}`);
  const draft = unwrap(
    composeCreditNote(
      finalized,
      {
        issueDate,
        reason: `Rückerstattung der Lizenz ${license.id} (Auftrag ${license.orderId}, Position ${line.lineId}) am ${refund.refundedOn}: ${refund.reason}`,
        lines: [{ lineId }],
      },
      { earlierCreditNotes: earlier.map((note) => note.document as StoredInvoiceDocument) },
    ),
  );
  const stored = toStoredDocument(draft);
  const row = await insertInvoiceDraft(tx, { id: randomUUID(), organizationId: original.organizationId, type: draft.type, document: stored, precedingInvoiceId: original.id }, now);
  return {
    creditNote: { id: row.id, invoiceId: original.id, invoiceNumber: original.number, lineIds: [lineId], netTotal: cents(stored.totals.lineNetTotal), grandTotal: cents(stored.totals.grandTotal) },
    noCreditNote: null,
  };
}
