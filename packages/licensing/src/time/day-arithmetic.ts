import { type IsoDate, fromEpochDay, toEpochDay } from "@kontor/calendar";

/** `date` plus `days` calendar days (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Signed calendar days from `from` to `to`: 2027-03-15 → 2027-06-30 is 107, the other way −107.
 */
export function daysFromTo(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The earlier of two days. */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
