import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { canonicalIso, instantSchema, instantToMs, msToIso, parseInstantMs } from "./instant.js";

describe("parseInstantMs (P2: instants carry their offset)", () => {
  it("reads offsets, Z and fractions", () => {
    expect(parseInstantMs("2026-03-02T10:00:00+01:00")).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseInstantMs("2026-03-02T09:00:00Z")).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseInstantMs("2026-03-02T09:00Z")).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseInstantMs("2026-03-02T09:00:00.5Z")).toBe(Date.UTC(2026, 2, 2, 9, 0, 0, 500));
    expect(parseInstantMs("2026-03-02T09:00:00.123456789Z")).toBe(Date.UTC(2026, 2, 2, 9, 0, 0, 123));
    expect(parseInstantMs("2026-03-01T23:30:00-05:30")).toBe(Date.UTC(2026, 2, 2, 5, 0));
  });

  it("accepts 29 February only in leap years", () => {
    expect(parseInstantMs("2028-02-29T12:00:00Z")).toBe(Date.UTC(2028, 1, 29, 12));
    expect(parseInstantMs("2026-02-29T12:00:00Z")).toBeNaN();
    expect(parseInstantMs("2100-02-29T12:00:00Z")).toBeNaN();
    expect(parseInstantMs("2000-02-29T12:00:00Z")).toBe(Date.UTC(2000, 1, 29, 12));
  });

  it.each([
    "2026-03-02T10:00:00",
    "2026-03-02",
    "2026-03-02 10:00:00Z",
    "2026-13-02T10:00:00Z",
    "2026-04-31T10:00:00Z",
    "2026-03-02T24:00:00Z",
    "2026-03-02T10:60:00Z",
    "2026-03-02T10:00:60Z",
    "2026-03-02T10:00:00.Z",
    "2026-03-02T10:00:00+0100",
    "2026-03-02T10:00:00+24:00",
    "2026-03-02T10:00:00Zjunk",
    "",
  ])("refuses %j", (text) => {
    expect(parseInstantMs(text)).toBeNaN();
  });

  it("agrees with luxon on random instants and offsets (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const text = DateTime.fromMillis(ms, { zone: `UTC${offsetMinutes >= 0 ? "+" : "-"}${Math.floor(Math.abs(offsetMinutes) / 60)}:${String(Math.abs(offsetMinutes) % 60).padStart(2, "0")}` }).toISO({ suppressMilliseconds: false, includeOffset: true }) ?? "";
          // luxon writes "Z" as "+00:00"; both are valid inputs
          expect(parseInstantMs(text)).toBe(ms);
        },
      ),
    );
  });
});

describe("msToIso", () => {
  it("writes what Date#toISOString writes (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(0, 0, 1) - 86_400_000 * 365 * 2000, max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(msToIso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it("keeps canonical strings and rewrites others", () => {
    const canonical = "2026-04-01T22:00:00.000Z";
    expect(canonicalIso(canonical, parseInstantMs(canonical))).toBe(canonical);
    const berlin = "2026-04-02T00:00:00+02:00";
    expect(canonicalIso(berlin, parseInstantMs(berlin))).toBe(canonical);
  });
});

describe("instantToMs and instantSchema", () => {
  it("takes luxon DateTimes and strings", () => {
    const dateTime = DateTime.fromISO("2026-03-02T10:00:00", { zone: "Europe/Berlin" });
    expect(instantToMs(dateTime)).toBe(Date.UTC(2026, 2, 2, 9));
    expect(instantToMs(DateTime.invalid("broken"))).toBeNaN();
    expect(instantSchema.safeParse(dateTime).success).toBe(true);
    expect(instantSchema.safeParse("2026-03-02T10:00:00").success).toBe(false);
    expect(instantSchema.safeParse(DateTime.invalid("broken")).success).toBe(false);
  });
});
