import type { ContingentPolicy } from "./contingent-policy.js";
import type { TimeBillingPolicy } from "./time-billing-policy.js";

/**
 * The shipped C6 default: bill in 15-minute steps, rounded up, at least 15 minutes per entry.
 * The seed names no surcharges, so no multiplier is set; contracts load their own versions.
 */
export const DEFAULT_TIME_BILLING_POLICY: TimeBillingPolicy = Object.freeze({
  effectiveFrom: "1970-01-01",
  incrementMinutes: 15,
  rounding: "up",
  minimumMinutes: 15,
  workTypeMultipliersPercent: Object.freeze({}),
  afterHoursMultiplierPercent: 100,
});

/**
 * The shipped C4 default: a correction invoice after 3 consecutive negative month ends or at
 * once below −50% of the monthly hours; oversized above 3 months of credit; warnings at 80% and
 * 100% of the month's credit.
 */
export const DEFAULT_CONTINGENT_POLICY: ContingentPolicy = Object.freeze({
  effectiveFrom: "1970-01-01",
  correction: Object.freeze({ consecutiveNegativeMonthEnds: 3, deficitPercentOfMonthly: 50 }),
  oversizedAboveMonthsOfCredit: 3,
  warningThresholdsPercent: Object.freeze([80, 100]) as number[],
});
