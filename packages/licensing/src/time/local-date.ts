import type { IsoDate } from "@kontor/calendar";
import type { DateTime } from "luxon";

/** The calendar day (`YYYY-MM-DD`) of `instant` in the IANA `zone`. */
export function formatLocalDate(instant: DateTime, zone: string): IsoDate {
  const local = instant.setZone(zone);
  return `${String(local.year).padStart(4, "0")}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
}

/** `instant` as a UTC ISO 8601 string with milliseconds (`2026-03-17T09:00:00.000Z`), the form stored in state. */
export function toInstantString(instant: DateTime): string {
  return instant.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
}
