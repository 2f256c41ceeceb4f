import { DateTime } from "luxon";
import type { IsoDate } from "../documents/iso-date.js";

// Calendar-day arithmetic on plain dates. UTC has no DST gaps, so a day is always one day (P2:
// the dates are already local days; no zone is involved).

/** `date` plus `days` calendar days (negative: minus). */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toFormat("yyyy-MM-dd");
}

/** Calendar days from `from` to `to` (`to` − `from`): 2026-01-15 to 2026-01-16 is 1. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}
