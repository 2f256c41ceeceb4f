import { describe, expect, it } from "vitest";
import { GERMAN_STATE_CODES, getCalendar, unionCalendar, type CalendarId } from "./index.js";
import { easterSunday } from "./easter.js";

function holidayDates(id: CalendarId, year: number): string[] {
  return getCalendar(id)
    .holidays(year)
    .map((h) => h.date);
}

function holidayKeys(id: CalendarId, year: number): string[] {
  return getCalendar(id)
    .holidays(year)
    .map((h) => h.key);
}

describe("German holidays", () => {
  it("Good Friday 2026-04-03 and Easter Monday 2026-04-06 are nationwide holidays", () => {
    const de = getCalendar("DE");
    expect(de.isHoliday("2026-04-03")).toBe(true);
    expect(de.isHoliday("2026-04-06")).toBe(true);
    expect(de.holidays(2026).find((h) => h.date === "2026-04-03")).toMatchObject({
      key: "goodFriday",
      nameDe: "Karfreitag",
      nameEn: "Good Friday",
    });
  });

  it("Corpus Christi 2026-06-04 is a holiday in DE-NW, not in DE-BE or nationwide", () => {
    expect(getCalendar("DE-NW").isHoliday("2026-06-04")).toBe(true);
    expect(getCalendar("DE-BE").isHoliday("2026-06-04")).toBe(false);
    expect(getCalendar("DE").isHoliday("2026-06-04")).toBe(false);
  });

  const easterTable = [
    // year, Easter Sunday, Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi
    [2024, "2024-03-31", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20", "2024-05-30"],
    [2025, "2025-04-20", "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09", "2025-06-19"],
    [2026, "2026-04-05", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-06-04"],
    [2027, "2027-03-28", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2027-05-27"],
    [2028, "2028-04-16", "2028-04-14", "2028-04-17", "2028-05-25", "2028-06-05", "2028-06-15"],
    [2029, "2029-04-01", "2029-03-30", "2029-04-02", "2029-05-10", "2029-05-21", "2029-05-31"],
    [2030, "2030-04-21", "2030-04-19", "2030-04-22", "2030-05-30", "2030-06-10", "2030-06-20"],
  ] as const;

  it.each(easterTable)("Easter-derived holidays of %i match published dates", (year, easter, goodFriday, easterMonday, ascension, whitMonday, corpusChristi) => {
    expect(easterSunday(year)).toBe(easter);
    const byKey = new Map(getCalendar("DE-NW").holidays(year).map((h) => [h.key, h.date]));
    expect(byKey.get("goodFriday")).toBe(goodFriday);
    expect(byKey.get("easterMonday")).toBe(easterMonday);
    expect(byKey.get("ascensionDay")).toBe(ascension);
    expect(byKey.get("whitMonday")).toBe(whitMonday);
    expect(byKey.get("corpusChristi")).toBe(corpusChristi);
    const bb = new Map(getCalendar("DE-BB").holidays(year).map((h) => [h.key, h.date]));
    expect(bb.get("easterSunday")).toBe(easter);
  });

  it("Easter Sunday at the extremes of the computus (1818-03-22, 2038-04-25, 2285-03-22)", () => {
    expect(easterSunday(1818)).toBe("1818-03-22");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2285)).toBe("2285-03-22");
  });

  it("nationwide holidays 2026 are the nine federal ones", () => {
    expect(holidayDates("DE", 2026)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-25",
      "2026-10-03",
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("every state has the nine nationwide holidays", () => {
    const nationwide = holidayDates("DE", 2026);
    for (const state of GERMAN_STATE_CODES) {
      expect(holidayDates(state, 2026)).toEqual(expect.arrayContaining(nationwide));
    }
  });

  it("state holiday tables 2026", () => {
    const extra = (id: CalendarId) => holidayKeys(id, 2026).filter((key) => !holidayKeys("DE", 2026).includes(key));
    expect(extra("DE-BW")).toEqual(["epiphany", "corpusChristi", "allSaintsDay"]);
    expect(extra("DE-BY")).toEqual(["epiphany", "corpusChristi", "allSaintsDay"]);
    expect(extra("DE-BE")).toEqual(["womensDay"]);
    expect(extra("DE-BB")).toEqual(["easterSunday", "whitSunday", "reformationDay"]);
    expect(extra("DE-HB")).toEqual(["reformationDay"]);
    expect(extra("DE-HH")).toEqual(["reformationDay"]);
    expect(extra("DE-HE")).toEqual(["corpusChristi"]);
    expect(extra("DE-MV")).toEqual(["womensDay", "reformationDay"]);
    expect(extra("DE-NI")).toEqual(["reformationDay"]);
    expect(extra("DE-NW")).toEqual(["corpusChristi", "allSaintsDay"]);
    expect(extra("DE-RP")).toEqual(["corpusChristi", "allSaintsDay"]);
    expect(extra("DE-SL")).toEqual(["corpusChristi", "assumptionDay", "allSaintsDay"]);
    expect(extra("DE-SN")).toEqual(["reformationDay", "repentanceDay"]);
    expect(extra("DE-ST")).toEqual(["epiphany", "reformationDay"]);
    expect(extra("DE-SH")).toEqual(["reformationDay"]);
    expect(extra("DE-TH")).toEqual(["worldChildrensDay", "reformationDay"]);
  });

  it("Repentance Day is the Wednesday before November 23 (SN)", () => {
    const dates = [2024, 2025, 2026, 2027, 2028].map(
      (year) => getCalendar("DE-SN").holidays(year).find((h) => h.key === "repentanceDay")?.date,
    );
    expect(dates).toEqual(["2024-11-20", "2025-11-19", "2026-11-18", "2027-11-17", "2028-11-22"]);
  });

  it("holidays introduced later apply from their first year only", () => {
    expect(getCalendar("DE-BE").isHoliday("2018-03-08")).toBe(false);
    expect(getCalendar("DE-BE").isHoliday("2019-03-08")).toBe(true);
    expect(getCalendar("DE-MV").isHoliday("2022-03-08")).toBe(false);
    expect(getCalendar("DE-MV").isHoliday("2023-03-08")).toBe(true);
    expect(getCalendar("DE-TH").isHoliday("2018-09-20")).toBe(false);
    expect(getCalendar("DE-TH").isHoliday("2019-09-20")).toBe(true);
    expect(getCalendar("DE-NI").isHoliday("2016-10-31")).toBe(false);
    expect(getCalendar("DE-NI").isHoliday("2018-10-31")).toBe(true);
  });

  it("one-offs: Reformation Day 2017 nationwide; Berlin May 8 in 2020 and 2025 only", () => {
    expect(getCalendar("DE").isHoliday("2017-10-31")).toBe(true);
    expect(getCalendar("DE-BY").isHoliday("2017-10-31")).toBe(true);
    expect(getCalendar("DE").isHoliday("2018-10-31")).toBe(false);
    expect(getCalendar("DE-BE").isHoliday("2020-05-08")).toBe(true);
    expect(getCalendar("DE-BE").isHoliday("2025-05-08")).toBe(true);
    expect(getCalendar("DE-BE").isHoliday("2026-05-08")).toBe(false);
    expect(getCalendar("DE-BB").isHoliday("2025-05-08")).toBe(false);
  });

  it("regional-only days are not statewide: Assumption in BY, Corpus Christi in SN and TH", () => {
    expect(getCalendar("DE-BY").isHoliday("2026-08-15")).toBe(false);
    expect(getCalendar("DE-SL").isHoliday("2026-08-15")).toBe(true);
    expect(getCalendar("DE-SN").isHoliday("2026-06-04")).toBe(false);
    expect(getCalendar("DE-TH").isHoliday("2026-06-04")).toBe(false);
  });
});

describe("TARGET2", () => {
  it("closes on New Year, Good Friday, Easter Monday, May 1, Dec 25 and 26", () => {
    expect(holidayDates("TARGET2", 2026)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(getCalendar("TARGET2").isHoliday("2026-10-03")).toBe(false);
  });
});

describe("US federal holidays", () => {
  it("2027-07-05 is the observed Independence Day", () => {
    const independence = getCalendar("US")
      .holidays(2027)
      .find((h) => h.key === "independenceDay");
    expect(independence).toEqual({
      date: "2027-07-05",
      key: "independenceDay",
      nameDe: "Unabhängigkeitstag",
      nameEn: "Independence Day",
      observedFor: "2027-07-04",
    });
  });

  it("New Year 2022 (a Saturday) is observed on 2021-12-31, listed in 2021", () => {
    const us = getCalendar("US");
    expect(us.isHoliday("2021-12-31")).toBe(true);
    expect(us.holidays(2021).at(-1)).toMatchObject({ date: "2021-12-31", key: "newYear", observedFor: "2022-01-01" });
    expect(us.holidays(2022).some((h) => h.key === "newYear")).toBe(false);
  });

  it("Christmas 2027 is observed on Friday 2027-12-24; Juneteenth 2027 on 2027-06-18", () => {
    expect(getCalendar("US").isHoliday("2027-12-24")).toBe(true);
    expect(getCalendar("US").isHoliday("2027-06-18")).toBe(true);
    expect(getCalendar("US").isHoliday("2027-06-19")).toBe(false);
  });

  it("full 2026 table with weekday rules", () => {
    expect(holidayDates("US", 2026)).toEqual([
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03", // July 4 is a Saturday
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]);
  });

  it("Juneteenth only since 2021", () => {
    expect(holidayKeys("US", 2020)).not.toContain("juneteenth");
    expect(getCalendar("US").isHoliday("2021-06-18")).toBe(true);
  });
});

describe("calendars", () => {
  it("a union has the holidays of all members, listed once per date and key", () => {
    const union = unionCalendar(["DE-NW", "TARGET2"]);
    expect(union.id).toBe("DE-NW+TARGET2");
    expect(union.holidays(2026).filter((h) => h.key === "goodFriday")).toHaveLength(1);
    expect(union.isHoliday("2026-06-04")).toBe(true);
    expect(unionCalendar(["DE", "US"]).isHoliday("2026-11-26")).toBe(true);
  });

  it("unknown ids, bad weekends and years outside the tables throw CalendarError", () => {
    expect(() => getCalendar("DE-XX" as CalendarId)).toThrow(expect.objectContaining({ code: "CALENDAR_UNKNOWN_CALENDAR" }));
    expect(() => getCalendar("DE", { weekendDays: [1, 2, 3, 4, 5, 6, 7] })).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_WEEKEND", path: ["options", "weekendDays"] }),
    );
    expect(() => getCalendar("DE").holidays(1900)).toThrow(expect.objectContaining({ code: "CALENDAR_YEAR_OUT_OF_RANGE" }));
    expect(() => getCalendar("DE").isHoliday("2026-02-30")).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_DATE", path: ["date"] }),
    );
    expect(() => unionCalendar([])).toThrow(expect.objectContaining({ code: "CALENDAR_UNKNOWN_CALENDAR" }));
  });

  it("returns the same cached instance and holiday list for repeated calls", () => {
    expect(getCalendar("DE-HE")).toBe(getCalendar("DE-HE"));
    expect(getCalendar("DE-HE").holidays(2026)).toBe(getCalendar("DE-HE").holidays(2026));
  });
});
