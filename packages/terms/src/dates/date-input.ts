import { DEFAULT_ZONE, isoDateSchema, type Instant, type IsoDate } from "@kontor/calendar";
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { fail, ok, type Result, type TermsErrorPath } from "../errors/terms-error.js";

/**
 * A day given either as a calendar day (`"2026-12-18"`) or as an instant (a luxon `DateTime` or an
 * ISO date-time with offset), which is read as the local day in a zone (RULES.md P2).
 */
export type DateInput = IsoDate | Instant;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Zod schema of a {@link DateInput}. */
export const dateInputSchema = z.union([
  isoDateSchema,
  z.string().refine((value) => WITH_OFFSET.test(value) && DateTime.fromISO(value, { setZone: true }).isValid, {
    message: "Expected YYYY-MM-DD or an ISO 8601 date-time with an offset",
  }),
  z.custom<DateTime>((value) => DateTime.isDateTime(value) && value.isValid, { message: "Expected a valid luxon DateTime" }),
]);

/**
 * The calendar day of `input`: a date-only string as it is, an instant as its local day in `zone`
 * (default `Europe/Berlin`). `2026-12-18T23:30:00Z` is already 2026-12-19 in Berlin.
 */
export function localDate(input: DateInput, zone: string = DEFAULT_ZONE, path: TermsErrorPath = ["date"]): Result<IsoDate> {
  if (!IANAZone.isValidZone(zone)) return fail("CALENDAR_UNKNOWN_ZONE", `Unknown IANA time zone ${JSON.stringify(zone)}`, ["zone"]);
  if (typeof input === "string") {
    if (DATE_ONLY.test(input)) {
      return isoDateSchema.safeParse(input).success
        ? ok(input)
        : fail("CALENDAR_INVALID_DATE", `${input} is not a calendar day`, path);
    }
    const parsed = WITH_OFFSET.test(input) ? DateTime.fromISO(input, { setZone: true }) : undefined;
    if (parsed?.isValid !== true) {
      return fail("CALENDAR_INVALID_INSTANT", `Expected YYYY-MM-DD or a date-time with offset, got ${JSON.stringify(input)}`, path);
    }
    return ok(parsed.setZone(zone).toFormat("yyyy-MM-dd"));
  }
  if (DateTime.isDateTime(input) && input.isValid) return ok(input.setZone(zone).toFormat("yyyy-MM-dd"));
  return fail("CALENDAR_INVALID_INSTANT", "Expected a valid luxon DateTime", path);
}
