import { Money, type CurrencyCode } from "@kontor/money";
import { invoiceTotals, vatBreakdownKey, type TermsError } from "@kontor/terms";
import { DEFAULT_VAT_EXEMPTIONS, type LineVat } from "../documents/vat-category.js";
import { issue, type InvoicingErrorCode, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { InvoiceTotals, VatBreakdownEntry } from "./invoice-totals.js";
import { isUnitBaseQuantity, lineNetAmount } from "./line-net-amount.js";

/** What the totals need of a line: quantity, unit price, its base quantity and VAT. */
export interface TotalsLine {
  readonly quantity: string;
  readonly unitPrice: Money;
  /** Item price base quantity (BT-149): the unit price is per this many units; default `"1"`. */
  readonly baseQuantity?: string | undefined;
  readonly vat: LineVat;
}

/** The line net amounts (BT-131) and the document totals, both from `@kontor/terms`. */
export interface CalculatedTotals {
  /** Each line's quantity × unit price ÷ base quantity, rounded half-up to the cent, in line order. */
  readonly lineNets: readonly Money[];
  readonly totals: InvoiceTotals;
}

/**
 * T5 (EN 16931 BR-CO-17) via `@kontor/terms`' `invoiceTotals`, so invoices, dunning and
 * reports share one rounding: line amounts rounded half-up to the cent; per VAT category and
 * rate, tax = category net total × rate, rounded half-up to the cent; totals are sums of
 * rounded values. Adds what a document needs on top: exemption reasons (BT-120/121), the
 * prepaid amount (BT-113) and the amount due (BT-115).
 *
 * A line with a base quantity other than 1 (BT-149) is priced per that many units: its net,
 * quantity × unit price ÷ base quantity rounded half-up to the cent once, is computed here
 * (exactly, see `lineNetAmount`) and handed to `invoiceTotals` as the line's net; every other
 * line goes to `invoiceTotals` as quantity and unit price, as before.
 */
export function calculateInvoiceTotals(
  lines: readonly TotalsLine[],
  currency: CurrencyCode,
  prepaidAmount: Money = Money.zero(currency),
): Result<CalculatedTotals> {
  const result = invoiceTotals({
    currency,
    lines: lines.map((line) =>
      line.baseQuantity === undefined || isUnitBaseQuantity(line.baseQuantity)
        ? { quantity: line.quantity, unitPrice: line.unitPrice, category: line.vat.category, ratePercent: line.vat.rate }
        : { net: lineNetAmount(line.quantity, line.unitPrice, line.baseQuantity), category: line.vat.category, ratePercent: line.vat.rate },
    ),
  });
  if (!result.ok) return failure(result.errors.map(fromTermsError));
  const computed = result.value;
  // Exemption reasons come from the first line of each category and rate (BT-120/121 per BG-23).
  const vatByKey = new Map<string, LineVat>();
  for (const line of lines) {
    const key = vatBreakdownKey(line.vat.category, line.vat.rate);
    if (key !== undefined && !vatByKey.has(key)) vatByKey.set(key, line.vat);
  }
  const vatBreakdown = computed.breakdown.map((row): VatBreakdownEntry => {
    const vat = vatByKey.get(row.key);
    const exemption = DEFAULT_VAT_EXEMPTIONS[row.category];
    const reason = vat?.exemptionReason ?? exemption?.reason;
    const code = vat?.exemptionReasonCode ?? exemption?.code;
    return Object.freeze({
      category: row.category,
      rate: row.ratePercent,
      taxableAmount: row.taxableAmount,
      taxAmount: row.taxAmount,
      ...(reason === undefined ? {} : { exemptionReason: reason }),
      ...(code === undefined ? {} : { exemptionReasonCode: code }),
    });
  });
  const totals: InvoiceTotals = {
    lineNetTotal: computed.lineTotal,
    taxBasisTotal: computed.taxExclusiveTotal,
    taxTotal: computed.taxTotal,
    grandTotal: computed.taxInclusiveTotal,
    prepaidAmount,
    amountDue: computed.taxInclusiveTotal.subtract(prepaidAmount),
    vatBreakdown,
  };
  return success(Object.freeze({ lineNets: Object.freeze([...computed.lineNets]), totals }));
}

function fromTermsError(error: TermsError): InvoicingIssue {
  const code: InvoicingErrorCode =
    error.code === "T5_CURRENCY_MISMATCH"
      ? "CURRENCY_MISMATCH"
      : error.code === "T5_INVALID_RATE" || error.code === "T5_RATE_NOT_ALLOWED_FOR_CATEGORY"
        ? "VAT_RATE_INVALID"
        : "INVALID_INPUT";
  // terms names the rate `ratePercent`; in a document line it is `vat.rate`.
  const path = error.path.flatMap((key) => (key === "ratePercent" ? ["vat", "rate"] : [key]));
  return issue(code, error.message, path);
}
