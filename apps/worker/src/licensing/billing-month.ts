import { DateTime } from "luxon";

/** A completed calendar month of a customer: `YYYY-MM` and the instant it ended. */
export interface CompletedMonth {
  readonly month: string;
  /** Local midnight of the 1st of the following month, in the zone (M4: customer's months). */
  readonly endedAt: Date;
}

/**
 * The last calendar month that has fully passed at `now` in `zone` (M4: the customer's local
 * months): at 2026-03-31T22:00Z Berlin is already in April, so it is March (ended at that
 * instant); one millisecond earlier it is still February.
 */
export function lastCompletedMonth(now: Date, zone: string): CompletedMonth {
  const startOfCurrent = DateTime.fromJSDate(now, { zone }).startOf("month");
  if (!startOfCurrent.isValid) throw new Error(`${now.toISOString()} has no month in zone ${zone}`);
  return { month: startOfCurrent.minus({ months: 1 }).toFormat("yyyy-MM"), endedAt: startOfCurrent.toJSDate() };
}

/** The month `YYYY-MM` that is `count` months after `month` (negative: before). */
export function addMonths(month: string, count: number): string {
  const shifted = DateTime.fromISO(`${month}-01`, { zone: "UTC" }).plus({ months: count });
  if (!shifted.isValid) throw new Error(`${month} is not a month YYYY-MM`);
  return shifted.toFormat("yyyy-MM");
}

/**
 * The calendar months of `zone` from `first` to `last` (`YYYY-MM`, both included, oldest first),
 * each with the instant it ends: local midnight of the 1st of the following month (M4: the
 * customer's months). Empty when `first` is after `last`.
 */
export function monthsFromTo(first: string, last: string, zone: string): CompletedMonth[] {
  const months: CompletedMonth[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const endedAt = DateTime.fromISO(`${addMonths(month, 1)}-01T00:00:00`, { zone });
    if (!endedAt.isValid) throw new Error(`${month} has no end in zone ${zone}`);
    months.push({ month, endedAt: endedAt.toJSDate() });
  }
  return months;
}
