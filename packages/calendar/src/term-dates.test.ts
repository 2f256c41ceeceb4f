import { describe, expect, it } from "vitest";
import { addTermYears, daysInYearTerm, monthlyAnniversary, termDays } from "./index.js";

describe("term dates", () => {
  it("month-end anchoring: anchor 2024-01-31 → 2024-02-29, 2024-03-31, 2024-04-30", () => {
    expect([1, 2, 3].map((k) => monthlyAnniversary("2024-01-31", k))).toEqual(["2024-02-29", "2024-03-31", "2024-04-30"]);
  });

  it("month-end anchoring: anchor 2026-01-31 → 2026-02-28, computed from the anchor, not chained", () => {
    expect(monthlyAnniversary("2026-01-31", 1)).toBe("2026-02-28");
    expect(monthlyAnniversary("2026-01-31", 2)).toBe("2026-03-31");
    expect(monthlyAnniversary("2026-01-31", 13)).toBe("2027-02-28");
    expect(monthlyAnniversary("2026-01-31", 0)).toBe("2026-01-31");
    expect(monthlyAnniversary("2026-01-31", -2)).toBe("2025-11-30");
    expect(monthlyAnniversary("2026-01-30", 1)).toBe("2026-02-28");
    expect(monthlyAnniversary("2026-01-30", 2)).toBe("2026-03-30");
  });

  it("addTermYears: Feb 29 maps to Feb 28 in non-leap years", () => {
    expect(addTermYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addTermYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addTermYears("2026-06-01", 1)).toBe("2027-06-01");
  });

  it("L11: term days for pro-rata: 2026-01-01 → 2027-01-01 = 365, 2027-06-01 → 2028-06-01 = 366", () => {
    expect(termDays("2026-01-01", "2027-01-01")).toBe(365);
    expect(termDays("2027-06-01", "2028-06-01")).toBe(366);
    expect(daysInYearTerm("2026-01-01")).toBe(365);
    expect(daysInYearTerm("2027-06-01")).toBe(366);
    expect(daysInYearTerm("2028-03-01")).toBe(365);
    expect(daysInYearTerm("2024-02-29")).toBe(365);
  });

  it("rejects an end before the start and non-integer counts", () => {
    expect(() => termDays("2026-02-01", "2026-01-01")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_RANGE", path: ["end"] }));
    expect(() => monthlyAnniversary("2026-01-31", 0.5)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_NUMBER", path: ["k"] }));
    expect(() => monthlyAnniversary("2026-13-01", 1)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE", path: ["anchor"] }));
  });
});
