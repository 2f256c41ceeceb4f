import { easterSundayEpochDay } from "./easter.js";
import type { HolidayOccurrence } from "./holiday-rule.js";
import { epochDayFromCivil } from "./iso-date.js";

/**
 * TARGET2 closing days (the Eurosystem's RTGS; the set in force since 2002, applied to every
 * supported year). Weekends are closed as well.
 */
export function target2Holidays(year: number): HolidayOccurrence[] {
  const easter = easterSundayEpochDay(year);
  return [
    { day: epochDayFromCivil(year, 1, 1), key: "newYear", nameDe: "Neujahr", nameEn: "New Year's Day" },
    { day: easter - 2, key: "goodFriday", nameDe: "Karfreitag", nameEn: "Good Friday" },
    { day: easter + 1, key: "easterMonday", nameDe: "Ostermontag", nameEn: "Easter Monday" },
    { day: epochDayFromCivil(year, 5, 1), key: "labourDay", nameDe: "Tag der Arbeit", nameEn: "Labour Day" },
    { day: epochDayFromCivil(year, 12, 25), key: "christmasDay", nameDe: "Erster Weihnachtstag", nameEn: "Christmas Day" },
    { day: epochDayFromCivil(year, 12, 26), key: "stStephensDay", nameDe: "Zweiter Weihnachtstag", nameEn: "Christmas Holiday" },
  ];
}
