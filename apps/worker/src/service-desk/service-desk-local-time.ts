import { DateTime } from "luxon";

/** An ISO instant as the local time people read in mails: `09.03.2026 10:00` in `zone`. */
export function localTimeText(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: "utc" }).setZone(zone).toFormat("dd.MM.yyyy HH:mm");
}

/** A `YYYY-MM-DD` day as people read it in mails: `30.06.2026`. */
export function localDayText(day: string): string {
  return DateTime.fromISO(day, { zone: "utc" }).toFormat("dd.MM.yyyy");
}
