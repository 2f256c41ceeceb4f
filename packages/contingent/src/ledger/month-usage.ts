import { monthOf, type MonthKey } from "../time/month-key.js";
import { isWorkAdjustment, type LedgerPosting } from "./ledger-posting.js";

/**
 * The minutes charged to a month: its debits plus the billable entries back-dated into it, less
 * cancelled entries (C4 warnings compare this with the month's credit). Manual adjustments and
 * corrections are not work.
 */
export function chargedMinutes(posting: LedgerPosting): number {
  if (posting.kind === "debit") return posting.minutes;
  if (posting.kind === "adjustment" && isWorkAdjustment(posting)) return -posting.minutes;
  return 0;
}

/** Charged minutes per month over `postings`. */
export function chargedMinutesByMonth(postings: readonly LedgerPosting[]): Map<MonthKey, number> {
  const byMonth = new Map<MonthKey, number>();
  for (const posting of postings) {
    const charged = chargedMinutes(posting);
    if (charged !== 0) {
      const month = monthOf(posting.date);
      byMonth.set(month, (byMonth.get(month) ?? 0) + charged);
    }
  }
  return byMonth;
}

/** The thresholds (percent of `creditMinutes`) that `before` → `after` charged minutes reach or pass. */
export function thresholdsCrossed(
  thresholdsPercent: readonly number[],
  creditMinutes: number,
  before: number,
  after: number,
): number[] {
  return thresholdsPercent.filter((t) => before * 100 < t * creditMinutes && after * 100 >= t * creditMinutes);
}
