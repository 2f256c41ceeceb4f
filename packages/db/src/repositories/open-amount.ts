import { sql, type SQL } from "drizzle-orm";
import { invoicePayments, invoices } from "../schema/invoicing.js";

/**
 * A finalized invoice or correction invoice with its open amount. Amounts are exact decimal
 * strings with at least two decimals (`"119.00"`), in `currency` (the currency of its
 * `totals.amountDue`).
 */
export interface InvoiceOpenAmount {
  readonly id: string;
  readonly organizationId: string;
  readonly number: string;
  readonly currency: string;
  /** `YYYY-MM-DD`, from `document.paymentTerms.dueDate`. */
  readonly dueDate: string;
  /** `document.totals.amountDue`. */
  readonly amountDue: string;
  /** The sum of the invoice's payments that are not reversed. */
  readonly paid: string;
  /** The sum of `totals.amountDue` of the invoice's finalized credit notes. */
  readonly credited: string;
  /** `amountDue − paid − credited`, always above zero in the lists. */
  readonly open: string;
}

/** The due date of the invoice aliased `invoice` in {@link payableInvoicesWithOpenAmount}. */
export const invoiceDueDate = (): SQL => sql`(invoice.document -> 'paymentTerms' ->> 'dueDate')`;

/**
 * `(select … from invoices as invoice where … ) as candidate`: the finalized invoices and
 * correction invoices that match `where` (on the alias `invoice`), each with `amount_due`,
 * `paid` and `credited` beside its id, organization, number, currency and due date, plus
 * `extraColumns` (a leading comma is added). The open amount is `totals.amountDue` minus the
 * payments that are not reversed (a reversed payment never paid anything, so a returned direct
 * debit counts as unpaid) minus the finalized credit notes (drafts do not count), each sum a
 * correlated subquery on its index (`invoice_payments_invoice_idx`, `invoices_preceding_idx`):
 * one statement, no query per invoice. Filter and order outside by {@link openAmountOfCandidate}
 * and `candidate.due_date`, `candidate.id`.
 *
 * Status and types are literals, not parameters: they must imply the predicate of the partial
 * indexes the candidates are walked in (`invoices_payable_due_idx`, `invoices_direct_debit_due_idx`).
 * Every column is qualified by an explicit alias: the same table is read twice (invoices and their
 * credit notes), and drizzle leaves columns of a one-table select unqualified.
 */
export function payableInvoicesWithOpenAmount(where: SQL, extraColumns?: SQL): SQL {
  const extra = extraColumns === undefined ? sql`` : sql`, ${extraColumns}`;
  return sql`(
    select invoice.id, invoice.organization_id, invoice.number,
           invoice.document -> 'totals' -> 'amountDue' ->> 'currency' as currency,
           ${invoiceDueDate()} as due_date,
           (invoice.document -> 'totals' -> 'amountDue' ->> 'amount')::numeric as amount_due,
           (select coalesce(sum(payment.amount), 0) from ${invoicePayments} as payment
             where payment.invoice_id = invoice.id and payment.reversed_on is null) as paid,
           (select coalesce(sum((credit.document -> 'totals' -> 'amountDue' ->> 'amount')::numeric), 0)
              from ${invoices} as credit
             where credit.preceding_invoice_id = invoice.id and credit.type = 'credit-note' and credit.status = 'finalized') as credited${extra}
      from ${invoices} as invoice
     where invoice.status = 'finalized' and invoice.type in ('invoice', 'corrected-invoice')
       and ${where}
  ) as candidate`;
}

/** `amount_due − paid − credited` of the alias `candidate` of {@link payableInvoicesWithOpenAmount}. */
export const openAmountOfCandidate = (): SQL => sql`(candidate.amount_due - candidate.paid - candidate.credited)`;

/** The select fields of {@link InvoiceOpenAmount} on the alias `candidate`, amounts as text (both drivers hand back the exact digits). */
export function openAmountFields() {
  return {
    id: sql<string>`candidate.id`,
    organizationId: sql<string>`candidate.organization_id`,
    number: sql<string | null>`candidate.number`,
    currency: sql<string>`candidate.currency`,
    dueDate: sql<string>`candidate.due_date`,
    amountDue: sql<string>`candidate.amount_due::text`,
    paid: sql<string>`candidate.paid::text`,
    credited: sql<string>`candidate.credited::text`,
    open: sql<string>`${openAmountOfCandidate()}::text`,
  };
}

/** A row of {@link openAmountFields} as {@link InvoiceOpenAmount}: amounts with two decimals. */
export function invoiceOpenAmountOf(row: {
  readonly id: string;
  readonly organizationId: string;
  readonly number: string | null;
  readonly currency: string;
  readonly dueDate: string;
  readonly amountDue: string;
  readonly paid: string;
  readonly credited: string;
  readonly open: string;
}): InvoiceOpenAmount {
  // A finalized document always has its number (a table CHECK).
  if (row.number === null) throw new Error(`finalized invoice ${row.id} has no number`);
  return {
    id: row.id,
    organizationId: row.organizationId,
    number: row.number,
    currency: row.currency,
    dueDate: row.dueDate,
    amountDue: decimalString(row.amountDue),
    paid: decimalString(row.paid),
    credited: decimalString(row.credited),
    open: decimalString(row.open),
  };
}

/**
 * A `numeric` as Money accepts it: trailing zeros beyond the second decimal dropped, at least two
 * decimals (`"119"` and `"119.0000"` become `"119.00"`, `"0.125"` stays).
 */
export function decimalString(value: string): string {
  const match = /^(-?\d+)(?:\.(\d*))?$/.exec(value);
  if (match === null) throw new Error(`not a decimal: ${value}`);
  const [, whole = "0", fraction = ""] = match;
  return `${whole}.${fraction.replace(/0+$/, "").padEnd(2, "0")}`;
}
