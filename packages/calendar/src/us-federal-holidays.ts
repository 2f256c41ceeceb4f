import type { HolidayOccurrence } from "./holiday-rule.js";
import { daysInMonth, epochDayFromCivil, weekdayOfEpochDay, type EpochDay, type Weekday } from "./iso-date.js";

/** The `n`-th (1-based) `weekday` of a month. */
function nthWeekday(year: number, month: number, weekday: Weekday, n: number): EpochDay {
  const first = epochDayFromCivil(year, month, 1);
  return first + ((weekday - weekdayOfEpochDay(first) + 7) % 7) + (n - 1) * 7;
}

/** The last `weekday` of a month. */
function lastWeekday(year: number, month: number, weekday: Weekday): EpochDay {
  const last = epochDayFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekdayOfEpochDay(last) - weekday + 7) % 7);
}

type Rule = readonly [key: string, nameDe: string, nameEn: string, date: (year: number) => EpochDay | undefined];

const US_FEDERAL_RULES: readonly Rule[] = [
  ["newYear", "Neujahr", "New Year's Day", (y) => epochDayFromCivil(y, 1, 1)],
  ["martinLutherKingDay", "Martin-Luther-King-Tag", "Birthday of Martin Luther King, Jr.", (y) => nthWeekday(y, 1, 1, 3)],
  ["washingtonsBirthday", "Washingtons Geburtstag", "Washington's Birthday", (y) => nthWeekday(y, 2, 1, 3)],
  ["memorialDay", "Gedenktag für die Gefallenen", "Memorial Day", (y) => lastWeekday(y, 5, 1)],
  [
    "juneteenth",
    "Juneteenth (Ende der Sklaverei)",
    "Juneteenth National Independence Day",
    // Federal holiday since June 17, 2021 (first observed that year on Friday, June 18).
    (y) => (y >= 2021 ? epochDayFromCivil(y, 6, 19) : undefined),
  ],
  ["independenceDay", "Unabhängigkeitstag", "Independence Day", (y) => epochDayFromCivil(y, 7, 4)],
  ["laborDay", "Tag der Arbeit", "Labor Day", (y) => nthWeekday(y, 9, 1, 1)],
  ["columbusDay", "Kolumbustag", "Columbus Day", (y) => nthWeekday(y, 10, 1, 2)],
  ["veteransDay", "Veteranentag", "Veterans Day", (y) => epochDayFromCivil(y, 11, 11)],
  ["thanksgivingDay", "Erntedankfest", "Thanksgiving Day", (y) => nthWeekday(y, 11, 4, 4)],
  ["christmasDay", "Weihnachten", "Christmas Day", (y) => epochDayFromCivil(y, 12, 25)],
];

/** Observed day (5 U.S.C. 6103 and Executive Order 11582): Saturday → Friday, Sunday → Monday. */
function observedDay(day: EpochDay): EpochDay {
  const weekday = weekdayOfEpochDay(day);
  if (weekday === 6) return day - 1;
  if (weekday === 7) return day + 1;
  return day;
}

function occurrencesOf(year: number): HolidayOccurrence[] {
  const result: HolidayOccurrence[] = [];
  for (const [key, nameDe, nameEn, date] of US_FEDERAL_RULES) {
    const actual = date(year);
    if (actual === undefined) continue;
    const observed = observedDay(actual);
    result.push(observed === actual ? { day: actual, key, nameDe, nameEn } : { day: observed, key, nameDe, nameEn, observedFor: actual });
  }
  return result;
}

/**
 * US federal holidays whose day off (the observed day) falls in `year`. New Year's Day on a
 * Saturday is observed on December 31 of the year before, so it is listed in that year.
 */
export function usFederalHolidays(year: number): HolidayOccurrence[] {
  const start = epochDayFromCivil(year, 1, 1);
  const end = epochDayFromCivil(year + 1, 1, 1);
  return [...occurrencesOf(year), ...occurrencesOf(year + 1)].filter((h) => h.day >= start && h.day < end).sort((a, b) => a.day - b.day);
}
