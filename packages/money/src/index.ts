/**
 * `@kontor/money`: exact money for Kontor (RULES.md P3).
 *
 * @packageDocumentation
 */
export { Decimal, type DecimalInput } from "./decimal.js";
export { decimal } from "./to-decimal.js";
export { MoneyError, type MoneyErrorCode } from "./money-error.js";
export {
  CURRENCIES,
  CURRENCY_CODES,
  type CurrencyCode,
  currencyCodeSchema,
  isCurrencyCode,
  minorUnits,
} from "./currency.js";
export { type RoundingMode, roundingModeSchema } from "./rounding-mode.js";
export { Money, type MoneyJson } from "./money.js";
export { allocate } from "./allocate.js";
export { parseMoney, type NumberStyle } from "./parse.js";
export { formatMoney, type MoneyLocale } from "./format.js";
export { decimalStringSchema, moneyJsonSchema, moneySchema } from "./money-schema.js";
