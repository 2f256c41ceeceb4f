import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { firstDayOfMonth, lastDayOfMonth, monthContaining } from "./index.js";

const utc = (month: ReturnType<typeof monthContaining>) => ({
  start: month.start.toUTC().toISO(),
  end: month.end.toUTC().toISO(),
  firstDay: month.firstDay,
  lastDay: month.lastDay,
});

describe("billing months", () => {
  it("M4: the month containing 2026-03-29T01:30Z (just after the spring DST change) in Berlin", () => {
    const march = monthContaining("2026-03-29T01:30:00Z", "Europe/Berlin");
    expect(utc(march)).toEqual({
      start: "2026-02-28T23:00:00.000Z", // 00:00 CET
      end: "2026-03-31T22:00:00.000Z", // 00:00 CEST
      firstDay: "2026-03-01",
      lastDay: "2026-03-31",
    });
    expect(march.start.toISO()).toBe("2026-03-01T00:00:00.000+01:00");
    expect(march.end.toISO()).toBe("2026-04-01T00:00:00.000+02:00");
    expect(march.end.diff(march.start, "hours").hours).toBe(31 * 24 - 1);
  });

  it("M4: 2026-10-31T23:30Z is already November 1 in Berlin", () => {
    const november = monthContaining("2026-10-31T23:30:00Z", "Europe/Berlin");
    expect(utc(november)).toEqual({
      start: "2026-10-31T23:00:00.000Z",
      end: "2026-11-30T23:00:00.000Z",
      firstDay: "2026-11-01",
      lastDay: "2026-11-30",
    });
    // October in Berlin has the extra autumn hour.
    const october = monthContaining("2026-10-15T12:00:00Z");
    expect(october.end.diff(october.start, "hours").hours).toBe(31 * 24 + 1);
    expect(october.end.toMillis()).toBe(november.start.toMillis());
  });

  it("M4: a zone far from the machine's (America/Los_Angeles vs the Kiritimati test machine)", () => {
    const instant = DateTime.fromISO("2026-03-01T05:00:00Z", { setZone: true });
    const february = monthContaining(instant, "America/Los_Angeles");
    expect(utc(february)).toEqual({
      start: "2026-02-01T08:00:00.000Z",
      end: "2026-03-01T08:00:00.000Z",
      firstDay: "2026-02-01",
      lastDay: "2026-02-28",
    });
    expect(monthContaining(instant, "Pacific/Kiritimati").firstDay).toBe("2026-03-01");
    expect(monthContaining(instant, "Pacific/Pago_Pago").lastDay).toBe("2026-02-28");
  });

  it("M4: start date is the 1st and end date the last day of the current month, in the customer's zone", () => {
    expect(firstDayOfMonth("2026-02-17")).toBe("2026-02-01");
    expect(lastDayOfMonth("2028-02-03")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-02-03")).toBe("2026-02-28");
    expect(firstDayOfMonth("2026-10-31T23:30:00Z", "Europe/Berlin")).toBe("2026-11-01");
    expect(lastDayOfMonth("2026-10-31T23:30:00Z", "Europe/Berlin")).toBe("2026-11-30");
    expect(lastDayOfMonth("2026-10-31T23:30:00Z", "America/New_York")).toBe("2026-10-31");
    expect(firstDayOfMonth("2026-10-31T23:30:00Z")).toBe("2026-11-01"); // default zone Europe/Berlin
  });

  it("rejects unknown zones and instants without an offset", () => {
    expect(() => monthContaining("2026-03-29T01:30:00Z", "Mars/Olympus")).toThrow(
      expect.objectContaining({ code: "CALENDAR_UNKNOWN_ZONE", path: ["zone"] }),
    );
    expect(() => monthContaining("2026-03-29T01:30:00", "Europe/Berlin")).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_INSTANT", path: ["instant"] }),
    );
  });
});
