import { z } from "zod";
import { CalendarError, type CalendarErrorPath } from "./calendar-error.js";
import { calendarIdSchema, isCalendarId, type CalendarId } from "./calendar-id.js";
import { germanHolidays } from "./german-holidays.js";
import type { Holiday } from "./holiday.js";
import type { HolidayOccurrence } from "./holiday-rule.js";
import { fromEpochDay, toEpochDay, weekdaySchema, yearOfEpochDay, type EpochDay, type IsoDate, type Weekday } from "./iso-date.js";
import { target2Holidays } from "./target2-holidays.js";
import { usFederalHolidays } from "./us-federal-holidays.js";

/** First year the holiday tables cover (after German reunification). */
export const MIN_HOLIDAY_YEAR = 1991;
/** Last year the holiday tables cover. */
export const MAX_HOLIDAY_YEAR = 2199;

/**
 * A holiday calendar with its weekend days. Built-in calendars come from {@link getCalendar} and
 * {@link unionCalendar}; any object implementing this interface works with the business-day and
 * business-hours functions, so callers can add regional or company holidays.
 */
export interface BusinessCalendar {
  /** `"DE-NW"`, `"TARGET2"`, `"US"`, or members joined by `+` for a union (`"DE-NW+TARGET2"`). */
  readonly id: string;
  /** Days of the week that are never business days (default Saturday and Sunday). */
  readonly weekendDays: readonly Weekday[];
  /** Holidays whose day off falls in `year`, in date order. */
  holidays(year: number): readonly Holiday[];
  /** Whether `date` is a holiday (weekends are not holidays unless a holiday falls on them). */
  isHoliday(date: IsoDate): boolean;
  /** Low-level fast path: distinct holiday days of `year` as ascending epoch days. */
  holidayEpochDays(year: number): readonly EpochDay[];
  /** Low-level fast path: whether an epoch day is a holiday. */
  isHolidayEpochDay(day: EpochDay): boolean;
}

/** Options of {@link getCalendar} and {@link unionCalendar}. */
export interface CalendarOptions {
  /** Weekend days, ISO numbered (6 = Saturday, 7 = Sunday); default `[6, 7]`. */
  readonly weekendDays?: readonly Weekday[];
}

/** Zod schema of {@link CalendarOptions}. */
export const calendarOptionsSchema = z.object({
  weekendDays: z
    .array(weekdaySchema)
    .max(6)
    .refine((days) => new Set(days).size === days.length, { message: "Weekend days must be distinct" })
    .optional(),
});

/** A calendar given by id (`"DE-NW"`), by ids of a union (`["DE-NW", "TARGET2"]`) or as an object. */
export type CalendarRef = BusinessCalendar | CalendarId | readonly CalendarId[];

/** Zod schema of the serializable forms of {@link CalendarRef}: an id or a non-empty list of ids. */
export const calendarRefSchema = z.union([calendarIdSchema, z.array(calendarIdSchema).min(1)]);

const DEFAULT_WEEKEND: readonly Weekday[] = Object.freeze([6, 7] as Weekday[]);

interface HolidayYear {
  readonly holidays: readonly Holiday[];
  readonly days: readonly EpochDay[];
  readonly daySet: ReadonlySet<EpochDay>;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    throw new CalendarError(
      "CALENDAR_YEAR_OUT_OF_RANGE",
      `Holiday tables cover ${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}, got ${year}`,
      ["year"],
    );
  }
}

function toHoliday(occurrence: HolidayOccurrence): Holiday {
  const base = { date: fromEpochDay(occurrence.day), key: occurrence.key, nameDe: occurrence.nameDe, nameEn: occurrence.nameEn };
  return Object.freeze(occurrence.observedFor === undefined ? base : { ...base, observedFor: fromEpochDay(occurrence.observedFor) });
}

function holidayYearOf(holidays: readonly Holiday[], days: readonly EpochDay[]): HolidayYear {
  const distinct = [...new Set(days)].sort((a, b) => a - b);
  return { holidays: Object.freeze(holidays), days: Object.freeze(distinct), daySet: new Set(distinct) };
}

function builtInOccurrences(id: CalendarId, year: number): HolidayOccurrence[] {
  if (id === "TARGET2") return target2Holidays(year);
  if (id === "US") return usFederalHolidays(year);
  return germanHolidays(id, year);
}

// Holiday tables are pure functions of (calendar id, year): computed once per pair and shared by
// every calendar instance, so hot paths never rebuild them.
const builtInTables = new Map<CalendarId, Map<number, HolidayYear>>();

function builtInHolidayYear(id: CalendarId, year: number): HolidayYear {
  let byYear = builtInTables.get(id);
  if (byYear === undefined) {
    byYear = new Map();
    builtInTables.set(id, byYear);
  }
  let table = byYear.get(year);
  if (table === undefined) {
    assertYear(year);
    const occurrences = builtInOccurrences(id, year);
    table = holidayYearOf(occurrences.map(toHoliday), occurrences.map((o) => o.day));
    byYear.set(year, table);
  }
  return table;
}

function validateWeekend(weekendDays: readonly Weekday[] | undefined, path: CalendarErrorPath): readonly Weekday[] {
  if (weekendDays === undefined) return DEFAULT_WEEKEND;
  const parsed = calendarOptionsSchema.shape.weekendDays.safeParse(weekendDays);
  if (!parsed.success || parsed.data === undefined) {
    throw new CalendarError("CALENDAR_INVALID_WEEKEND", "Weekend days must be distinct weekdays 1–7, and not all seven", path);
  }
  return Object.freeze([...parsed.data].sort((a, b) => a - b));
}

/** Builds a calendar object from a per-year table function. */
function calendarFrom(id: string, weekendDays: readonly Weekday[], holidayYear: (year: number) => HolidayYear): BusinessCalendar {
  return Object.freeze({
    id,
    weekendDays,
    holidays: (year: number) => holidayYear(year).holidays,
    isHoliday: (date: IsoDate) => {
      const day = toEpochDay(date);
      return holidayYear(yearOfEpochDay(day)).daySet.has(day);
    },
    holidayEpochDays: (year: number) => holidayYear(year).days,
    isHolidayEpochDay: (day: EpochDay) => holidayYear(yearOfEpochDay(day)).daySet.has(day),
  });
}

const defaultCalendars = new Map<string, BusinessCalendar>();

/**
 * The built-in calendar with `id`. Without options the same frozen instance is returned on every
 * call.
 *
 * @param id `"DE"`, a German state (`"DE-NW"`), `"TARGET2"` or `"US"`
 * @param options weekend days (default Saturday and Sunday)
 * @throws CalendarError `CALENDAR_UNKNOWN_CALENDAR`, `CALENDAR_INVALID_WEEKEND`
 */
export function getCalendar(id: CalendarId, options: CalendarOptions = {}): BusinessCalendar {
  if (!isCalendarId(id)) {
    throw new CalendarError("CALENDAR_UNKNOWN_CALENDAR", `Unknown calendar id ${JSON.stringify(id)}`, ["calendar"]);
  }
  if (options.weekendDays === undefined) {
    const cached = defaultCalendars.get(id);
    if (cached !== undefined) return cached;
  }
  const weekend = validateWeekend(options.weekendDays, ["options", "weekendDays"]);
  const calendar = calendarFrom(id, weekend, (year) => builtInHolidayYear(id, year));
  if (options.weekendDays === undefined) defaultCalendars.set(id, calendar);
  return calendar;
}

/**
 * A union of calendars: a day is a business day only if it is one in every member, so the
 * holidays and the weekend days of all members are combined. Holidays that two members share
 * (same date and key) are listed once.
 *
 * @param members at least one calendar
 * @param options weekend days replacing the union of the members' weekends
 * @throws CalendarError `CALENDAR_UNKNOWN_CALENDAR`, `CALENDAR_INVALID_WEEKEND`
 */
export function unionCalendar(members: readonly CalendarRef[], options: CalendarOptions = {}): BusinessCalendar {
  if (members.length === 0) {
    throw new CalendarError("CALENDAR_UNKNOWN_CALENDAR", "A calendar union needs at least one member", ["calendar"]);
  }
  const calendars = members.map((member, index) => resolveCalendar(member, ["calendar", index]));
  const weekend = validateWeekend(options.weekendDays ?? [...new Set(calendars.flatMap((c) => c.weekendDays))], [
    "options",
    "weekendDays",
  ]);
  const cache = new Map<number, HolidayYear>();
  const holidayYear = (year: number): HolidayYear => {
    let table = cache.get(year);
    if (table === undefined) {
      const seen = new Set<string>();
      const holidays = calendars
        .flatMap((c) => c.holidays(year))
        .filter((h) => {
          const key = `${h.date}|${h.key}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      table = holidayYearOf(holidays, calendars.flatMap((c) => c.holidayEpochDays(year)));
      cache.set(year, table);
    }
    return table;
  };
  return calendarFrom(calendars.map((c) => c.id).join("+"), weekend, holidayYear);
}

const defaultUnions = new Map<string, BusinessCalendar>();

function isBusinessCalendar(value: unknown): value is BusinessCalendar {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof BusinessCalendar, unknown>>;
  return (
    typeof candidate.id === "string" &&
    Array.isArray(candidate.weekendDays) &&
    typeof candidate.holidays === "function" &&
    typeof candidate.isHoliday === "function" &&
    typeof candidate.holidayEpochDays === "function" &&
    typeof candidate.isHolidayEpochDay === "function"
  );
}

/**
 * The calendar a {@link CalendarRef} names: ids resolve to the shared default instances, a list
 * of ids to their (cached) union.
 *
 * @param ref id, list of ids, or calendar object
 * @param path field path reported in errors
 * @throws CalendarError `CALENDAR_UNKNOWN_CALENDAR`
 */
export function resolveCalendar(ref: CalendarRef, path: CalendarErrorPath = ["calendar"]): BusinessCalendar {
  if (typeof ref === "string") {
    if (!isCalendarId(ref)) {
      throw new CalendarError("CALENDAR_UNKNOWN_CALENDAR", `Unknown calendar id ${JSON.stringify(ref)}`, path);
    }
    return getCalendar(ref);
  }
  if (Array.isArray(ref)) {
    const ids = ref as readonly unknown[];
    const key = ids.join("+");
    const cached = defaultUnions.get(key);
    if (cached !== undefined) return cached;
    ids.forEach((id, index) => {
      if (!isCalendarId(id)) {
        throw new CalendarError("CALENDAR_UNKNOWN_CALENDAR", `Unknown calendar id ${JSON.stringify(id)}`, [...path, index]);
      }
    });
    const union = unionCalendar(ids as readonly CalendarId[]);
    defaultUnions.set(key, union);
    return union;
  }
  if (isBusinessCalendar(ref)) return ref;
  throw new CalendarError("CALENDAR_UNKNOWN_CALENDAR", "Expected a calendar id, a list of ids or a BusinessCalendar", path);
}
