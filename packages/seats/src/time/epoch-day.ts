/** Milliseconds in a day of 24 hours (UTC arithmetic only; local days may be 23 or 25 hours). */
export const MS_PER_DAY = 86_400_000;

// Civil-date arithmetic is @kontor/calendar's; re-exported under the names this package uses.
export { daysInMonth, epochDayFromCivil, fromEpochDay as isoDateFromEpochDay } from "@kontor/calendar";
