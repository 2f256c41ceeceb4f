import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessHours, businessMinutesBetween, isWithinBusinessHours, type WeeklyScheduleInput } from "./index.js";

const officeWeek: WeeklyScheduleInput = {
  mon: [{ start: "08:00", end: "17:00" }],
  tue: [{ start: "08:00", end: "17:00" }],
  wed: [{ start: "08:00", end: "17:00" }],
  thu: [{ start: "08:00", end: "17:00" }],
  fri: [{ start: "08:00", end: "17:00" }],
};
const nrwOffice = businessHours({ zone: "Europe/Berlin", weekly: officeWeek }, "DE-NW");
const berlinOffice = businessHours({ zone: "Europe/Berlin", weekly: officeWeek }, "DE-BE");

const allDay = [{ start: "00:00", end: "24:00" }];
const roundTheClock = businessHours(
  { zone: "Europe/Berlin", weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } },
  "DE",
);

describe("business minutes", () => {
  it("across a weekend and the spring DST change: Fri 16:00 CET + 120 min = Mon 09:00 CEST", () => {
    const due = addBusinessMinutes("2026-03-27T16:00:00+01:00", 120, nrwOffice);
    expect(due.toISO()).toBe("2026-03-30T09:00:00.000+02:00");
    expect(businessMinutesBetween("2026-03-27T15:00:00Z", "2026-03-30T07:00:00Z", nrwOffice)).toBe(120);
  });

  it("across a weekend and the autumn DST change: Fri 16:00 CEST + 120 min = Mon 09:00 CET", () => {
    const due = addBusinessMinutes("2026-10-23T16:00:00+02:00", 120, nrwOffice);
    expect(due.toISO()).toBe("2026-10-26T09:00:00.000+01:00");
    expect(businessMinutesBetween("2026-10-23T14:00:00Z", "2026-10-26T08:00:00Z", nrwOffice)).toBe(120);
  });

  it("a state holiday is closed all day: Corpus Christi 2026-06-04 in NW, not in BE", () => {
    expect(addBusinessMinutes("2026-06-03T16:00:00+02:00", 120, nrwOffice).toISO()).toBe("2026-06-05T09:00:00.000+02:00");
    expect(addBusinessMinutes("2026-06-03T16:00:00+02:00", 120, berlinOffice).toISO()).toBe("2026-06-04T09:00:00.000+02:00");
    expect(businessMinutesBetween("2026-06-03T00:00:00+02:00", "2026-06-06T00:00:00+02:00", nrwOffice)).toBe(2 * 540);
  });

  it("a 24/7 schedule counts real minutes: the spring DST day has 23 hours, the autumn one 25", () => {
    expect(businessMinutesBetween("2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", roundTheClock)).toBe(23 * 60);
    expect(businessMinutesBetween("2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", roundTheClock)).toBe(25 * 60);
    expect(businessMinutesBetween("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", roundTheClock)).toBe(23 * 60);
    expect(businessMinutesBetween("2026-03-28T22:00:00Z", "2026-03-29T22:00:00Z", roundTheClock)).toBe(24 * 60);
    // Christmas is closed even round the clock.
    expect(addBusinessMinutes("2026-12-24T23:30:00+01:00", 60, roundTheClock).toISO()).toBe("2026-12-27T00:30:00.000+01:00");
  });

  it("an interval that is used up exactly ends at closing time; 0 minutes is the identity", () => {
    expect(addBusinessMinutes("2026-03-02T08:00:00+01:00", 540, nrwOffice).toISO()).toBe("2026-03-02T17:00:00.000+01:00");
    expect(addBusinessMinutes("2026-03-02T08:00:00+01:00", 541, nrwOffice).toISO()).toBe("2026-03-03T08:01:00.000+01:00");
    expect(addBusinessMinutes("2026-03-01T12:00:00+01:00", 0, nrwOffice).toISO()).toBe("2026-03-01T12:00:00.000+01:00");
    expect(addBusinessMinutes("2026-03-01T11:00:00Z", 1, nrwOffice).toISO()).toBe("2026-03-02T08:01:00.000+01:00");
  });

  it("several intervals per day and a negative count for reversed instants", () => {
    const split = businessHours(
      { zone: "Europe/Berlin", weekly: { mon: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] } },
      "DE",
    );
    expect(addBusinessMinutes("2026-03-02T11:30:00+01:00", 60, split).toISO()).toBe("2026-03-02T13:30:00.000+01:00");
    expect(businessMinutesBetween("2026-03-02T13:30:00+01:00", "2026-03-02T11:30:00+01:00", split)).toBe(-60);
    expect(isWithinBusinessHours("2026-03-02T12:30:00+01:00", split)).toBe(false);
    expect(isWithinBusinessHours("2026-03-02T12:00:00+01:00", split)).toBe(false);
    expect(isWithinBusinessHours("2026-03-02T13:00:00+01:00", split)).toBe(true);
  });

  it("works in a zone far from the machine's (America/New_York, US calendar, Thanksgiving)", () => {
    const newYork = businessHours({ zone: "America/New_York", weekly: officeWeek }, "US");
    expect(addBusinessMinutes("2026-11-25T16:00:00-05:00", 120, newYork).toISO()).toBe("2026-11-27T09:00:00.000-05:00");
  });

  it("rejects invalid schedules, zones and counts with a path", () => {
    expect(() => businessHours({ weekly: { mon: [{ start: "17:00", end: "08:00" }] } }, "DE")).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_SCHEDULE", path: ["weekly", "mon", 0, "end"] }),
    );
    expect(() =>
      businessHours({ weekly: { tue: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }, "DE"),
    ).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_SCHEDULE", path: ["weekly", "tue", 1] }));
    expect(() => businessHours({ weekly: {} }, "DE")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_SCHEDULE" }));
    expect(() => businessHours({ zone: "Europe/Nowhere", weekly: officeWeek }, "DE")).toThrow(
      expect.objectContaining({ code: "CALENDAR_UNKNOWN_ZONE", path: ["zone"] }),
    );
    expect(() => addBusinessMinutes("2026-03-02T08:00:00Z", -1, nrwOffice)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_NUMBER", path: ["minutes"] }),
    );
  });

  const instantIn2024To2030 = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 1) })
    .map((ms) => DateTime.fromMillis(ms, { zone: "UTC" }));

  it("property: counting the business minutes just added gives back the same number", () => {
    const schedules = [nrwOffice, berlinOffice, roundTheClock];
    fc.assert(
      fc.property(instantIn2024To2030, fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...schedules), (start, minutes, hours) => {
        const end = addBusinessMinutes(start, minutes, hours);
        expect(end.toMillis()).toBeGreaterThanOrEqual(start.toMillis());
        expect(businessMinutesBetween(start, end, hours)).toBe(minutes);
      }),
      { numRuns: 1000 },
    );
  });
});
