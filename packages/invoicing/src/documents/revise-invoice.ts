import { issue, issuesFromZod } from "../errors/invoicing-issue.js";
import { failure, type Result } from "../errors/result.js";
import { composeParsedInvoice } from "./compose-invoice.js";
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
 * with `INVOICE_FINALIZED`.
 */
export function reviseInvoice(invoice: InvoiceDocument, changes: Partial<InvoiceInput>): Result<DraftInvoice> {
  const refused = refuseFinalized(invoice);
  if (refused !== null) return refused;
  const parsed = invoiceInputSchema.safeParse({ ...invoice.source, ...changes });
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  return composeParsedInvoice(parsed.data);
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
