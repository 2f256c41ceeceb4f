import { DateTime, type IANAZone } from "luxon";
import type { BusinessHours } from "./business-hours.js";
import { CalendarError } from "./calendar-error.js";
import { toEpochMs, type Instant } from "./instant.js";
import { weekdayOfEpochDay, type EpochDay } from "./iso-date.js";
import { localEpochDay, resolveZone, wallClockOfDayToEpochMs } from "./zone.js";

const MS_PER_MINUTE = 60_000;
const NO_INTERVALS: readonly (readonly [number, number])[] = [];

/**
 * Opening intervals of one local day as epoch-millisecond pairs. Wall-clock times are resolved in
 * the zone, so a day with a DST change has the real length of each interval.
 */
function intervalsOfDay(hours: BusinessHours, zone: IANAZone, day: EpochDay): readonly (readonly [number, number])[] {
  const ranges = hours.weekly[weekdayOfEpochDay(day) - 1] ?? [];
  if (ranges.length === 0 || hours.calendar.isHolidayEpochDay(day)) return NO_INTERVALS;
  return ranges.map(
    (range) => [wallClockOfDayToEpochMs(day, range.startMinute, zone), wallClockOfDayToEpochMs(day, range.endMinute, zone)] as const,
  );
}

/**
 * The instant `minutes` business minutes after `instant`. The clock runs only inside the opening
 * intervals of non-holiday days; outside them it waits. The result lies inside (or at the end of)
 * an opening interval: 60 minutes from Friday 16:30 with hours until 17:00 is Monday 08:30, and
 * a result that exactly uses up an interval is its end (17:00), not the next opening. Adding 0
 * returns `instant` unchanged. Days are walked one at a time and each day costs a few offset
 * lookups, never a minute-by-minute loop.
 *
 * @param instant start of the clock
 * @param minutes business minutes to add, a non-negative integer
 * @param hours schedule from {@link businessHours}
 * @returns the instant in the schedule's zone
 * @throws CalendarError `CALENDAR_INVALID_INSTANT`, `CALENDAR_INVALID_NUMBER`, `CALENDAR_YEAR_OUT_OF_RANGE`
 */
export function addBusinessMinutes(instant: Instant, minutes: number, hours: BusinessHours): DateTime {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new CalendarError("CALENDAR_INVALID_NUMBER", `minutes must be a non-negative integer, got ${String(minutes)}`, ["minutes"]);
  }
  const zone = resolveZone(hours.zone, ["hours", "zone"]);
  const start = toEpochMs(instant);
  let remaining = minutes * MS_PER_MINUTE;
  if (remaining === 0) return DateTime.fromMillis(start, { zone });
  // Start a day early: an interval ending at 24:00 can end after local midnight in zones whose
  // DST change happens at midnight.
  for (let day = localEpochDay(start, zone) - 1; ; day++) {
    for (const [open, close] of intervalsOfDay(hours, zone, day)) {
      if (close <= start) continue;
      const from = Math.max(open, start);
      const available = close - from;
      if (remaining <= available) return DateTime.fromMillis(from + remaining, { zone });
      remaining -= available;
    }
  }
}

/**
 * Business minutes between two instants: the time inside opening intervals of non-holiday days
 * within `[from, to)`. Negative if `to` is before `from`. Fractional only when the instants are
 * not on whole minutes. For whole-minute `n`,
 * `businessMinutesBetween(t, addBusinessMinutes(t, n, hours), hours) === n`.
 *
 * @param from start instant
 * @param to end instant
 * @param hours schedule from {@link businessHours}
 * @throws CalendarError `CALENDAR_INVALID_INSTANT`, `CALENDAR_YEAR_OUT_OF_RANGE`
 */
export function businessMinutesBetween(from: Instant, to: Instant, hours: BusinessHours): number {
  const zone = resolveZone(hours.zone, ["hours", "zone"]);
  const start = toEpochMs(from, ["from"]);
  const end = toEpochMs(to, ["to"]);
  if (end < start) return -businessMinutesBetween(to, from, hours);
  let total = 0;
  const lastDay = localEpochDay(end, zone);
  for (let day = localEpochDay(start, zone) - 1; day <= lastDay; day++) {
    for (const [open, close] of intervalsOfDay(hours, zone, day)) {
      const overlap = Math.min(close, end) - Math.max(open, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MS_PER_MINUTE;
}

/**
 * Whether `instant` lies inside an opening interval (start included, end excluded) on a day that
 * is not a holiday.
 *
 * @param instant the instant
 * @param hours schedule from {@link businessHours}
 */
export function isWithinBusinessHours(instant: Instant, hours: BusinessHours): boolean {
  const zone = resolveZone(hours.zone, ["hours", "zone"]);
  const at = toEpochMs(instant);
  return intervalsOfDay(hours, zone, localEpochDay(at, zone)).some(([open, close]) => at >= open && at < close);
}
