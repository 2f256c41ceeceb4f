import type { Money } from "@kontor/money";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";

/**
 * The pro-rata-by-day share of a term price (L11, L19): `price × days / daysInTerm`, computed
 * exactly and rounded once, half-up, to the currency's minor unit. Negative `days` give a credit
 * of the same size as the charge for `|days|` (half-up rounds ties away from zero).
 *
 * @example proRata(Money.of("1000", "EUR"), 122, 365) // 334.25 EUR (exactly 334.2465…)
 * @param price the price of the whole term
 * @param days the days to charge (negative: to credit)
 * @param daysInTerm the days of the term the price is for (365 or 366 for a year)
 */
export function proRata(price: Money, days: number, daysInTerm: number): LicensingResult<Money> {
  if (!Number.isSafeInteger(days)) {
    return fail(licensingError("INVALID_INPUT", `days must be an integer, got ${String(days)}`, ["days"]));
  }
  if (!Number.isSafeInteger(daysInTerm) || daysInTerm <= 0) {
    return fail(licensingError("INVALID_INPUT", `daysInTerm must be a positive integer, got ${String(daysInTerm)}`, ["daysInTerm"]));
  }
  return ok(proRataOf(price, days, daysInTerm));
}

/** {@link proRata} for arguments already known to be valid integers (internal use). */
export function proRataOf(price: Money, days: number, daysInTerm: number): Money {
  return price.multiply(days).divide(daysInTerm).round("half-up");
}
