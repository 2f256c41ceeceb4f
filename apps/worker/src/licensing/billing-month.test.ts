import { describe, expect, it } from "vitest";
import { addMonths, lastCompletedMonth, monthsFromTo } from "./billing-month.js";

describe("customer months (M4, P2)", () => {
  it("M4: months count across year ends in both directions", () => {
    expect([addMonths("2026-01", -1), addMonths("2026-03", 1 - 24), addMonths("2025-12", 1), addMonths("2024-02", 0)]).toEqual(["2025-12", "2024-04", "2026-01", "2024-02"]);
  });

  it("M4: each month ends at local midnight of the next 1st in the customer's zone (CET, then CEST from 29 March 2026)", () => {
    expect(monthsFromTo("2026-01", "2026-03", "Europe/Berlin").map(({ month, endedAt }) => [month, endedAt.toISOString()])).toEqual([
      ["2026-01", "2026-01-31T23:00:00.000Z"],
      ["2026-02", "2026-02-28T23:00:00.000Z"],
      ["2026-03", "2026-03-31T22:00:00.000Z"],
    ]);
    expect(monthsFromTo("2026-03", "2026-03", "America/New_York")[0]?.endedAt.toISOString()).toBe("2026-04-01T04:00:00.000Z");
  });

  it("M4: no months when the first is after the last; the last completed month ends where monthsFromTo says", () => {
    expect(monthsFromTo("2026-04", "2026-03", "Europe/Berlin")).toEqual([]);
    const last = lastCompletedMonth(new Date("2026-03-31T22:30:00Z"), "Europe/Berlin");
    expect(last.month).toBe("2026-03");
    expect(monthsFromTo("2026-03", "2026-03", "Europe/Berlin")).toEqual([last]);
  });
});
