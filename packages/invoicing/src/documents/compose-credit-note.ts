import { decimal, decimalStringSchema } from "@kontor/money";
import { z } from "zod";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, type Result } from "../errors/result.js";
import { composeParsedInvoice } from "./compose-invoice.js";
import type { DraftInvoice, InvoiceDocument } from "./invoice-document.js";
import { invoiceInputSchema } from "./invoice-input.js";
import type { ParsedInvoiceLine } from "./invoice-line.js";
import { isoDateSchema } from "./iso-date.js";
import { paymentTermsSchema } from "./payment.js";

/** zod schema of the options of {@link composeCreditNote}. */
export const creditNoteInputSchema = z
  .object({
    /** Issue date of the credit note. */
    issueDate: isoDateSchema,
    /** Why the amount is credited; printed and sent as a note (BT-22). */
    reason: z.string().min(1).max(2000),
    /**
     * The lines to credit, by line ID of the original, with an optional smaller quantity.
     * Default: every line in full.
     */
    lines: z
      .array(z.object({ lineId: z.string().min(1), quantity: decimalStringSchema.optional() }).strict())
      .min(1)
      .optional(),
    /** Payment terms of the refund; default: the original's net days and calendar. */
    paymentTerms: paymentTermsSchema.optional(),
  })
  .strict();

/** Options of {@link composeCreditNote}. */
export type CreditNoteInput = z.input<typeof creditNoteInputSchema>;

/**
 * A draft credit note (type 381) for a finalized invoice: same parties, references and payment
 * means, the credited lines with positive amounts, and the original's number and date as the
 * preceding invoice (BG-3, BT-25/BT-26).
 */
export function composeCreditNote(original: InvoiceDocument, input: CreditNoteInput): Result<DraftInvoice> {
  if (original.status !== "finalized") {
    return failure([
      issue("INVOICE_NOT_FINALIZED", "Only a finalized (numbered) invoice can be credited", ["original", "status"]),
    ]);
  }
  if (original.type === "credit-note") {
    return failure([issue("INVALID_INPUT", "A credit note cannot be credited", ["original", "type"])]);
  }
  const parsed = creditNoteInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const options = parsed.data;
  if (options.issueDate < original.issueDate) {
    return failure([
      issue("INVALID_INPUT", `The credit note cannot be dated before the invoice (${original.issueDate})`, ["issueDate"]),
    ]);
  }

  const errors: InvoicingIssue[] = [];
  const sourceLines: ParsedInvoiceLine[] = [];
  const selection = options.lines ?? original.lines.map((line) => ({ lineId: line.id, quantity: undefined }));
  selection.forEach((wanted, index) => {
    const position = original.lines.findIndex((line) => line.id === wanted.lineId);
    const line = original.source.lines[position];
    const composed = original.lines[position];
    if (line === undefined || composed === undefined) {
      errors.push(issue("CREDIT_LINE_INVALID", `Invoice ${original.number} has no line ${wanted.lineId}`, ["lines", index, "lineId"]));
      return;
    }
    const quantity = wanted.quantity ?? line.quantity;
    const asked = decimal(quantity);
    if (!asked.isPositive() || asked.isZero() || asked.greaterThan(decimal(line.quantity).abs())) {
      errors.push(
        issue(
          "CREDIT_LINE_INVALID",
          `Line ${wanted.lineId} can be credited for more than 0 and at most ${line.quantity}, not ${quantity}`,
          ["lines", index, "quantity"],
        ),
      );
      return;
    }
    sourceLines.push({ ...line, id: composed.id, unitCode: composed.unitCode, quantity });
  });
  if (errors.length > 0) return failure(errors);

  const source = invoiceInputSchema.safeParse({
    ...original.source,
    type: "credit-note",
    issueDate: options.issueDate,
    precedingInvoice: { number: original.number, issueDate: original.issueDate },
    paymentTerms: options.paymentTerms ?? {
      netDays: original.paymentTerms.netDays,
      calendar: original.paymentTerms.calendar,
    },
    prepaidAmount: undefined,
    notes: [options.reason],
    lines: sourceLines,
  });
  if (!source.success) return failure(issuesFromZod(source.error));
  return composeParsedInvoice(source.data);
}
