import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { invoicePayments } from "../schema/invoicing.js";
import { decimalString, invoiceDueDate, invoiceOpenAmountOf, openAmountFields, openAmountOfCandidate, payableInvoicesWithOpenAmount, type InvoiceOpenAmount } from "./open-amount.js";

/**
 * A stored payment of an invoice; `amount` is an exact decimal string with at least two decimals
 * (`"119.00"`). The `reversal*` columns are all `null` while the payment stands and set once when
 * it is reversed ({@link markPaymentReversed}).
 */
export type InvoicePaymentRow = typeof invoicePayments.$inferSelect;

/** What recording one payment stores; the instant is the caller's `now`. */
export interface NewInvoicePayment {
  readonly id: string;
  /** A finalized invoice or correction invoice (checked by the caller under its row lock). */
  readonly invoiceId: string;
  /** The invoice's organization. */
  readonly organizationId: string;
  /** A positive decimal string (P3: never a JS number); the table refuses zero and negatives. */
  readonly amount: string;
  /** ISO 4217, the invoice's currency. */
  readonly currency: string;
  /** `YYYY-MM-DD`: the day the money arrived. */
  readonly receivedOn: string;
  /** A `@kontor/invoicing` payment method, e.g. `"bank-transfer"`. */
  readonly method: string;
  readonly reference: string | null;
  /** The id of the user recording it; `null` when the system does. */
  readonly recordedBy: string | null;
}

/**
 * Stores a payment at `now`. A payment is never deleted and its recorded columns never change;
 * only its reversal is recorded, once ({@link markPaymentReversed}). Call it in the transaction
 * that locked the invoice (`lockInvoice`) and checked the payment against its open amount
 * (`@kontor/invoicing`'s `recordPayment`). An unknown invoice or organization fails on the
 * foreign key.
 */
export async function insertInvoicePayment(executor: Executor, payment: NewInvoicePayment, now: Date): Promise<InvoicePaymentRow> {
  const [row] = await executor
    .insert(invoicePayments)
    .values({
      id: payment.id,
      invoiceId: payment.invoiceId,
      organizationId: payment.organizationId,
      amount: payment.amount,
      currency: payment.currency,
      receivedOn: payment.receivedOn,
      method: payment.method,
      reference: payment.reference,
      recordedBy: payment.recordedBy,
      recordedAt: now,
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return withDecimalAmount(row);
}

/** What reversing one payment stores; the instant is the caller's `now`. */
export interface PaymentReversalRecord {
  readonly paymentId: string;
  /** The payment's invoice: a payment of another invoice is not reversed. */
  readonly invoiceId: string;
  /** `YYYY-MM-DD`: the day of the reversal, not before the payment's `received_on` (a table CHECK). */
  readonly reversedOn: string;
  readonly reason: "returned" | "recorded-in-error";
  readonly note: string | null;
  /** The id of the user reversing it; `null` when the system does. */
  readonly reversedBy: string | null;
}

/**
 * Records the reversal of payment `paymentId` of invoice `invoiceId` at `now`, once: the update
 * only touches a payment that is not reversed yet (`reversed_on IS NULL`), so it returns the
 * reversed row, or `undefined` when the payment is unknown, belongs to another invoice or was
 * reversed before. The payment's recorded columns stay as they were. Call it in the transaction
 * that locked the invoice (`lockInvoice`) and checked the reversal (`@kontor/invoicing`'s
 * `reversePayment`).
 */
export async function markPaymentReversed(executor: Executor, reversal: PaymentReversalRecord, now: Date): Promise<InvoicePaymentRow | undefined> {
  const [row] = await executor
    .update(invoicePayments)
    .set({
      reversedOn: reversal.reversedOn,
      reversalReason: reversal.reason,
      reversalNote: reversal.note,
      reversedBy: reversal.reversedBy,
      reversedAt: now,
    })
    .where(and(eq(invoicePayments.id, reversal.paymentId), eq(invoicePayments.invoiceId, reversal.invoiceId), isNull(invoicePayments.reversedOn)))
    .returning();
  return row === undefined ? undefined : withDecimalAmount(row);
}

/**
 * Every payment of an invoice in the order the money arrived, reversed ones included (with their
 * reversal): by `received_on`, then id (one index scan).
 */
export async function listPaymentsOf(executor: Executor, invoiceId: string): Promise<InvoicePaymentRow[]> {
  const rows = await executor
    .select()
    .from(invoicePayments)
    .where(eq(invoicePayments.invoiceId, invoiceId))
    .orderBy(asc(invoicePayments.receivedOn), asc(invoicePayments.id));
  return rows.map(withDecimalAmount);
}

/**
 * An overdue invoice with its open amount. Amounts are exact decimal strings with at least two
 * decimals (`"119.00"`), in `currency` (the currency of its `totals.amountDue`).
 */
export type OverdueInvoiceRow = InvoiceOpenAmount;

/** Filters and page of {@link listOverdueInvoices}. */
export interface OverdueInvoiceListOptions {
  /** `YYYY-MM-DD`: invoices due before this day are overdue. */
  readonly asOf: string;
  readonly limit: number;
  /** The (due date, id) of the last row of the previous page. */
  readonly after?: { readonly dueDate: string; readonly id: string } | undefined;
  readonly organizationId?: string | undefined;
}

/**
 * Finalized invoices and correction invoices with an open amount whose due date
 * (`document->'paymentTerms'->>'dueDate'`) is before `asOf`, at most `limit`, ordered and
 * keyset-paged by (due date, id): ask for `limit + 1` to learn whether another page follows.
 *
 * One statement, no query per invoice: the open amount is `document->'totals'->'amountDue'->>'amount'`
 * minus the sum of the invoice's payments that are not reversed (`reversed_on IS NULL`: a
 * reversed payment never paid anything, so a returned direct debit puts the invoice back on the
 * list) minus the sum of `totals.amountDue` of its finalized credit notes (`type = 'credit-note'`, `preceding_invoice_id` = the invoice; drafts do
 * not count), each sum a correlated subquery on its index (`invoice_payments_invoice_idx`,
 * `invoices_preceding_idx`). The candidates come from the partial index
 * `invoices_payable_due_idx` in page order, so a page stops after `limit` overdue rows. Drafts
 * and credit notes are never listed. Dates compare as ISO strings.
 */
export async function listOverdueInvoices(executor: Executor, options: OverdueInvoiceListOptions): Promise<OverdueInvoiceRow[]> {
  const dueDate = invoiceDueDate();
  const after = options.after === undefined ? sql`` : sql` and (${dueDate}, invoice.id) > (${options.after.dueDate}::text, ${options.after.id}::text)`;
  const organization = options.organizationId === undefined ? sql`` : sql` and invoice.organization_id = ${options.organizationId}::text`;
  const rows = await executor
    .select(openAmountFields())
    .from(payableInvoicesWithOpenAmount(sql`${dueDate} < ${options.asOf}::text${after}${organization}`))
    .where(sql`${openAmountOfCandidate()} > 0`)
    .orderBy(sql`candidate.due_date`, sql`candidate.id`)
    .limit(options.limit);
  return rows.map(invoiceOpenAmountOf);
}

function withDecimalAmount(row: InvoicePaymentRow): InvoicePaymentRow {
  return { ...row, amount: decimalString(row.amount) };
}

/**
 * The finalized invoices and correction invoices numbered `numbers` (credit notes and drafts
 * never), each with its open amount as {@link listOverdueInvoices} computes it, including those
 * with nothing open (`open` `"0.00"`, or negative when overpaid or credited beyond the amount
 * due): a bank statement naming a paid invoice is reviewed, not ignored. In number order. One
 * statement on the unique index of `invoices.number`; no statement for an empty list.
 */
export async function findInvoicesByNumbers(executor: Executor, numbers: readonly string[]): Promise<InvoiceOpenAmount[]> {
  const unique = [...new Set(numbers)];
  if (unique.length === 0) return [];
  const rows = await executor
    .select(openAmountFields())
    .from(payableInvoicesWithOpenAmount(sql`invoice.number = any(${sql.param(unique)}::text[])`))
    .orderBy(sql`candidate.number`);
  return rows.map(invoiceOpenAmountOf);
}
