import { DateTime } from "luxon";
import { z } from "zod";
import { CalendarError, type CalendarErrorPath } from "./calendar-error.js";

/**
 * A point in time: a valid luxon `DateTime`, or an ISO 8601 date-time string that carries its
 * offset (`Z` or `+01:00`). Strings without an offset are refused, since they would silently
 * depend on the machine's zone (RULES.md P2).
 */
export type Instant = DateTime | string;

const OFFSET_SUFFIX = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function parseInstantString(value: string): DateTime | undefined {
  if (!value.includes("T") || !OFFSET_SUFFIX.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed : undefined;
}

/** Zod schema of an {@link Instant}. */
export const instantSchema = z.union([
  z.string().refine((value) => parseInstantString(value) !== undefined, {
    message: "Expected an ISO 8601 date-time with an offset, such as 2026-03-29T01:30:00Z",
  }),
  z.custom<DateTime>((value) => DateTime.isDateTime(value) && value.isValid, { message: "Expected a valid luxon DateTime" }),
]);

/**
 * Epoch milliseconds of an {@link Instant}, or `CALENDAR_INVALID_INSTANT`.
 *
 * @param instant the instant
 * @param path field path reported in the error
 */
export function toEpochMs(instant: Instant, path: CalendarErrorPath = ["instant"]): number {
  if (DateTime.isDateTime(instant)) {
    if (instant.isValid) return instant.toMillis();
  } else if (typeof instant === "string") {
    const parsed = parseInstantString(instant);
    if (parsed !== undefined) return parsed.toMillis();
  }
  throw new CalendarError(
    "CALENDAR_INVALID_INSTANT",
    `Expected a valid DateTime or an ISO date-time with an offset, got ${JSON.stringify(String(instant))}`,
    path,
  );
}
