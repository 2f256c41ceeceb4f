import type { TaxDetermination } from "@kontor/terms";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { DEFAULT_VAT_EXEMPTIONS, type LineVat } from "./vat-category.js";

/**
 * The VAT of an invoice line from `@kontor/terms`' T3 tax determination: category and rate as
 * decided, and for the zero-rated categories the invoice note as exemption reason (BT-120) with
 * its VATEX code (BT-121). US sales tax is not VAT and cannot be expressed in an EN 16931
 * invoice: it is refused with `INVALID_INPUT`.
 */
export function lineVatFromTaxDetermination(
  determination: Pick<TaxDetermination, "category" | "ratePercent" | "taxScheme" | "note">,
): Result<LineVat> {
  if (determination.taxScheme !== "VAT") {
    return failure([
      issue("INVALID_INPUT", "US sales tax is not VAT; an EN 16931 invoice cannot carry it", ["taxScheme"]),
    ]);
  }
  const { category, ratePercent, note } = determination;
  if (category === "S" || category === "Z") return success(Object.freeze({ category, rate: ratePercent }));
  const code = DEFAULT_VAT_EXEMPTIONS[category]?.code;
  const reason = note ?? DEFAULT_VAT_EXEMPTIONS[category]?.reason;
  return success(
    Object.freeze({
      category,
      rate: ratePercent,
      ...(reason === undefined ? {} : { exemptionReason: reason }),
      ...(code === undefined ? {} : { exemptionReasonCode: code }),
    }),
  );
}
