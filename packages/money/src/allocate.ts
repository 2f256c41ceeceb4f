import { Decimal, type DecimalInput } from "./decimal.js";
import { Money } from "./money.js";
import { MoneyError } from "./money-error.js";
import { decimal } from "./to-decimal.js";

/**
 * Splits `total` across `weights` without losing or creating a minor unit (P3).
 *
 * Each share first gets its exact share rounded toward zero, in minor units; the units left
 * over go one each to the shares whose exact value lost the most in that rounding (largest
 * remainder), ties to the larger weight, then to the earlier position. Only shares that lost
 * something get a unit, so every share is less than one minor unit from its exact value, and
 * the shares always sum to `total`. A negative total is split like its absolute value, then
 * negated.
 *
 * @example
 * ```ts
 * allocate(Money.of("100.00", "EUR"), [1, 1, 1]); // 33.34, 33.33, 33.33
 * allocate(Money.of("0.05", "EUR"), [3, 1]);      // 0.04, 0.01
 * ```
 * @throws {MoneyError} `MONEY_NOT_ROUNDED` when `total` has sub-minor digits,
 *   `MONEY_INVALID_WEIGHTS` for no weights, a negative weight or only zero weights.
 */
export function allocate(total: Money, weights: readonly DecimalInput[]): Money[] {
  if (weights.length === 0) {
    throw new MoneyError("MONEY_INVALID_WEIGHTS", "At least one weight is needed", ["weights"]);
  }
  const parsed = weights.map((weight, index) => {
    const value = decimal(weight, ["weights", index]);
    if (value.isNegative() && !value.isZero()) {
      throw new MoneyError("MONEY_INVALID_WEIGHTS", "Weights must not be negative", [
        "weights",
        index,
      ]);
    }
    return value;
  });
  const weightSum = parsed.reduce((sum, w) => sum.plus(w), new Decimal(0));
  if (weightSum.isZero()) {
    throw new MoneyError("MONEY_INVALID_WEIGHTS", "At least one weight must be above zero", [
      "weights",
    ]);
  }

  const units = total.toMinorUnits();
  const sign = units < 0n ? -1n : 1n;
  const absUnits = new Decimal((units * sign).toString());

  const shares: bigint[] = [];
  const remainders: Decimal[] = [];
  for (const weight of parsed) {
    const scaled = absUnits.times(weight);
    const share = scaled.dividedToIntegerBy(weightSum);
    shares.push(BigInt(share.toFixed(0)));
    // What rounding toward zero dropped, in units of weightSum (exact: no division).
    remainders.push(scaled.minus(share.times(weightSum)));
  }
  let remainder = units * sign - shares.reduce((sum, share) => sum + share, 0n);

  // Largest remainder first, then the larger weight; sort is stable, so then the earlier position.
  const order = parsed
    .map((weight, index) => ({ weight, index, lost: remainders[index] ?? new Decimal(0) }))
    .sort((a, b) => b.lost.comparedTo(a.lost) || b.weight.comparedTo(a.weight));
  for (const { index } of order) {
    if (remainder === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    remainder -= 1n;
  }

  return shares.map((share) => Money.fromMinorUnits(share * sign, total.currency));
}
