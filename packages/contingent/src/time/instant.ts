import { type Instant, type IsoDate } from "@kontor/calendar";
import { DateTime } from "luxon";

/** An instant read in a zone: the local day and the UTC ISO form used in stored records. */
export interface LocalInstant {
  /** The local calendar day in the zone, `"YYYY-MM-DD"`. */
  readonly date: IsoDate;
  /** The instant in UTC, `"2026-02-01T08:00:00.000Z"`: fixed width, so strings sort by time. */
  readonly utc: string;
}

const OFFSET_SUFFIX = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

// Month close runs once per contract with the same `asOf`; remembering the last conversion keeps
// luxon out of the per-contract path without changing any result (the cache is invisible).
let cachedInstant: string | undefined;
let cachedZone: string | undefined;
let cachedValue: LocalInstant | undefined;

/**
 * Reads `instant` in `zone` (P2: the caller names both). Strings must carry an offset (`Z` or
 * `+01:00`), since a bare local time would depend on the machine's zone. Returns `undefined` for
 * an invalid instant or zone.
 */
export function readInstant(instant: Instant, zone: string): LocalInstant | undefined {
  if (typeof instant === "string" && instant === cachedInstant && zone === cachedZone) return cachedValue;
  let value: DateTime | undefined;
  if (typeof instant === "string") {
    if (instant.includes("T") && OFFSET_SUFFIX.test(instant)) value = DateTime.fromISO(instant, { setZone: true });
  } else if (DateTime.isDateTime(instant)) {
    value = instant;
  }
  if (value?.isValid !== true) return undefined;
  const local = value.setZone(zone);
  const date = local.isValid ? local.toISODate() : null;
  const utc = value.toUTC().toISO();
  const result = date === null || utc === null ? undefined : { date, utc };
  if (typeof instant === "string") {
    cachedInstant = instant;
    cachedZone = zone;
    cachedValue = result;
  }
  return result;
}

const monthStarts = new Map<string, string>();

/**
 * The instant a month starts in `zone` (local midnight of the 1st), UTC ISO. Monthly credits are
 * stamped with it, so a credit looks the same whichever command happened to post it.
 */
export function monthStartUtc(month: string, zone: string): string {
  const key = `${month}|${zone}`;
  let value = monthStarts.get(key);
  if (value === undefined) {
    const start = DateTime.fromISO(`${month}-01T00:00:00`, { zone });
    value = start.toUTC().toISO() ?? `${month}-01T00:00:00.000Z`;
    if (monthStarts.size > 10_000) monthStarts.clear();
    monthStarts.set(key, value);
  }
  return value;
}
