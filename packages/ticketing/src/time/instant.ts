import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { TicketingError, type TicketingErrorPath } from "../errors/ticketing-error.js";

/**
 * A point in time at the boundary: an ISO 8601 date-time string that carries its offset
 * (`2026-06-03T09:15:00+02:00` or `…Z`) or a valid luxon `DateTime`. Strings without an offset
 * are refused because they would silently depend on the machine's zone (RULES.md P2).
 */
export type Instant = string | DateTime;

/** The zone used when a caller does not name one (RULES.md P2). */
export const DEFAULT_ZONE = "Europe/Berlin";

// Precompiled once: `Date.parse` is far cheaper than luxon for the intake hot path, but it would
// accept offset-less strings in the machine's zone, so the shape is checked first.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an ISO instant string, or `undefined` when it is not one. */
export function tryParseInstant(value: string): number | undefined {
  if (!ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** zod schema of an ISO 8601 date-time string with an offset. */
export const isoInstantSchema = z.string().refine((value) => tryParseInstant(value) !== undefined, {
  message: "Expected an ISO 8601 date-time with an offset, such as 2026-06-03T09:15:00+02:00",
});

// `IANAZone.isValidZone` builds an `Intl.DateTimeFormat` on every call, which showed up in every
// ticket creation. Valid zones are remembered by the name as given; invalid names are checked
// again each time, and the cache stops growing at a bound (names can come from requests).
const validZones = new Map<string, IANAZone>();
const MAX_CACHED_ZONES = 1000;

/** The luxon zone of a valid IANA zone name, or `undefined`; validated once per name. */
function validZone(name: string): IANAZone | undefined {
  const cached = validZones.get(name);
  if (cached !== undefined) return cached;
  if (!IANAZone.isValidZone(name)) return undefined;
  const zone = IANAZone.create(name);
  if (validZones.size < MAX_CACHED_ZONES) validZones.set(name, zone);
  return zone;
}

/** zod schema of an IANA zone name such as `Europe/Berlin`. */
export const zoneSchema = z.string().refine((name) => validZone(name) !== undefined, {
  message: "Expected an IANA time zone name such as Europe/Berlin",
});

/**
 * Epoch milliseconds of an {@link Instant}; throws a `TicketingError` with code `INVALID_INSTANT`
 * for anything else (a programming error at the boundary, not a business outcome).
 */
export function toEpochMs(instant: Instant, path: TicketingErrorPath = ["asOf"]): number {
  if (typeof instant === "string") {
    const ms = tryParseInstant(instant);
    if (ms !== undefined) return ms;
  } else if (DateTime.isDateTime(instant) && instant.isValid) {
    return instant.toMillis();
  }
  throw new TicketingError(
    "INVALID_INSTANT",
    `Expected an ISO date-time with an offset or a valid DateTime, got ${JSON.stringify(String(instant))}`,
    path,
  );
}

/** The ISO string (UTC, milliseconds) of epoch milliseconds; the canonical form in events. */
export function toIsoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Resolves an IANA zone or throws `INVALID_ZONE`. */
export function resolveZone(zone: string, path: TicketingErrorPath = ["zone"]): IANAZone {
  const resolved = validZone(zone);
  if (resolved === undefined) {
    throw new TicketingError("INVALID_ZONE", `Unknown IANA time zone ${JSON.stringify(zone)}`, path);
  }
  return resolved;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function localDate(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone: resolveZone(zone) }).toISODate() ?? "";
}
