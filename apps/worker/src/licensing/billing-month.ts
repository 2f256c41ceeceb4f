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
