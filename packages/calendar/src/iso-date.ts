import { z } from "zod";
import { CalendarError, type CalendarErrorPath } from "./calendar-error.js";

/** A calendar day as `"YYYY-MM-DD"` (proleptic Gregorian, years 0001–9999), no zone attached. */
export type IsoDate = string;

/**
 * Days since 1970-01-01 (negative before it). The integer form of an {@link IsoDate} that the
 * hot paths use, so that stepping through days is plain integer math instead of luxon objects.
 */
export type EpochDay = number;

/** ISO weekday: 1 = Monday … 7 = Sunday (the numbering luxon uses). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Year, month (1–12) and day of month of a calendar day. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch day of a civil date (Howard Hinnant's `days_from_civil`); the inputs must already be a
 * valid date.
 */
export function epochDayFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Civil date of an epoch day (Howard Hinnant's `civil_from_days`). */
export function civilFromEpochDay(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Year of an epoch day (cheaper to read than destructuring at call sites). */
export function yearOfEpochDay(epochDay: EpochDay): number {
  return civilFromEpochDay(epochDay).year;
}

/** ISO weekday of an epoch day; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: EpochDay): Weekday {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1 as Weekday;
}

/** Formats year, month and day as an {@link IsoDate}. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The {@link IsoDate} of an epoch day. */
export function fromEpochDay(epochDay: EpochDay): IsoDate {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return formatIsoDate(year, month, day);
}

/** Parses an {@link IsoDate}; `undefined` when it is not a real `YYYY-MM-DD` day. */
export function tryParseIsoDate(value: unknown): CivilDate | undefined {
  if (typeof value !== "string") return undefined;
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Parses an {@link IsoDate} or throws `CALENDAR_INVALID_DATE`.
 *
 * @param value the date to parse
 * @param path field path reported in the error
 */
export function parseIsoDate(value: unknown, path: CalendarErrorPath = ["date"]): CivilDate {
  const parsed = tryParseIsoDate(value);
  if (parsed === undefined) {
    throw new CalendarError("CALENDAR_INVALID_DATE", `Expected a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`, path);
  }
  return parsed;
}

/**
 * The epoch day of an {@link IsoDate}; throws `CALENDAR_INVALID_DATE` for anything else.
 *
 * @param date the date to convert
 * @param path field path reported in the error
 */
export function toEpochDay(date: IsoDate, path: CalendarErrorPath = ["date"]): EpochDay {
  const { year, month, day } = parseIsoDate(date, path);
  return epochDayFromCivil(year, month, day);
}

/** Zod schema of an {@link IsoDate}: a string `YYYY-MM-DD` that names a real day. */
export const isoDateSchema = z
  .string()
  .refine((value) => tryParseIsoDate(value) !== undefined, { message: "Expected a calendar day as YYYY-MM-DD" });

/** Zod schema of a {@link Weekday} (1 = Monday … 7 = Sunday). */
export const weekdaySchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
]);
