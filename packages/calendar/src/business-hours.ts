import { z } from "zod";
import { resolveCalendar, type BusinessCalendar, type CalendarRef } from "./business-calendar.js";
import { CalendarError, type CalendarErrorPath } from "./calendar-error.js";
import { DEFAULT_ZONE, resolveZone, zoneSchema } from "./zone.js";

/** Keys of the days of a weekly schedule, Monday first. */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A day of a weekly schedule. */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Opening interval of one day as wall-clock times `"HH:mm"`; `end` may be `"24:00"`, `end > start`. */
export interface TimeRangeInput {
  readonly start: string;
  readonly end: string;
}

/** Opening intervals per weekday; a missing or empty day is closed. */
export type WeeklyScheduleInput = Partial<Record<WeekdayKey, readonly TimeRangeInput[]>>;

/** Input of {@link businessHours}. */
export interface BusinessHoursInput {
  /** IANA zone whose wall clock the schedule is in; default `"Europe/Berlin"`. */
  readonly zone?: string;
  /** Opening intervals per weekday. */
  readonly weekly: WeeklyScheduleInput;
}

/** One opening interval in minutes after local midnight, `[startMinute, endMinute)`. */
export interface TimeRange {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Validated weekly business hours bound to a calendar whose holidays are closed all day. */
export interface BusinessHours {
  readonly zone: string;
  readonly calendar: BusinessCalendar;
  /** Sorted, non-overlapping intervals per ISO weekday; index 0 is Monday. */
  readonly weekly: readonly (readonly TimeRange[])[];
}

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Zod schema of a wall-clock time `"HH:mm"` (`"24:00"` allowed as an end). */
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, { message: "Expected a time as HH:mm (00:00–24:00)" });

/** Zod schema of a {@link TimeRangeInput}. */
export const timeRangeSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((range) => minutesOf(range.end) > minutesOf(range.start), { message: "end must be after start", path: ["end"] });

const dayScheduleSchema = z.array(timeRangeSchema).superRefine((ranges, context) => {
  const sorted = ranges.map((r, index) => ({ index, start: minutesOf(r.start), end: minutesOf(r.end) })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      context.addIssue({ code: "custom", message: "Opening intervals of a day must not overlap", path: [current.index] });
    }
  }
});

/** Zod schema of a {@link WeeklyScheduleInput}. */
export const weeklyScheduleSchema = z.object({
  mon: dayScheduleSchema.optional(),
  tue: dayScheduleSchema.optional(),
  wed: dayScheduleSchema.optional(),
  thu: dayScheduleSchema.optional(),
  fri: dayScheduleSchema.optional(),
  sat: dayScheduleSchema.optional(),
  sun: dayScheduleSchema.optional(),
});

/** Zod schema of a {@link BusinessHoursInput}. */
export const businessHoursInputSchema = z.object({
  zone: zoneSchema.optional(),
  weekly: weeklyScheduleSchema.refine((week) => WEEKDAY_KEYS.some((key) => (week[key]?.length ?? 0) > 0), {
    message: "A schedule needs at least one opening interval",
  }),
});

function pathOf(path: readonly PropertyKey[]): CalendarErrorPath {
  return path.map((part) => (typeof part === "number" ? part : String(part)));
}

/**
 * Validates a weekly schedule and binds it to a calendar. The schedule decides which weekdays
 * have hours (a Saturday shift counts even if the calendar's weekend includes Saturday); the
 * calendar contributes its holidays, which are closed all day.
 *
 * @example businessHours({ zone: "Europe/Berlin", weekly: { mon: [{ start: "08:00", end: "17:00" }] } }, "DE-NW")
 * @param input zone and opening intervals per weekday
 * @param calendar calendar id, list of ids (union) or calendar object
 * @throws CalendarError `CALENDAR_INVALID_SCHEDULE`, `CALENDAR_UNKNOWN_ZONE`, `CALENDAR_UNKNOWN_CALENDAR`
 */
export function businessHours(input: BusinessHoursInput, calendar: CalendarRef): BusinessHours {
  const parsed = businessHoursInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = pathOf(issue?.path ?? []);
    const code = path[0] === "zone" ? "CALENDAR_UNKNOWN_ZONE" : "CALENDAR_INVALID_SCHEDULE";
    throw new CalendarError(code, issue?.message ?? "Invalid business hours", path);
  }
  const zone = parsed.data.zone ?? DEFAULT_ZONE;
  resolveZone(zone);
  const weekly = WEEKDAY_KEYS.map((key) =>
    Object.freeze(
      (parsed.data.weekly[key] ?? [])
        .map((range) => Object.freeze({ startMinute: minutesOf(range.start), endMinute: minutesOf(range.end) }))
        .sort((a, b) => a.startMinute - b.startMinute),
    ),
  );
  return Object.freeze({ zone, calendar: resolveCalendar(calendar), weekly: Object.freeze(weekly) });
}
