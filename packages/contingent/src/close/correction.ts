import type { CorrectionTrigger } from "../events.js";
import type { ContingentPolicy } from "../policies/contingent-policy.js";

/** Whether a month end bills a correction (C3, C4) and the negative streak carried forward. */
export interface CorrectionDecision {
  /** Why a correction is billed, or `null`. */
  readonly trigger: CorrectionTrigger | null;
  /** Consecutive negative month ends including this one, before any reset. */
  readonly negativeMonthEnds: number;
  /** The streak the next month starts from: 0 after a correction or a non-negative month end. */
  readonly carriedNegativeMonthEnds: number;
}

/**
 * C4: a correction invoice is issued only on overbooking — when the month-end balance has been
 * negative at `consecutiveNegativeMonthEnds` month ends in a row, or is below
 * −`deficitPercentOfMonthly` % of the monthly minutes. C3: without agreed overdraft any negative
 * month end is billed at once.
 */
export function decideCorrection(
  closingMinutes: number,
  previousNegativeMonthEnds: number,
  monthlyMinutes: number,
  overdraftAllowed: boolean,
  policy: ContingentPolicy,
): CorrectionDecision {
  if (closingMinutes >= 0) return { trigger: null, negativeMonthEnds: 0, carriedNegativeMonthEnds: 0 };
  const streak = previousNegativeMonthEnds + 1;
  const { consecutiveNegativeMonthEnds, deficitPercentOfMonthly } = policy.correction;
  let trigger: CorrectionTrigger | null = null;
  if (!overdraftAllowed) trigger = "overdraft-not-allowed";
  else if (consecutiveNegativeMonthEnds !== null && streak >= consecutiveNegativeMonthEnds) {
    trigger = "consecutive-negative-month-ends";
  } else if (deficitPercentOfMonthly !== null && closingMinutes * 100 < -deficitPercentOfMonthly * monthlyMinutes) {
    trigger = "deficit-below-limit";
  }
  return { trigger, negativeMonthEnds: streak, carriedNegativeMonthEnds: trigger === null ? streak : 0 };
}
