import { DateTime } from "luxon";

/** A month key as German customers read it in mail subjects: `2026-05` → `Mai 2026`. */
export function germanMonthName(month: string): string {
  // A calendar month has no instant; UTC only anchors the date, the text is the same anywhere.
  const date = DateTime.fromISO(`${month}-01`, { zone: "UTC", locale: "de-DE" });
  if (!date.isValid) throw new Error(`Invalid month ${month}`);
  return date.toFormat("LLLL yyyy");
}
