import { minorUnits, Money } from "@kontor/money";

/** A decimal string as `units × 10^-scale` (`"-12.50"` → -1250n, 2). */
function scaled(value: string): { readonly units: bigint; readonly scale: number } {
  const dot = value.indexOf(".");
  return dot < 0 ? { units: BigInt(value), scale: 0 } : { units: BigInt(value.slice(0, dot) + value.slice(dot + 1)), scale: value.length - dot - 1 };
}

/** `n / d` rounded half-up (ties away from zero), for `d > 0`. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const quotient = abs / d;
  const rounded = 2n * (abs % d) >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** Whether a base quantity (BT-149) is 1 (`"1"`, `"1.00"`), i.e. the unit price is per unit. */
export function isUnitBaseQuantity(baseQuantity: string): boolean {
  const { units, scale } = scaled(baseQuantity);
  return units === 10n ** BigInt(scale);
}

/**
 * A line's net amount (BT-131): quantity (BT-129) × unit price (BT-146) ÷ base quantity
 * (BT-149, default 1), rounded half-up to the currency's minor unit once (T5, P3).
 *
 * With a base quantity of 1 this is `unitPrice.multiply(quantity).round("half-up")`, the
 * amount `@kontor/terms`' `invoiceTotals` computes for a quantity-and-price line. Otherwise the
 * amount is computed exactly in scaled integers (bigint), so that e.g. 50 minutes at 95.00 per
 * 60 minutes is exactly 79.1666… before its one rounding, 79.17.
 */
export function lineNetAmount(quantity: string, unitPrice: Money, baseQuantity = "1"): Money {
  if (isUnitBaseQuantity(baseQuantity)) return unitPrice.multiply(quantity).round("half-up");
  const digits = minorUnits(unitPrice.currency);
  const price = scaled(unitPrice.amount.toFixed());
  const amount = scaled(quantity);
  const base = scaled(baseQuantity);
  // net = (p / 10^ps) × (q / 10^qs) ÷ (b / 10^bs), in minor units × 10^digits.
  const numerator = price.units * amount.units * 10n ** BigInt(digits + base.scale);
  const denominator = base.units * 10n ** BigInt(price.scale + amount.scale);
  return Money.fromMinorUnits(divideHalfUp(numerator, denominator), unitPrice.currency);
}
