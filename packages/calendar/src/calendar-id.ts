import { z } from "zod";

/** ISO 3166-2 codes of the 16 German states. */
export const GERMAN_STATE_CODES = [
  "DE-BW",
  "DE-BY",
  "DE-BE",
  "DE-BB",
  "DE-HB",
  "DE-HH",
  "DE-HE",
  "DE-MV",
  "DE-NI",
  "DE-NW",
  "DE-RP",
  "DE-SL",
  "DE-SN",
  "DE-ST",
  "DE-SH",
  "DE-TH",
] as const;

/** A German state by ISO 3166-2 code (`"DE-NW"`). */
export type GermanStateCode = (typeof GERMAN_STATE_CODES)[number];

/** `"DE"` (nationwide holidays only) or a German state. */
export type GermanRegion = "DE" | GermanStateCode;

/** Every built-in calendar id: Germany and its states, TARGET2 and US federal holidays. */
export const CALENDAR_IDS = ["DE", ...GERMAN_STATE_CODES, "TARGET2", "US"] as const;

/** Id of a built-in holiday calendar. */
export type CalendarId = (typeof CALENDAR_IDS)[number];

/** Zod schema of a {@link CalendarId}. */
export const calendarIdSchema = z.enum(CALENDAR_IDS);

/** Whether `value` is a {@link CalendarId}. */
export function isCalendarId(value: unknown): value is CalendarId {
  return typeof value === "string" && (CALENDAR_IDS as readonly string[]).includes(value);
}
