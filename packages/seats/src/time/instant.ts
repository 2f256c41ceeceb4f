import { DateTime } from "luxon";
import { z } from "zod";
import { MS_PER_DAY, daysInMonth, epochDayFromCivil, isoDateFromEpochDay } from "./epoch-day.js";

/**
 * A point in time at the boundary of this package: an ISO 8601 date-time **with** an offset
 * (`2026-03-01T10:00:00+01:00`, `2026-03-01T09:00:00Z`) or a valid luxon `DateTime`. Strings
 * without an offset are refused because they would depend on the machine's zone (RULES.md P2).
 */
export type Instant = string | DateTime;

const ZERO = 48;

function readDigits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time string with offset, or `NaN` when the string is not
 * one. Accepted form: `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`; digits beyond milliseconds are
 * truncated. Hand-written instead of luxon because the evaluator parses one timestamp per event
 * (100,000 and more) and must stay fast.
 */
export function parseInstantMs(text: string): number {
  const length = text.length;
  if (length < 17) return Number.NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  const hour = readDigits(text, 11, 2);
  const minute = readDigits(text, 14, 2);
  if (
    text[4] !== "-" ||
    text[7] !== "-" ||
    text[10] !== "T" ||
    text[13] !== ":" ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return Number.NaN;
  }
  let position = 16;
  let second = 0;
  let millisecond = 0;
  if (text[position] === ":") {
    second = readDigits(text, position + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    position += 3;
    if (text[position] === ".") {
      position += 1;
      const fractionStart = position;
      while (position < length) {
        const digit = text.charCodeAt(position) - ZERO;
        if (digit < 0 || digit > 9) break;
        if (position - fractionStart < 3) millisecond = millisecond * 10 + digit;
        position += 1;
      }
      const digits = position - fractionStart;
      if (digits === 0 || digits > 9) return Number.NaN;
      if (digits === 1) millisecond *= 100;
      else if (digits === 2) millisecond *= 10;
    }
  }
  let offsetMinutes = 0;
  const sign = text[position];
  if (sign === "Z") {
    if (position + 1 !== length) return Number.NaN;
  } else if (sign === "+" || sign === "-") {
    if (position + 6 !== length || text[position + 3] !== ":") return Number.NaN;
    const offsetHours = readDigits(text, position + 1, 2);
    const offsetMinutePart = readDigits(text, position + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutePart < 0 || offsetMinutePart > 59) {
      return Number.NaN;
    }
    offsetMinutes = (offsetHours * 60 + offsetMinutePart) * (sign === "+" ? 1 : -1);
  } else {
    return Number.NaN;
  }
  return (
    epochDayFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millisecond
  );
}

/**
 * The canonical form ({@link msToIso}) of an instant string that parsed to `ms`: the string itself
 * when it already is canonical (as `Date#toISOString` writes it), so that the evaluator need not
 * build a new string per event.
 */
export function canonicalIso(text: string, ms: number): string {
  return text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(19) === 46 && text < "9999" && text >= "1000"
    ? text
    : msToIso(ms);
}

/** Epoch milliseconds of an {@link Instant}, or `NaN` when it is not a valid one. */
export function instantToMs(instant: Instant): number {
  if (typeof instant === "string") return parseInstantMs(instant);
  if (DateTime.isDateTime(instant) && instant.isValid) return instant.toMillis();
  return Number.NaN;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The ISO 8601 UTC form of epoch milliseconds (`2026-04-01T22:00:00.000Z`), as
 * `Date#toISOString` writes it. Hand-written for years 1000–9999 because the evaluator formats one
 * instant per e-mail and `toISOString` is several times slower.
 */
export function msToIso(ms: number): string {
  // Lists in assignment order repeat the same instant many times in a row: remember the last one.
  if (ms === lastMs) return lastIso;
  const iso = formatMsIso(ms);
  lastMs = ms;
  lastIso = iso;
  return iso;
}

let lastMs = Number.NaN;
let lastIso = "";

function formatMsIso(ms: number): string {
  const epochDay = Math.floor(ms / MS_PER_DAY);
  const date = isoDateFromEpochDay(epochDay);
  if (date.length !== 10 || date < "1000") return new Date(ms).toISOString();
  const timeOfDay = ms - epochDay * MS_PER_DAY;
  const millisecond = timeOfDay % 1000;
  const seconds = (timeOfDay - millisecond) / 1000;
  const milli = millisecond < 10 ? `00${millisecond}` : millisecond < 100 ? `0${millisecond}` : String(millisecond);
  return `${date}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${milli}Z`;
}

/** zod schema of an instant string: ISO 8601 date-time with an offset (see {@link parseInstantMs}). */
export const instantStringSchema = z
  .string()
  .refine((text) => !Number.isNaN(parseInstantMs(text)), {
    message: "Expected an ISO 8601 date-time with an offset, such as 2026-03-01T10:00:00+01:00",
  });

/** zod schema of an {@link Instant}: an instant string or a valid luxon `DateTime`. */
export const instantSchema = z.union([
  instantStringSchema,
  z.custom<DateTime>((value) => DateTime.isDateTime(value) && value.isValid, {
    message: "Expected a valid luxon DateTime",
  }),
]);
