import { decimal } from "@kontor/money";
import { issue, type InvoicingIssue } from "../errors/invoicing-issue.js";
import type { ParsedInvoiceInput } from "./invoice-input.js";
import { linePeriod } from "./line-period.js";

/**
 * The legal and EN 16931 rules a document must meet beyond its schema. Returns every problem,
 * not only the first, so a form can show them all.
 */
export function checkInvoiceRules(source: ParsedInvoiceInput): InvoicingIssue[] {
  const errors: InvoicingIssue[] = [];
  const { seller, buyer } = source;
  const categories = new Set(source.lines.map((line) => line.vat.category));

  // §14 Abs. 4 Nr. 2 UStG (BR-S-02 and siblings): the seller's tax number or VAT ID.
  if (seller.vatId === undefined && seller.taxNumber === undefined) {
    errors.push(
      issue("UST14_SELLER_TAX_ID_MISSING", "The seller needs a tax number or a VAT ID (§14 Abs. 4 Nr. 2 UStG)", [
        "seller",
        "vatId",
      ]),
    );
  }
  // BR-O-02 forbids VAT IDs on a "not subject to VAT" invoice, so only the tax number can be shown.
  if (categories.has("O") && seller.taxNumber === undefined && seller.vatId !== undefined) {
    errors.push(
      issue(
        "UST14_SELLER_TAX_ID_MISSING",
        "A not-subject-to-VAT invoice (category O) carries no VAT IDs (BR-O-02): the seller needs a tax number",
        ["seller", "taxNumber"],
      ),
    );
  }
  if (categories.has("O") && categories.size > 1) {
    errors.push(
      issue("VAT_CATEGORY_O_MIXED", "Category O (not subject to VAT) cannot be combined with other categories", [
        "lines",
      ]),
    );
  }
  // T3 / BR-AE-02: reverse charge shows both VAT IDs.
  if (categories.has("AE") && (seller.vatId === undefined || buyer.vatId === undefined)) {
    errors.push(
      issue(
        "T3_REVERSE_CHARGE_VAT_IDS_MISSING",
        "Reverse charge (AE) needs the VAT IDs of seller and buyer on the invoice (T3, §14a UStG)",
        [seller.vatId === undefined ? "seller" : "buyer", "vatId"],
      ),
    );
  }
  if (categories.has("K") && (seller.vatId === undefined || buyer.vatId === undefined)) {
    errors.push(
      issue("VAT_CATEGORY_VAT_ID_MISSING", "An intra-community supply (K) needs the VAT IDs of seller and buyer", [
        seller.vatId === undefined ? "seller" : "buyer",
        "vatId",
      ]),
    );
  }
  if (categories.has("G") && seller.vatId === undefined) {
    errors.push(
      issue("VAT_CATEGORY_VAT_ID_MISSING", "An export (G) needs the seller's VAT ID (BR-G-02)", ["seller", "vatId"]),
    );
  }

  // §14 Abs. 4 Nr. 6 UStG: the date or period of the supply.
  const everyLineHasPeriod = source.lines.every((line) => linePeriod(line) !== undefined);
  if (source.deliveryDate === undefined && source.supplyPeriod === undefined && !everyLineHasPeriod) {
    errors.push(
      issue(
        "UST14_SUPPLY_DATE_MISSING",
        "Give a delivery date, a supply period or a period on every line (§14 Abs. 4 Nr. 6 UStG)",
        ["supplyPeriod"],
      ),
    );
  }

  if (source.type !== "invoice" && source.precedingInvoice === undefined) {
    errors.push(
      issue("PRECEDING_INVOICE_MISSING", `A ${source.type} must reference the original invoice (BG-3)`, [
        "precedingInvoice",
      ]),
    );
  }

  if (source.prepaidAmount !== undefined && source.prepaidAmount.currency !== source.currency) {
    errors.push(
      issue("CURRENCY_MISMATCH", `The prepaid amount is not in ${source.currency}`, ["prepaidAmount", "currency"]),
    );
  }

  const ids = new Set<string>();
  source.lines.forEach((line, index) => {
    const path = ["lines", index];
    const id = line.id ?? String(index + 1);
    if (ids.has(id)) errors.push(issue("LINE_ID_DUPLICATE", `Line ID ${id} is used twice`, [...path, "id"]));
    ids.add(id);
    if (line.unitPrice.currency !== source.currency) {
      errors.push(
        issue("CURRENCY_MISMATCH", `The price is in ${line.unitPrice.currency}, the document in ${source.currency}`, [
          ...path,
          "unitPrice",
          "currency",
        ]),
      );
    }
    const rate = decimal(line.vat.rate);
    const category = line.vat.category;
    if (category === "S" ? !rate.isPositive() || rate.isZero() : !rate.isZero()) {
      errors.push(
        issue(
          "VAT_RATE_INVALID",
          category === "S"
            ? "A standard-rated line (S) needs a rate above 0"
            : `Category ${category} has rate 0, not ${line.vat.rate}`,
          [...path, "vat", "rate"],
        ),
      );
    }
    if (category === "E" && line.vat.exemptionReason === undefined && line.vat.exemptionReasonCode === undefined) {
      errors.push(
        issue("VAT_EXEMPTION_REASON_MISSING", "An exempt line (E) needs the exemption reason (BR-E-10)", [
          ...path,
          "vat",
          "exemptionReason",
        ]),
      );
    }
    if ((category === "S" || category === "Z") && line.vat.exemptionReason !== undefined) {
      errors.push(
        issue("INVALID_INPUT", `Category ${category} has no exemption reason (BR-S-10, BR-Z-10)`, [
          ...path,
          "vat",
          "exemptionReason",
        ]),
      );
    }
  });
  return errors;
}
