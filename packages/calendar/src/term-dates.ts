import { CalendarError } from "./calendar-error.js";
import { daysInMonth, epochDayFromCivil, formatIsoDate, parseIsoDate, type IsoDate } from "./iso-date.js";

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new CalendarError("CALENDAR_INVALID_NUMBER", `${name} must be an integer, got ${String(value)}`, [name]);
  }
}

/**
 * The `k`-th monthly anniversary of `anchor`, with month-end anchoring: the anchor's day of month
 * is kept, clamped to the length of the target month (§188 (3) BGB). It is always computed from the
 * anchor, never chained, so anchor Jan 31 gives Feb 28/29, Mar 31, Apr 30 (not Mar 28). An
 * anchor on the 30th stays on the 30th where it exists.
 *
 * @param anchor start of the term
 * @param k months after the anchor (negative: before); 0 returns the anchor
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_INVALID_NUMBER`
 */
export function monthlyAnniversary(anchor: IsoDate, k: number): IsoDate {
  assertInteger(k, "k");
  const { year, month, day } = parseIsoDate(anchor, ["anchor"]);
  const monthIndex = year * 12 + (month - 1) + k;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) {
    throw new CalendarError("CALENDAR_INVALID_NUMBER", `The anniversary leaves the years 0001–9999`, ["k"]);
  }
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * `start` plus whole years; Feb 29 maps to Feb 28 in non-leap years (and back to Feb 29 when the
 * target year is a leap year, since the result is computed from `start`).
 *
 * @param start start of the term
 * @param years years to add (negative: subtract)
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_INVALID_NUMBER`
 */
export function addTermYears(start: IsoDate, years: number): IsoDate {
  assertInteger(years, "years");
  return monthlyAnniversary(start, years * 12);
}

/**
 * Days from `start` to `end` (start included, end excluded): the day count for pro-rata
 * billing. A term 2026-01-01 → 2027-01-01 has 365 days.
 *
 * @param start first day of the term
 * @param end day after the last day of the term; not before `start`
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_INVALID_RANGE`
 */
export function termDays(start: IsoDate, end: IsoDate): number {
  const from = parseIsoDate(start, ["start"]);
  const to = parseIsoDate(end, ["end"]);
  const days = epochDayFromCivil(to.year, to.month, to.day) - epochDayFromCivil(from.year, from.month, from.day);
  if (days < 0) {
    throw new CalendarError("CALENDAR_INVALID_RANGE", `end ${end} is before start ${start}`, ["end"]);
  }
  return days;
}

/**
 * Days in the one-year term starting at `start` (365 or 366): `termDays(start, addTermYears(start, 1))`.
 * The divisor of pro-rata by day (RULES.md L11): 2027-06-01 gives 366 because the term contains
 * 2028-02-29.
 *
 * @param start first day of the term
 */
export function daysInYearTerm(start: IsoDate): number {
  return termDays(start, addTermYears(start, 1));
}
