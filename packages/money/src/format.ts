import { minorUnits } from "./currency.js";
import type { Money } from "./money.js";

/** A BCP 47 locale such as `"de-DE"` or `"en-US"`. */
export type MoneyLocale = string;

// Intl formatters are expensive to build: one per (locale, currency), reused.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: MoneyLocale, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const digits = minorUnits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount for people in `locale`, rounded half-up to the currency's minor unit:
 * `1.234,56 €` in de-DE (with a no-break space before the symbol, so that amount and symbol
 * never wrap apart) and `$1,234.56` in en-US.
 *
 * The amount reaches `Intl.NumberFormat` as an exact decimal string, never as a JavaScript
 * number (P3), so even 15 integer digits format without float error.
 */
export function formatMoney(money: Money, locale: MoneyLocale = "de-DE"): string {
  // Intl.NumberFormat accepts decimal strings and formats them exactly (ECMA-402 NumberFormat v3).
  return formatterFor(locale, money.currency).format(money.toFixed() as unknown as number);
}
