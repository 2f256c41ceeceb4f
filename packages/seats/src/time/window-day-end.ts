import { type SeatResult, fail, ok } from "../seat-error.js";
import { type Instant, instantToMs, msToIso } from "./instant.js";
import { DEFAULT_ZONE, ZoneClock, zoneSchema } from "./zone.js";

/**
 * The instant at which **day `day`** of a window that starts at `startMs` ends.
 *
 * Definition (S2, S4, S5, S8): day 0 is the local calendar date, in the organization's zone, on
 * which the purchase order was placed; day N is the date N days later; day N **ends at 24:00 local
 * time of that date**, i.e. at the first instant of the following local date. This is the
 * German rule for periods in days (§ 187 (1) BGB: the day of the triggering event is not counted;
 * § 188 (1) BGB: the period ends with the end of its last day), which is how "binnen 60 Tagen"
 * and "30 Tage nach dem Kaufauftrag" in seed 003 read. Calendar days, not 24-hour blocks: a window
 * that crosses a DST change is one hour shorter or longer in absolute time.
 */
export function windowDayEndMs(clock: ZoneClock, startMs: number, day: number): number {
  return clock.startOfLocalDay(clock.localEpochDay(startMs) + day + 1);
}

/**
 * Public form of {@link windowDayEndMs}: the instant (ISO, UTC) at which day `day` after
 * `placedAt` ends in `zone`. `purchaseOrderDayEnd("2026-03-01T10:00:00+01:00", 30)` is
 * `2026-03-31T22:00:00.000Z` — 24:00 of 31 March in Berlin, already in summer time.
 *
 * @param placedAt the purchase order's instant
 * @param day the day number (30 for the reminder, 60 for the end of the window)
 * @param zone IANA zone of the organization (default `Europe/Berlin`)
 */
export function purchaseOrderDayEnd(
  placedAt: Instant,
  day: number,
  zone: string = DEFAULT_ZONE,
): SeatResult<string> {
  const startMs = instantToMs(placedAt);
  if (Number.isNaN(startMs)) {
    return fail("S10_INVALID_INSTANT", "placedAt is not an ISO date-time with offset", ["placedAt"]);
  }
  if (!Number.isInteger(day) || day < 0) {
    return fail("S10_INVALID_INPUT", "day must be a non-negative integer", ["day"]);
  }
  if (!zoneSchema.safeParse(zone).success) {
    return fail("P2_UNKNOWN_ZONE", `Unknown IANA time zone ${JSON.stringify(zone)}`, ["zone"]);
  }
  return ok(msToIso(windowDayEndMs(new ZoneClock(zone), startMs, day)));
}
