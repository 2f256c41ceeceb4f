import { IANAZone } from "luxon";
import { z } from "zod";
import { CalendarError, type CalendarErrorPath } from "./calendar-error.js";

/** The zone used when a caller does not name one (RULES.md P2). */
export const DEFAULT_ZONE = "Europe/Berlin";

/** Zod schema of an IANA time zone name such as `"Europe/Berlin"`. */
export const zoneSchema = z.string().refine((name) => IANAZone.isValidZone(name), { message: "Expected an IANA time zone name" });

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const knownZones = new Map<string, IANAZone>();

/**
 * The luxon zone for an IANA name, or `CALENDAR_UNKNOWN_ZONE`. Fixed offsets and the system zone
 * are refused on purpose: days and DST must follow a named place.
 *
 * @param name IANA zone name
 * @param path field path reported in the error
 */
export function resolveZone(name: string, path: CalendarErrorPath = ["zone"]): IANAZone {
  // Validating a zone builds an Intl.DateTimeFormat; remember the zones already seen.
  const known = knownZones.get(name);
  if (known !== undefined) return known;
  if (typeof name !== "string" || !IANAZone.isValidZone(name)) {
    throw new CalendarError("CALENDAR_UNKNOWN_ZONE", `Unknown IANA time zone ${JSON.stringify(name)}`, path);
  }
  const zone = IANAZone.create(name);
  knownZones.set(name, zone);
  return zone;
}

/**
 * Epoch milliseconds of a wall-clock time in `zone`, given as "local milliseconds" (the wall time
 * read as if it were UTC). Deterministic for DST edges, unlike a guess from the current offset:
 * a time that occurs twice (autumn) resolves to its first occurrence; a time that does not exist
 * (spring gap) moves forward by the length of the gap, as luxon does.
 */
export function wallClockToEpochMs(localMs: number, zone: IANAZone): number {
  const offsetBefore = zone.offset(localMs - MS_PER_DAY);
  const offsetAfter = zone.offset(localMs + MS_PER_DAY);
  const before = localMs - offsetBefore * MS_PER_MINUTE;
  if (offsetBefore === offsetAfter) return before;
  const after = localMs - offsetAfter * MS_PER_MINUTE;
  const beforeValid = zone.offset(before) === offsetBefore;
  const afterValid = zone.offset(after) === offsetAfter;
  if (beforeValid && afterValid) return Math.min(before, after);
  if (afterValid) return after;
  // Either only `before` is valid, or the time is in the gap: `before` is then the instant one
  // gap-length later on the wall clock.
  return before;
}

// Per zone: local epoch day → the zone's offset (minutes) if it is the same from the day before to
// the day after, i.e. no DST change can touch the day. Business-hours loops then resolve wall
// times with one subtraction instead of Intl lookups. Bounded so a long-running process cannot grow
// it without limit.
const steadyOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

/**
 * Like {@link wallClockToEpochMs} for a wall time on local epoch day `day` (`minuteOfDay` may be
 * 1440 for the end of the day), with a per-day cache of the zone's offset.
 */
export function wallClockOfDayToEpochMs(day: number, minuteOfDay: number, zone: IANAZone): number {
  let byDay = steadyOffsets.get(zone.name);
  if (byDay === undefined) {
    byDay = new Map();
    steadyOffsets.set(zone.name, byDay);
  }
  let steady = byDay.get(day);
  if (steady === undefined) {
    const before = zone.offset((day - 1) * MS_PER_DAY);
    const after = zone.offset((day + 2) * MS_PER_DAY);
    steady = before === after ? before : null;
    if (byDay.size >= MAX_CACHED_DAYS_PER_ZONE) byDay.clear();
    byDay.set(day, steady);
  }
  const localMs = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  return steady === null ? wallClockToEpochMs(localMs, zone) : localMs - steady * MS_PER_MINUTE;
}

/** The local epoch day that the instant `epochMs` falls on in `zone`. */
export function localEpochDay(epochMs: number, zone: IANAZone): number {
  return Math.floor((epochMs + zone.offset(epochMs) * MS_PER_MINUTE) / MS_PER_DAY);
}
