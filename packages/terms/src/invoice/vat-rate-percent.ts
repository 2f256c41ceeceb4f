/** Rates are held as integers in 1/10,000 of a percent: "19" → 190000n, "5.5" → 55000n. */
export const RATE_SCALE = 10_000n;

const RATE = /^(\d{1,2})(?:\.(\d{1,4}))?$/;

/** A rate in percent as a scaled integer, or `undefined` when it is not a rate like "19" or "5.5". */
export function parseRatePercent(rate: string): bigint | undefined {
  const match = RATE.exec(rate);
  if (match === null) return undefined;
  return BigInt(match[1] ?? "0") * RATE_SCALE + BigInt((match[2] ?? "").padEnd(4, "0"));
}

/** The canonical string of a scaled rate: 190000n → "19", 55000n → "5.5". */
export function formatRatePercent(scaled: bigint): string {
  const whole = scaled / RATE_SCALE;
  const fraction = (scaled % RATE_SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole.toString()}.${fraction}`;
}

/** `numerator / denominator` rounded half-up (ties away from zero); `denominator` > 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}
