import { Money } from "./money.js";
import { MoneyError } from "./money-error.js";

/**
 * How a text writes its numbers:
 * - `plain`: the canonical form `-1234.56` (JSON, CSV, APIs)
 * - `de-DE`: German, `.` groups thousands and `,` separates decimals: `-1.234,56`
 * - `en-US`: `,` groups thousands and `.` separates decimals: `-1,234.56`
 */
export type NumberStyle = "plain" | "de-DE" | "en-US";

const PATTERNS: Readonly<Record<NumberStyle, { pattern: RegExp; group: string; point: string }>> = {
  plain: { pattern: /^[+-]?\d+(\.\d+)?$/, group: "", point: "." },
  // Grouping is optional, but where used it must be in threes ("1.234,56" or "1234,56").
  "de-DE": { pattern: /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/, group: ".", point: "," },
  "en-US": { pattern: /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, group: ",", point: "." },
};

const SYMBOLS: Readonly<Record<string, string>> = {
  EUR: "€",
  USD: "$",
  GBP: "£",
  JPY: "¥",
  AUD: "A$",
  CHF: "CHF",
};

/**
 * Reads an amount written by people or programs: `parseMoney("1.234,56", "EUR", "de-DE")`.
 * A leading or trailing currency symbol or code of `currency` (`"1.234,56 €"`, `"EUR 12"`) and
 * surrounding white space are accepted; anything else, such as a wrongly grouped `"1.23,4"`,
 * is an error rather than a guess.
 *
 * @throws {MoneyError} `MONEY_INVALID_AMOUNT` or `MONEY_UNKNOWN_CURRENCY`.
 */
export function parseMoney(text: string, currency: string, style: NumberStyle = "plain"): Money {
  const { pattern, group, point } = PATTERNS[style];
  let body = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  for (const marker of [currency, SYMBOLS[currency]]) {
    if (marker === undefined) continue;
    if (body.endsWith(marker)) body = body.slice(0, -marker.length).trim();
    else if (body.startsWith(marker)) body = body.slice(marker.length).trim();
    else if (body.startsWith(`-${marker}`)) body = `-${body.slice(marker.length + 1).trim()}`;
  }
  if (!pattern.test(body)) {
    throw new MoneyError(
      "MONEY_INVALID_AMOUNT",
      `"${text}" is not an amount in ${style} notation`,
      ["amount"],
    );
  }
  const canonical = (group === "" ? body : body.split(group).join("")).replace(point, ".");
  return Money.of(canonical, currency);
}
