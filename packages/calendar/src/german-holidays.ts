import type { GermanRegion, GermanStateCode } from "./calendar-id.js";
import { easterSundayEpochDay } from "./easter.js";
import type { HolidayOccurrence } from "./holiday-rule.js";
import { epochDayFromCivil, weekdayOfEpochDay, type EpochDay } from "./iso-date.js";

interface GermanHolidayRule {
  readonly key: string;
  readonly nameDe: string;
  readonly nameEn: string;
  readonly date: (year: number, easter: EpochDay) => EpochDay;
  /** Whether the day is a statewide holiday in `region` (never true for `"DE"` unless nationwide). */
  readonly appliesIn: (region: GermanRegion, year: number) => boolean;
}

const nationwide = (): boolean => true;

/** Holiday in the listed states only (from `sinceYear` on, when given). */
function states(codes: readonly GermanStateCode[], sinceYear = Number.NEGATIVE_INFINITY) {
  const set = new Set<GermanRegion>(codes);
  return (region: GermanRegion, year: number): boolean => year >= sinceYear && set.has(region);
}

const fixed =
  (month: number, day: number) =>
  (year: number): EpochDay =>
    epochDayFromCivil(year, month, day);

const easterPlus =
  (days: number) =>
  (_year: number, easter: EpochDay): EpochDay =>
    easter + days;

/** Buß- und Bettag: the Wednesday before November 23 (so between Nov 16 and Nov 22). */
function repentanceDay(year: number): EpochDay {
  const nov22 = epochDayFromCivil(year, 11, 22);
  return nov22 - ((weekdayOfEpochDay(nov22) - 3 + 7) % 7);
}

const reformationDayStates = states(["DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH"]);
// Bremen, Hamburg, Lower Saxony and Schleswig-Holstein made Reformation Day a holiday in 2018.
const reformationDayNorth = states(["DE-HB", "DE-HH", "DE-NI", "DE-SH"], 2018);

/**
 * Statewide public holidays by German law. Regional holidays that only some municipalities keep
 * are left out: Corpus Christi in parts of Saxony and Thuringia, Assumption Day in most (not all)
 * Bavarian municipalities, and Augsburg's Peace Festival. Callers that need them can build a
 * custom {@link BusinessCalendar}.
 */
const GERMAN_HOLIDAY_RULES: readonly GermanHolidayRule[] = [
  { key: "newYear", nameDe: "Neujahr", nameEn: "New Year's Day", date: fixed(1, 1), appliesIn: nationwide },
  { key: "epiphany", nameDe: "Heilige Drei Könige", nameEn: "Epiphany", date: fixed(1, 6), appliesIn: states(["DE-BW", "DE-BY", "DE-ST"]) },
  {
    key: "womensDay",
    nameDe: "Internationaler Frauentag",
    nameEn: "International Women's Day",
    date: fixed(3, 8),
    appliesIn: (region, year) => (region === "DE-BE" && year >= 2019) || (region === "DE-MV" && year >= 2023),
  },
  { key: "goodFriday", nameDe: "Karfreitag", nameEn: "Good Friday", date: easterPlus(-2), appliesIn: nationwide },
  { key: "easterSunday", nameDe: "Ostersonntag", nameEn: "Easter Sunday", date: easterPlus(0), appliesIn: states(["DE-BB"]) },
  { key: "easterMonday", nameDe: "Ostermontag", nameEn: "Easter Monday", date: easterPlus(1), appliesIn: nationwide },
  { key: "labourDay", nameDe: "Tag der Arbeit", nameEn: "Labour Day", date: fixed(5, 1), appliesIn: nationwide },
  {
    key: "liberationDay",
    nameDe: "Tag der Befreiung",
    nameEn: "Liberation Day",
    date: fixed(5, 8),
    // One-offs for the 75th and 80th anniversary of the end of the Second World War in Europe.
    appliesIn: (region, year) => region === "DE-BE" && (year === 2020 || year === 2025),
  },
  { key: "ascensionDay", nameDe: "Christi Himmelfahrt", nameEn: "Ascension Day", date: easterPlus(39), appliesIn: nationwide },
  { key: "whitSunday", nameDe: "Pfingstsonntag", nameEn: "Whit Sunday", date: easterPlus(49), appliesIn: states(["DE-BB"]) },
  { key: "whitMonday", nameDe: "Pfingstmontag", nameEn: "Whit Monday", date: easterPlus(50), appliesIn: nationwide },
  {
    key: "corpusChristi",
    nameDe: "Fronleichnam",
    nameEn: "Corpus Christi",
    date: easterPlus(60),
    appliesIn: states(["DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL"]),
  },
  { key: "assumptionDay", nameDe: "Mariä Himmelfahrt", nameEn: "Assumption Day", date: fixed(8, 15), appliesIn: states(["DE-SL"]) },
  {
    key: "worldChildrensDay",
    nameDe: "Weltkindertag",
    nameEn: "World Children's Day",
    date: fixed(9, 20),
    appliesIn: states(["DE-TH"], 2019),
  },
  { key: "germanUnityDay", nameDe: "Tag der Deutschen Einheit", nameEn: "German Unity Day", date: fixed(10, 3), appliesIn: nationwide },
  {
    key: "reformationDay",
    nameDe: "Reformationstag",
    nameEn: "Reformation Day",
    date: fixed(10, 31),
    // 2017 (500 years of the Reformation) was a one-off nationwide holiday.
    appliesIn: (region, year) => year === 2017 || reformationDayStates(region, year) || reformationDayNorth(region, year),
  },
  {
    key: "allSaintsDay",
    nameDe: "Allerheiligen",
    nameEn: "All Saints' Day",
    date: fixed(11, 1),
    appliesIn: states(["DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL"]),
  },
  {
    key: "repentanceDay",
    nameDe: "Buß- und Bettag",
    nameEn: "Day of Repentance and Prayer",
    date: repentanceDay,
    // Nationwide until 1994 (abolished to fund long-term care insurance), kept only by Saxony.
    appliesIn: (region, year) => year <= 1994 || region === "DE-SN",
  },
  { key: "christmasDay", nameDe: "Erster Weihnachtstag", nameEn: "Christmas Day", date: fixed(12, 25), appliesIn: nationwide },
  { key: "stStephensDay", nameDe: "Zweiter Weihnachtstag", nameEn: "St Stephen's Day", date: fixed(12, 26), appliesIn: nationwide },
];

/** Statewide public holidays of a German region in `year`, in date order. */
export function germanHolidays(region: GermanRegion, year: number): HolidayOccurrence[] {
  const easter = easterSundayEpochDay(year);
  return GERMAN_HOLIDAY_RULES.filter((rule) => rule.appliesIn(region, year))
    .map((rule) => ({ day: rule.date(year, easter), key: rule.key, nameDe: rule.nameDe, nameEn: rule.nameEn }))
    .sort((a, b) => a.day - b.day);
}
