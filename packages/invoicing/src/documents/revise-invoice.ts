import { issue, issuesFromZod } from "../errors/invoicing-issue.js";
import { failure, type Result } from "../errors/result.js";
import { composeParsedInvoice, type ComposeInvoiceOptions } from "./compose-invoice.js";
import type { DraftInvoice, InvoiceDocument } from "./invoice-document.js";
import { invoiceInputSchema, type InvoiceInput } from "./invoice-input.js";
import type { InvoiceLineInput } from "./invoice-line.js";

function refuseFinalized(invoice: InvoiceDocument): Result<never> | null {
  return invoice.status === "finalized"
    ? failure([
        issue(
          "INVOICE_FINALIZED",
          `Invoice ${invoice.number} is finalized and immutable; issue a credit note or correction invoice instead`,
          ["status"],
        ),
      ])
    : null;
}

/**
 * A new draft with `changes` applied, recomposed and revalidated. Refuses a finalized document
 * with `INVOICE_FINALIZED`. `options.paymentTermsPolicies` is the payment-terms history the due
 * date is computed under (P1, as in `composeInvoice`); default: `@kontor/terms`' shipped policy.
 */
export function reviseInvoice(invoice: InvoiceDocument, changes: Partial<InvoiceInput>, options: ComposeInvoiceOptions = {}): Result<DraftInvoice> {
  const refused = refuseFinalized(invoice);
  if (refused !== null) return refused;
  const parsed = invoiceInputSchema.safeParse({ ...invoice.source, ...changes });
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  return composeParsedInvoice(parsed.data, options);
}

/**
 * The draft as issued on `issueDate` (BT-2, §14 Abs. 4 Nr. 3 UStG): a document is dated the day
 * it is issued, not the day its draft was composed, so whoever finalizes a draft that waited
 * re-dates it first (and numbers it in the year of that day). Only the issue date and what
 * depends on it change:
 * - the due date (BT-9) counts from the new day (T1 net days, §193 BGB), under the payment-terms
 *   policy in force on it (`options.paymentTermsPolicies`, P1);
 * - net days that were the policy's (`netDaysFromPolicy`) are that version's again; agreed net
 *   days stay;
 * - an agreed due date (`paymentTerms.dueDate`) stays as agreed: it is a date, not a term. One
 *   before the new issue date is refused (`PAYMENT_TERMS_INVALID` at `paymentTerms.dueDate`):
 *   an invoice is not issued overdue; compose the draft again with new terms;
 * - the default payment terms text (BT-20) names the new due date; a given text stays as given.
 *
 * The supply period (BG-14, BT-73/74), delivery date (BT-72), lines, VAT and totals stay. Refuses
 * a finalized document with `INVOICE_FINALIZED`.
 */
export function redateInvoice(invoice: InvoiceDocument, issueDate: string, options: ComposeInvoiceOptions = {}): Result<DraftInvoice> {
  return reviseInvoice(invoice, { issueDate }, options);
}

/** A new draft with `lines` appended. Refuses a finalized document with `INVOICE_FINALIZED`. */
export function addInvoiceLines(invoice: InvoiceDocument, lines: readonly InvoiceLineInput[]): Result<DraftInvoice> {
  return reviseInvoice(invoice, { lines: [...invoice.source.lines, ...lines] });
}

/**
 * A new draft without the line `lineId`. Refuses a finalized document with `INVOICE_FINALIZED`
 * and an unknown line with `INVALID_INPUT`.
 */
export function removeInvoiceLine(invoice: InvoiceDocument, lineId: string): Result<DraftInvoice> {
  const refused = refuseFinalized(invoice);
  if (refused !== null) return refused;
  const index = invoice.lines.findIndex((line) => line.id === lineId);
  if (index < 0) return failure([issue("INVALID_INPUT", `No line ${lineId}`, ["lineId"])]);
  // Keep the remaining lines' IDs stable even when they were numbered by position.
  const lines = invoice.source.lines.flatMap((line, position) => {
    const id = invoice.lines[position]?.id ?? String(position + 1);
    return position === index ? [] : [{ ...line, id }];
  });
  return reviseInvoice(invoice, { lines });
}
