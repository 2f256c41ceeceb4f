import type { TimeBillingPolicy } from "../policies/time-billing-policy.js";

/** What of an entry decides its billed minutes. */
export interface BilledMinutesInput {
  readonly rawMinutes: number;
  readonly workType: string;
  readonly afterHours: boolean;
}

/**
 * Billed minutes of a billable entry (C6), in integer arithmetic only: the raw minutes times the
 * work-type and after-hours multipliers (whole percent) are rounded to the increment as one exact
 * fraction, then raised to the minimum. With the default policy 5 raw minutes bill 15.
 */
export function billedMinutes(entry: BilledMinutesInput, policy: TimeBillingPolicy): number {
  const workTypePercent = policy.workTypeMultipliersPercent[entry.workType] ?? 100;
  const afterHoursPercent = entry.afterHours ? policy.afterHoursMultiplierPercent : 100;
  // raw ≤ 1440 and both percents ≤ 1000: the numerator stays below 2^53.
  const numerator = entry.rawMinutes * workTypePercent * afterHoursPercent;
  const denominator = 10_000 * policy.incrementMinutes;
  // Exact integer quotient and remainder; no float division is ever rounded.
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  let steps: number;
  switch (policy.rounding) {
    case "up":
      steps = remainder > 0 ? quotient + 1 : quotient;
      break;
    case "down":
      steps = quotient;
      break;
    case "half-up":
      steps = 2 * remainder >= denominator ? quotient + 1 : quotient;
      break;
  }
  return Math.max(steps * policy.incrementMinutes, policy.minimumMinutes);
}
