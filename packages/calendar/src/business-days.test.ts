import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  businessDaysBetween,
  epochDayFromCivil,
  fromEpochDay,
  getCalendar,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  unionCalendar,
  type CalendarRef,
} from "./index.js";

describe("business days", () => {
  it("adding 5 business days to Friday 2026-12-18 in DE gives Monday 2026-12-28", () => {
    // Mon 21, Tue 22, Wed 23, Thu 24 are business days (Dec 24 is no public holiday), Fri 25 is
    // Christmas, Dec 26 is a Saturday anyway, so the fifth business day is Mon 28.
    expect(addBusinessDays("2026-12-18", 5, "DE")).toBe("2026-12-28");
    expect(businessDaysBetween("2026-12-18", "2026-12-28", "DE")).toBe(5);
  });

  it("skips weekends, Christmas and St Stephen's Day when both are weekdays (2025)", () => {
    // 2025-12-25 is a Thursday, 2025-12-26 a Friday.
    expect(addBusinessDays("2025-12-22", 3, "DE")).toBe("2025-12-29");
  });

  it("isBusinessDay: weekends and holidays are not business days", () => {
    expect(isBusinessDay("2026-04-02", "DE")).toBe(true);
    expect(isBusinessDay("2026-04-03", "DE")).toBe(false); // Good Friday
    expect(isBusinessDay("2026-04-04", "DE")).toBe(false); // Saturday
    expect(isBusinessDay("2026-06-04", "DE-NW")).toBe(false); // Corpus Christi
    expect(isBusinessDay("2026-06-04", "DE-BE")).toBe(true);
  });

  it("addBusinessDays(…, 0) keeps a business day and rolls a non-business day forward", () => {
    expect(addBusinessDays("2026-04-02", 0, "DE")).toBe("2026-04-02");
    expect(addBusinessDays("2026-04-03", 0, "DE")).toBe("2026-04-07");
  });

  it("negative n moves backwards over Easter", () => {
    expect(addBusinessDays("2026-04-07", -1, "DE")).toBe("2026-04-02");
    expect(businessDaysBetween("2026-04-07", "2026-04-02", "DE")).toBe(-1);
  });

  it("businessDaysBetween excludes from and includes to", () => {
    expect(businessDaysBetween("2026-03-02", "2026-03-02", "DE")).toBe(0);
    expect(businessDaysBetween("2026-03-02", "2026-03-03", "DE")).toBe(1);
    expect(businessDaysBetween("2026-03-06", "2026-03-09", "DE")).toBe(1); // Fri → Mon
    // (2026-01-01, 2027-01-01]: 261 weekdays minus Good Friday, Easter Monday, May 1, Ascension,
    // Whit Monday, Dec 25 and 2027-01-01 (Oct 3 and Dec 26 are Saturdays).
    expect(businessDaysBetween("2026-01-01", "2027-01-01", "DE")).toBe(254);
    // NW also closes on Corpus Christi; All Saints 2026 is a Sunday.
    expect(businessDaysBetween("2026-01-01", "2027-01-01", "DE-NW")).toBe(253);
  });

  it("next and previous business day are strictly after and before", () => {
    expect(nextBusinessDay("2026-04-02", "DE")).toBe("2026-04-07");
    expect(nextBusinessDay("2026-04-01", "DE")).toBe("2026-04-02");
    expect(previousBusinessDay("2026-04-07", "DE")).toBe("2026-04-02");
    expect(previousBusinessDay("2027-01-01", "US")).toBe("2026-12-31");
  });

  it("a union is closed when any member is closed", () => {
    const deUs = unionCalendar(["DE", "US"]);
    expect(isBusinessDay("2026-11-26", deUs)).toBe(false); // Thanksgiving
    expect(isBusinessDay("2026-10-03", "DE")).toBe(false);
    expect(isBusinessDay("2026-04-03", ["US", "TARGET2"])).toBe(false); // Good Friday via TARGET2
    expect(addBusinessDays("2026-11-25", 1, deUs)).toBe("2026-11-27");
  });

  it("weekend days are configurable", () => {
    const sundayOnly = getCalendar("DE", { weekendDays: [7] });
    expect(isBusinessDay("2026-03-07", sundayOnly)).toBe(true);
    expect(addBusinessDays("2026-03-06", 1, sundayOnly)).toBe("2026-03-07");
    expect(businessDaysBetween("2026-03-01", "2026-03-31", sundayOnly)).toBe(26);
  });

  it("rejects non-integer n and bad dates", () => {
    expect(() => addBusinessDays("2026-03-02", 1.5, "DE")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_NUMBER", path: ["n"] }));
    expect(() => businessDaysBetween("2026-3-2", "2026-03-05", "DE")).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_DATE", path: ["from"] }),
    );
  });

  const calendars: readonly CalendarRef[] = ["DE", "DE-NW", "DE-SN", "TARGET2", "US", ["DE-BY", "US"], getCalendar("DE-BE", { weekendDays: [5, 6] })];
  const dateIn2024To2030 = fc
    .integer({ min: epochDayFromCivil(2024, 1, 1), max: epochDayFromCivil(2030, 12, 31) })
    .map(fromEpochDay);
  const calendarArb = fc.constantFrom(...calendars);

  it("property: businessDaysBetween(d, addBusinessDays(d, n)) === n for business days d", () => {
    fc.assert(
      fc.property(dateIn2024To2030, fc.integer({ min: -300, max: 300 }), calendarArb, (date, n, calendar) => {
        fc.pre(isBusinessDay(date, calendar));
        expect(businessDaysBetween(date, addBusinessDays(date, n, calendar), calendar)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: addBusinessDays(addBusinessDays(d, n), -n) === d for business days d", () => {
    fc.assert(
      fc.property(dateIn2024To2030, fc.integer({ min: -300, max: 300 }), calendarArb, (date, n, calendar) => {
        fc.pre(isBusinessDay(date, calendar));
        expect(addBusinessDays(addBusinessDays(date, n, calendar), -n, calendar)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: addBusinessDays agrees with stepping one business day at a time", () => {
    fc.assert(
      fc.property(dateIn2024To2030, fc.integer({ min: -60, max: 60 }), calendarArb, (date, n, calendar) => {
        let expected = date;
        for (let i = 0; i < Math.abs(n); i++) {
          expected = n > 0 ? nextBusinessDay(expected, calendar) : previousBusinessDay(expected, calendar);
        }
        if (n === 0 && !isBusinessDay(date, calendar)) expected = nextBusinessDay(date, calendar);
        expect(addBusinessDays(date, n, calendar)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
