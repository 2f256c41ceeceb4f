import { Decimal as GlobalDecimal } from "decimal.js";

/**
 * Kontor's one Decimal class: a private clone of decimal.js, configured once here and never
 * globally (P3). 34 significant digits (IEEE 754 decimal128) cover the required 15 integer and
 * 10 fractional digits of any amount with room for intermediate products; `toString` never
 * switches to exponent notation for amounts in that range.
 */
export const Decimal = GlobalDecimal.clone({
  precision: 34,
  rounding: GlobalDecimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** An exact decimal number made by {@link decimal}. */
export type Decimal = InstanceType<typeof Decimal>;

/**
 * A value that can be read as an exact decimal: a decimal string (`"12.50"`), a bigint, a safe
 * integer, or a {@link Decimal}. Non-integer JavaScript numbers are refused (P3: money never
 * passes through a binary float).
 */
export type DecimalInput = string | bigint | number | Decimal;
