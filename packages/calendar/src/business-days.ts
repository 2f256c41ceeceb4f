import { resolveCalendar, type BusinessCalendar, type CalendarRef } from "./business-calendar.js";
import { CalendarError } from "./calendar-error.js";
import { fromEpochDay, toEpochDay, weekdayOfEpochDay, yearOfEpochDay, type EpochDay, type IsoDate } from "./iso-date.js";

/** A resolved calendar plus the precomputed weekend facts the loops need. */
interface BusinessDayContext {
  readonly calendar: BusinessCalendar;
  /** Bit `1 << weekday` is set for each weekend day. */
  readonly weekendMask: number;
  readonly businessDaysPerWeek: number;
}

function contextOf(ref: CalendarRef): BusinessDayContext {
  const calendar = resolveCalendar(ref);
  let weekendMask = 0;
  for (const weekday of calendar.weekendDays) weekendMask |= 1 << weekday;
  const businessDaysPerWeek = 7 - new Set(calendar.weekendDays).size;
  if (businessDaysPerWeek < 1) {
    throw new CalendarError("CALENDAR_INVALID_WEEKEND", "A calendar needs at least one non-weekend day", ["calendar", "weekendDays"]);
  }
  return { calendar, weekendMask, businessDaysPerWeek };
}

function isWeekendDay(context: BusinessDayContext, day: EpochDay): boolean {
  return (context.weekendMask & (1 << weekdayOfEpochDay(day))) !== 0;
}

function isBusinessEpochDay(context: BusinessDayContext, day: EpochDay): boolean {
  return !isWeekendDay(context, day) && !context.calendar.isHolidayEpochDay(day);
}

/**
 * Business days `d` with `after < d <= upTo` (requires `after <= upTo`). Whole weeks are counted
 * arithmetically and holidays subtracted from the per-year tables, so the cost grows with the
 * number of years, not days.
 */
function countBusinessDays(context: BusinessDayContext, after: EpochDay, upTo: EpochDay): number {
  const span = upTo - after;
  if (span <= 0) return 0;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * context.businessDaysPerWeek;
  for (let day = after + fullWeeks * 7 + 1; day <= upTo; day++) {
    if (!isWeekendDay(context, day)) count++;
  }
  const lastYear = yearOfEpochDay(upTo);
  for (let year = yearOfEpochDay(after + 1); year <= lastYear; year++) {
    for (const holiday of context.calendar.holidayEpochDays(year)) {
      if (holiday > after && holiday <= upTo && !isWeekendDay(context, holiday)) count--;
    }
  }
  return count;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new CalendarError("CALENDAR_INVALID_NUMBER", `${name} must be an integer, got ${String(value)}`, [name]);
  }
}

/**
 * Whether `date` is a business day: not a weekend day and not a holiday of the calendar (of any
 * member, for a union).
 *
 * @param date the day
 * @param calendar calendar id, list of ids (union) or calendar object
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_UNKNOWN_CALENDAR`, `CALENDAR_YEAR_OUT_OF_RANGE`
 */
export function isBusinessDay(date: IsoDate, calendar: CalendarRef): boolean {
  return isBusinessEpochDay(contextOf(calendar), toEpochDay(date));
}

/**
 * The first business day strictly after `date`.
 *
 * @param date the day to start from (need not be a business day)
 * @param calendar calendar id, list of ids (union) or calendar object
 */
export function nextBusinessDay(date: IsoDate, calendar: CalendarRef): IsoDate {
  const context = contextOf(calendar);
  let day = toEpochDay(date) + 1;
  while (!isBusinessEpochDay(context, day)) day++;
  return fromEpochDay(day);
}

/**
 * The last business day strictly before `date`.
 *
 * @param date the day to start from (need not be a business day)
 * @param calendar calendar id, list of ids (union) or calendar object
 */
export function previousBusinessDay(date: IsoDate, calendar: CalendarRef): IsoDate {
  const context = contextOf(calendar);
  let day = toEpochDay(date) - 1;
  while (!isBusinessEpochDay(context, day)) day--;
  return fromEpochDay(day);
}

/**
 * Moves `n` business days from `date`.
 *
 * - `n > 0`: the `n`-th business day strictly after `date`.
 * - `n < 0`: the `|n|`-th business day strictly before `date`.
 * - `n = 0`: `date` itself if it is a business day, otherwise the next business day (roll
 *   forward, like a due date that falls on a weekend).
 *
 * `date` need not be a business day. For a business day `d`,
 * `businessDaysBetween(d, addBusinessDays(d, n)) === n` and
 * `addBusinessDays(addBusinessDays(d, n), -n) === d`.
 *
 * @param date the day to start from
 * @param n number of business days, any safe integer
 * @param calendar calendar id, list of ids (union) or calendar object
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_INVALID_NUMBER`, `CALENDAR_UNKNOWN_CALENDAR`, `CALENDAR_YEAR_OUT_OF_RANGE`
 */
export function addBusinessDays(date: IsoDate, n: number, calendar: CalendarRef): IsoDate {
  assertInteger(n, "n");
  const context = contextOf(calendar);
  let day = toEpochDay(date);
  if (n === 0) {
    while (!isBusinessEpochDay(context, day)) day++;
    return fromEpochDay(day);
  }
  const direction = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  // Jump whole weeks while far from the target. A week never holds more than
  // businessDaysPerWeek business days, so a jump cannot overshoot; keeping at least one day for
  // the walk below makes the result land on a business day.
  while (remaining > context.businessDaysPerWeek) {
    const weeks = Math.floor((remaining - 1) / context.businessDaysPerWeek);
    const target = day + direction * weeks * 7;
    remaining -= direction > 0 ? countBusinessDays(context, day, target) : countBusinessDays(context, target - 1, day - 1);
    day = target;
  }
  while (remaining > 0) {
    day += direction;
    if (isBusinessEpochDay(context, day)) remaining--;
  }
  return fromEpochDay(day);
}

/**
 * Number of business days from `from` to `to`: the business days `d` with `from < d <= to`
 * (`from` excluded, `to` included). If `to` is before `from` the result is negative:
 * `-(business days d with to < d <= from)`. Equal dates give 0. This makes it the inverse of
 * {@link addBusinessDays} for business days (see there).
 *
 * @param from first day (excluded)
 * @param to last day (included)
 * @param calendar calendar id, list of ids (union) or calendar object
 * @throws CalendarError `CALENDAR_INVALID_DATE`, `CALENDAR_UNKNOWN_CALENDAR`, `CALENDAR_YEAR_OUT_OF_RANGE`
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, calendar: CalendarRef): number {
  const context = contextOf(calendar);
  const start = toEpochDay(from, ["from"]);
  const end = toEpochDay(to, ["to"]);
  if (start === end) return 0;
  return start < end ? countBusinessDays(context, start, end) : -countBusinessDays(context, end, start);
}
