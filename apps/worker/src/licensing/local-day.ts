import type { IsoDate } from "@kontor/calendar";
import { DateTime } from "luxon";

/** The calendar day `instant` falls on in `zone` (P2: an explicit zone, never the machine's). */
export function localDay(instant: Date, zone: string): IsoDate {
  const day = DateTime.fromJSDate(instant, { zone }).toISODate();
  if (day === null) throw new Error(`${instant.toISOString()} has no local day in zone ${zone}`);
  return day;
}
