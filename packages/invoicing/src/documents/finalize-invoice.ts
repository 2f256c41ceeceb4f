import { z } from "zod";
import { issue, issuesFromZod } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { parseDocumentNumber } from "../numbering/document-number.js";
import { numberSeriesSchema, type NumberSeries } from "../numbering/number-series.js";
import { deepFreeze } from "./deep-freeze.js";
import type { FinalizedInvoice, InvoiceDocument } from "./invoice-document.js";
import { documentNumberSchema } from "./identifiers.js";

/** zod schema of the options of {@link finalizeInvoice}. */
export const finalizeOptionsSchema = z
  .object({
    /** The number the database reserved for this document (BT-1). */
    number: documentNumberSchema,
    /** When given, the number must belong to this series and to the year of the issue date. */
    series: numberSeriesSchema.optional(),
  })
  .strict();

/** Options of {@link finalizeInvoice}. */
export interface FinalizeOptions {
  readonly number: string;
  readonly series?: NumberSeries;
}

/**
 * Numbers a draft and makes it final and immutable. A finalized document cannot be finalized
 * again (`INVOICE_FINALIZED`): it keeps the number it was issued with.
 */
export function finalizeInvoice(invoice: InvoiceDocument, options: FinalizeOptions): Result<FinalizedInvoice> {
  if (invoice.status === "finalized") {
    return failure([
      issue("INVOICE_FINALIZED", `Invoice ${invoice.number} is finalized and cannot be numbered again`, ["status"]),
    ]);
  }
  const parsed = finalizeOptionsSchema.safeParse(options);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const { number, series } = parsed.data;
  if (series !== undefined) {
    const parts = parseDocumentNumber(series, number);
    if (!parts.ok) return failure(parts.errors.map((item) => ({ ...item, path: ["number"] })));
    const issueYear = Number(invoice.issueDate.slice(0, 4));
    if (parts.value.year !== null && parts.value.year !== issueYear) {
      return failure([
        issue("NUMBER_YEAR_MISMATCH", `${number} belongs to ${parts.value.year}, the document is dated ${invoice.issueDate}`, [
          "number",
        ]),
      ]);
    }
  }
  const finalized: FinalizedInvoice = { ...invoice, status: "finalized", number };
  return success(deepFreeze(finalized));
}
