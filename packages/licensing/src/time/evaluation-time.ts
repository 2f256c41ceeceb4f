import { DEFAULT_ZONE, type Instant, type IsoDate, instantSchema, zoneSchema } from "@kontor/calendar";
import { DateTime } from "luxon";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { formatLocalDate } from "./local-date.js";

/**
 * The instant a rule is evaluated at, with the zone its days are counted in (RULES.md P2). Built
 * by {@link readEvaluationTime} from the caller's explicit `asOf`; nothing here reads the clock.
 */
export interface EvaluationTime {
  /** The evaluated instant, in UTC. */
  readonly instant: DateTime;
  /** IANA zone whose calendar days count (the customer's zone). */
  readonly zone: string;
  /** The calendar day of `instant` in `zone`. */
  readonly today: IsoDate;
}

/**
 * Reads an explicit `asOf` (an ISO 8601 date-time with offset, or a luxon `DateTime`) and an IANA
 * zone (default `Europe/Berlin`) into an {@link EvaluationTime}; `INVALID_INSTANT` or
 * `INVALID_ZONE` otherwise.
 */
export function readEvaluationTime(
  asOf: Instant,
  zone: string = DEFAULT_ZONE,
): LicensingResult<EvaluationTime> {
  const instant = readInstant(asOf, ["asOf"]);
  if (!instant.ok) return instant;
  if (!zoneSchema.safeParse(zone).success) {
    return fail(licensingError("INVALID_ZONE", `Unknown IANA time zone ${JSON.stringify(zone)}`, ["zone"]));
  }
  return ok(Object.freeze({ instant: instant.value, zone, today: formatLocalDate(instant.value, zone) }));
}

/**
 * Reads an {@link Instant} into a UTC `DateTime`; `INVALID_INSTANT` at `path` when it is not an
 * ISO date-time with an offset or a valid `DateTime` (strings without offset would depend on the
 * machine's zone, P2).
 */
export function readInstant(value: Instant, path: readonly (string | number)[]): LicensingResult<DateTime> {
  if (!instantSchema.safeParse(value).success) {
    return fail(
      licensingError(
        "INVALID_INSTANT",
        `Expected an ISO 8601 date-time with an offset (such as 2026-03-17T09:00:00Z), got ${JSON.stringify(String(value))}`,
        path,
      ),
    );
  }
  const parsed = DateTime.isDateTime(value) ? value : DateTime.fromISO(value, { setZone: true });
  return ok(parsed.toUTC());
}
