import type { InvoiceCredit, PayableInvoice, PaymentMethod, RecordedPayment } from "@kontor/invoicing";
import { Money, type MoneyJson } from "@kontor/money";
import type { Executor } from "../connection/database.js";
import { listPaymentsOf, type InvoicePaymentRow } from "./invoice-payments.js";
import { listCreditNotesOf, type InvoiceSummaryRow } from "./invoices.js";

/** The fields of a stored document (`invoices.document`) that payment is about. */
interface StoredPayableFields {
  readonly number: string | null;
  readonly issueDate: string;
  readonly paymentTerms: { readonly dueDate: string };
  readonly totals: { readonly amountDue: MoneyJson };
}

/** What was paid on an invoice and what its finalized credit notes took off it. */
export interface InvoiceSettlement {
  /** In the order the money arrived, reversed ones included (with their `reversal`). */
  readonly payments: readonly RecordedPayment[];
  /** Finalized credit notes only: a draft credits nothing yet. */
  readonly credits: readonly InvoiceCredit[];
}

/**
 * A stored finalized invoice or correction invoice as `@kontor/invoicing`'s payment functions
 * take it. Throws for drafts and credit notes: callers answer those before (a draft has no due
 * date that holds, a credit note is paid out, not in).
 */
export function payableInvoiceOfRow(row: InvoiceSummaryRow): PayableInvoice {
  const document = row.document as StoredPayableFields;
  if (row.status !== "finalized" || row.type === "credit-note" || document.number === null) {
    throw new Error(`invoice ${row.id} (${row.type}, ${row.status}) takes no payments`);
  }
  return {
    number: document.number,
    issueDate: document.issueDate,
    dueDate: document.paymentTerms.dueDate,
    amountDue: Money.fromJSON(document.totals.amountDue),
  };
}

/**
 * A stored payment as `@kontor/invoicing`'s `RecordedPayment`, with its `reversal` (`null` while
 * it stands): the payment functions leave a reversed payment out of every sum.
 */
export function recordedPaymentOfRow(row: InvoicePaymentRow): RecordedPayment {
  // A table CHECK sets day, reason and instant together.
  const { reversedOn, reversalReason } = row;
  return {
    id: row.id,
    amount: Money.of(row.amount, row.currency),
    receivedOn: row.receivedOn,
    // The table takes any method name; the API only ever stores one of PAYMENT_METHODS.
    method: row.method as PaymentMethod,
    reference: row.reference,
    reversal: reversedOn === null || reversalReason === null ? null : { reversedOn, reason: reversalReason, note: row.reversalNote },
  };
}

/**
 * The payments and finalized credit notes of invoice `invoiceId`: two indexed queries, run one
 * after the other (a transaction's connection takes one statement at a time). Read it after
 * `lockInvoice` when a payment is to be checked against the open amount, so a concurrent
 * payment is either committed and counted or waits for the lock.
 */
export async function loadInvoiceSettlement(executor: Executor, invoiceId: string): Promise<InvoiceSettlement> {
  const payments = await listPaymentsOf(executor, invoiceId);
  const creditNotes = await listCreditNotesOf(executor, invoiceId);
  return {
    payments: payments.map(recordedPaymentOfRow),
    credits: creditNotes
      .filter((note) => note.status === "finalized")
      .map((note) => {
        const document = note.document as StoredPayableFields;
        return { number: note.number ?? "", issueDate: document.issueDate, amount: Money.fromJSON(document.totals.amountDue) };
      }),
  };
}
