import type { CurrencyCode, MoneyJson } from "@kontor/money";
import { minutesToHours } from "../hours.js";
import type { MonthKey } from "../time/month-key.js";
import { lineNetJson, priceJson } from "./exact-amount.js";
import type { InvoiceLine } from "./invoice-line.js";

interface MonthlyTexts {
  readonly monthlyMinutes: number;
  readonly monthlyPrice: string;
  readonly currency: CurrencyCode;
  readonly month: MonthKey;
  readonly description: string;
  readonly unitPrice: MoneyJson;
  readonly net: string;
}

// Month close bills this line for every contingent of a month, and contracts share a few sets of
// terms: the texts of the last terms are kept and compared by value (so JSON-loaded contracts hit
// the same way), which takes formatting the hours and the price out of the per-contract path.
let last: MonthlyTexts | undefined;

function textsOf(monthlyMinutes: number, monthlyPrice: string, currency: CurrencyCode, month: MonthKey): MonthlyTexts {
  if (
    last?.monthlyMinutes === monthlyMinutes &&
    last.monthlyPrice === monthlyPrice &&
    last.currency === currency &&
    last.month === month
  ) {
    return last;
  }
  last = {
    monthlyMinutes,
    monthlyPrice,
    currency,
    month,
    description: `Contingent of ${minutesToHours(monthlyMinutes)} hours, ${month}`,
    unitPrice: priceJson(monthlyPrice, currency),
    net: lineNetJson(monthlyPrice, 1, 1, currency).amount,
  };
  return last;
}

/** C2: the fixed monthly invoice line of a contingent for the agreed hours (`monthlyMinutes`). */
export function contingentMonthlyLine(
  monthlyMinutes: number,
  monthlyPrice: string,
  currency: CurrencyCode,
  month: MonthKey,
  serviceReportId: string,
): InvoiceLine {
  const texts = textsOf(monthlyMinutes, monthlyPrice, currency, month);
  return {
    kind: "contingent-monthly",
    description: texts.description,
    quantity: "1",
    unit: "month",
    unitPrice: texts.unitPrice,
    net: { amount: texts.net, currency },
    serviceReportId,
    minutes: monthlyMinutes,
    reference: month,
  };
}
