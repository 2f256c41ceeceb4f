import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { unwrap } from "../testing/unwrap.js";
import { purchaseOrderDayEnd, windowDayEndMs } from "./window-day-end.js";
import { ZoneClock } from "./zone.js";

const dayEnd = (placedAt: string, day: number, zone?: string): string =>
  unwrap(purchaseOrderDayEnd(placedAt, day, zone));

describe("day N ends at 24:00 local time of (PO date + N days) (S2, S5, S8)", () => {
  it("seed example: PO on 2026-03-02 in Berlin, day 30 ends 2026-04-02 00:00 CEST, day 60 ends 2026-05-02 00:00 CEST", () => {
    expect(dayEnd("2026-03-02T10:00:00+01:00", 30)).toBe("2026-04-01T22:00:00.000Z");
    expect(dayEnd("2026-03-02T10:00:00+01:00", 60)).toBe("2026-05-01T22:00:00.000Z");
  });

  it("the PO's time of day does not matter: 00:00 and 23:59 on the same local date end on the same instant", () => {
    expect(dayEnd("2026-03-02T00:00:00+01:00", 30)).toBe("2026-04-01T22:00:00.000Z");
    expect(dayEnd("2026-03-02T23:59:59.999+01:00", 30)).toBe("2026-04-01T22:00:00.000Z");
  });

  it("the PO date is the local date in the organization's zone, not the UTC date", () => {
    // 23:30 UTC on 1 March is already 2 March in Berlin.
    expect(dayEnd("2026-03-01T23:30:00Z", 30)).toBe("2026-04-01T22:00:00.000Z");
    // ... and still 1 March in New York.
    expect(dayEnd("2026-03-01T23:30:00Z", 30, "America/New_York")).toBe("2026-04-01T04:00:00.000Z");
  });

  it("spring DST change inside the window (PO 2026-02-20 Berlin): day 60 = 2026-04-21, ends 22:00 UTC", () => {
    expect(dayEnd("2026-02-20T09:00:00+01:00", 30)).toBe("2026-03-22T23:00:00.000Z");
    expect(dayEnd("2026-02-20T09:00:00+01:00", 60)).toBe("2026-04-21T22:00:00.000Z");
  });

  it("autumn DST change inside the window (PO 2026-09-01 Berlin): day 60 = 2026-10-31, ends 23:00 UTC", () => {
    expect(dayEnd("2026-09-01T09:00:00+02:00", 30)).toBe("2026-10-01T22:00:00.000Z");
    expect(dayEnd("2026-09-01T09:00:00+02:00", 60)).toBe("2026-10-31T23:00:00.000Z");
  });

  it("month ends and leap days: PO on 2028-01-30 has day 30 = 2028-02-29", () => {
    expect(dayEnd("2028-01-30T12:00:00+01:00", 30)).toBe("2028-02-29T23:00:00.000Z");
    expect(dayEnd("2027-01-30T12:00:00+01:00", 30)).toBe("2027-03-01T23:00:00.000Z");
  });

  it("in a zone whose clocks skip midnight (America/Santiago, 2026-09-06) the day ends at the first existing instant", () => {
    // Day 30 of a PO on 2026-08-06 is 2026-09-05; 2026-09-06 starts at 01:00 -03:00.
    expect(dayEnd("2026-08-06T12:00:00-04:00", 30, "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
  });

  it("refuses bad input with codes", () => {
    expect(purchaseOrderDayEnd("2026-03-02", 30)).toMatchObject({ ok: false, errors: [{ code: "S10_INVALID_INSTANT" }] });
    expect(purchaseOrderDayEnd("2026-03-02T10:00:00Z", -1)).toMatchObject({ ok: false, errors: [{ code: "S10_INVALID_INPUT" }] });
    expect(purchaseOrderDayEnd("2026-03-02T10:00:00Z", 30, "Mars/Olympus")).toMatchObject({ ok: false, errors: [{ code: "P2_UNKNOWN_ZONE" }] });
  });

  // The trailing startOf("day") matters where a day starts in a DST gap (America/Santiago, 7 Sep
  // 2025 begins at 01:00): luxon's plus({ days }) keeps that 01:00 wall time for the next day,
  // which begins at 00:00.
  it("equals luxon's startOf('day').plus({ days: N + 1 }).startOf('day') for random instants and zones (property)", () => {
    const zones = ["Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Kiritimati", "Asia/Beirut"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 120 }),
        (ms, zone, day) => {
          const expected = DateTime.fromMillis(ms, { zone }).startOf("day").plus({ days: day + 1 }).startOf("day").toMillis();
          expect(windowDayEndMs(new ZoneClock(zone), ms, day)).toBe(expected);
        },
      ),
      { numRuns: 500, examples: [[1757217600000, "America/Santiago", 0]] },
    );
  });
});
