import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { fromEpochDay, isoDateSchema, toEpochDay, weekdayOfEpochDay } from "./index.js";
import { wallClockToEpochMs } from "./zone.js";

describe("ISO dates and epoch days", () => {
  it("converts known days", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("2000-03-01")).toBe(11017);
    expect(fromEpochDay(-1)).toBe("1969-12-31");
    expect(weekdayOfEpochDay(toEpochDay("2026-04-03"))).toBe(5);
  });

  it("property: agrees with luxon in UTC for years 1600–2400", () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay("1600-01-01"), max: toEpochDay("2400-12-31") }), (day) => {
        const luxon = DateTime.fromMillis(day * 86_400_000, { zone: "UTC" });
        expect(fromEpochDay(day)).toBe(luxon.toISODate());
        expect(weekdayOfEpochDay(day)).toBe(luxon.weekday);
      }),
    );
  });

  it("schema and parser refuse days that do not exist", () => {
    expect(isoDateSchema.safeParse("2028-02-29").success).toBe(true);
    expect(isoDateSchema.safeParse("2026-02-29").success).toBe(false);
    expect(isoDateSchema.safeParse("2026-4-1").success).toBe(false);
    expect(() => toEpochDay("2026-00-10")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});

describe("wall clock to instant", () => {
  const berlin = IANAZone.create("Europe/Berlin");
  const local = (iso: string) => Date.parse(`${iso}Z`);

  it("resolves an ambiguous autumn time to its first occurrence", () => {
    expect(new Date(wallClockToEpochMs(local("2026-10-25T02:30:00"), berlin)).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moves a time in the spring gap forward by the gap", () => {
    expect(new Date(wallClockToEpochMs(local("2026-03-29T02:30:00"), berlin)).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("plain times use the zone's offset", () => {
    expect(new Date(wallClockToEpochMs(local("2026-07-01T08:00:00"), berlin)).toISOString()).toBe("2026-07-01T06:00:00.000Z");
  });
});
