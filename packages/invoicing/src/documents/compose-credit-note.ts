import { decimal, decimalStringSchema, type Decimal } from "@kontor/money";
import { z } from "zod";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { composeParsedInvoice } from "./compose-invoice.js";
import type { DraftInvoice, InvoiceDocument } from "./invoice-document.js";
import { INVOICE_TYPES, invoiceInputSchema, type InvoiceType } from "./invoice-input.js";
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
 * zod schema of a credit note issued earlier for the same invoice, as far as
 * {@link composeCreditNote} reads it: its type, the invoice it references (BG-3) and the
 * quantity it credits per line ID of the original. A composed or stored (JSON) credit note,
 * draft or finalized, fits as it is; other fields are ignored.
 */
export const earlierCreditNoteSchema = z.object({
  type: z.enum(INVOICE_TYPES),
  precedingInvoice: z.object({ number: z.string().min(1) }).optional(),
  lines: z.array(z.object({ id: z.string().min(1), quantity: decimalStringSchema })),
});

/** A credit note issued earlier for the same invoice ({@link earlierCreditNoteSchema}). */
export interface EarlierCreditNote {
  readonly type: InvoiceType;
  readonly precedingInvoice?: { readonly number: string } | undefined;
  readonly lines: readonly { readonly id: string; readonly quantity: string }[];
}

/** Further input of {@link composeCreditNote}: what is credited already. */
export interface ComposeCreditNoteOptions {
  /**
   * Every credit note issued for the original so far, drafts included (a draft is finalized
   * later). Together with the new one they credit each line at most for its invoiced quantity;
   * an excess is refused with `CREDIT_EXCEEDS_INVOICE`. Default: none.
   */
  readonly earlierCreditNotes?: readonly EarlierCreditNote[];
}

/**
 * A draft credit note (type 381) for a finalized invoice: same parties, references and payment
 * means, the credited lines with positive amounts, and the original's number and date as the
 * preceding invoice (BG-3, BT-25/BT-26).
 *
 * Across the original's credit notes no line is credited for more than was invoiced: pass the
 * earlier ones in `options.earlierCreditNotes` ({@link ComposeCreditNoteOptions}); a line asked
 * for more than is left is refused with `CREDIT_EXCEEDS_INVOICE` at `lines.<n>.quantity` (at
 * `lines` when the input names no lines, i.e. asks for every line in full). The function stays
 * pure: the caller loads the earlier credit notes, and serializes concurrent callers (e.g. by
 * locking the original) so that two credit notes cannot both take the same rest.
 */
export function composeCreditNote(
  original: InvoiceDocument,
  input: CreditNoteInput,
  options: ComposeCreditNoteOptions = {},
): Result<DraftInvoice> {
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
  const request = parsed.data;
  if (request.issueDate < original.issueDate) {
    return failure([
      issue("INVALID_INPUT", `The credit note cannot be dated before the invoice (${original.issueDate})`, ["issueDate"]),
    ]);
  }

  const credited = creditedQuantities(original, options.earlierCreditNotes ?? []);
  if (!credited.ok) return credited;

  const errors: InvoicingIssue[] = [];
  const sourceLines: ParsedInvoiceLine[] = [];
  const selection = request.lines ?? original.lines.map((line) => ({ lineId: line.id, quantity: undefined }));
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
    const before = credited.value.get(composed.id) ?? decimal(0);
    const left = decimal(line.quantity).abs().minus(before);
    if (asked.greaterThan(left)) {
      errors.push(
        issue(
          "CREDIT_EXCEEDS_INVOICE",
          `Line ${wanted.lineId} of invoice ${original.number} was invoiced for ${line.quantity} and is credited for ${before.toFixed()} already: ` +
            (left.isPositive() && !left.isZero() ? `at most ${left.toFixed()} is left to credit, not ${quantity}` : "nothing is left to credit") +
            (request.lines === undefined ? " (without lines a credit note credits every line in full; name the lines and quantities left)" : ""),
          request.lines === undefined ? ["lines"] : ["lines", index, "quantity"],
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
    issueDate: request.issueDate,
    precedingInvoice: { number: original.number, issueDate: original.issueDate },
    paymentTerms: request.paymentTerms ?? {
      netDays: original.paymentTerms.netDays,
      calendar: original.paymentTerms.calendar,
    },
    prepaidAmount: undefined,
    notes: [request.reason],
    lines: sourceLines,
  });
  if (!source.success) return failure(issuesFromZod(source.error));
  return composeParsedInvoice(source.data);
}

/**
 * The quantity the earlier credit notes credit per line ID of the original. Each must be a credit
 * note of this original (BG-3 number) crediting lines it has; anything else is `INVALID_INPUT` at
 * `earlierCreditNotes.<n>`, since counting it would miscount what is left.
 */
function creditedQuantities(original: InvoiceDocument, earlier: readonly EarlierCreditNote[]): Result<ReadonlyMap<string, Decimal>> {
  const errors: InvoicingIssue[] = [];
  const credited = new Map<string, Decimal>();
  const lineIds = new Set(original.lines.map((line) => line.id));
  earlier.forEach((candidate, index) => {
    const path = ["earlierCreditNotes", index];
    const parsed = earlierCreditNoteSchema.safeParse(candidate);
    if (!parsed.success) {
      errors.push(...issuesFromZod(parsed.error, path));
      return;
    }
    const note = parsed.data;
    if (note.type !== "credit-note" || note.precedingInvoice?.number !== original.number) {
      errors.push(issue("INVALID_INPUT", `Earlier credit note ${index} is not a credit note of invoice ${original.number}`, path));
      return;
    }
    note.lines.forEach((line, position) => {
      if (!lineIds.has(line.id)) {
        errors.push(issue("INVALID_INPUT", `Invoice ${original.number} has no line ${line.id}`, [...path, "lines", position, "id"]));
        return;
      }
      credited.set(line.id, (credited.get(line.id) ?? decimal(0)).plus(decimal(line.quantity).abs()));
    });
  });
  return errors.length > 0 ? failure(errors) : success(credited);
}
