import { describe, expect, it } from "vitest";
import { composeServiceReport, unwrap } from "../index.js";
import { januaryServiceReport, omit } from "../test-support/fixtures.js";

describe("composeServiceReport (C5, C6, C8)", () => {
  it("lists every entry, billable or not, in work-date order with totals", () => {
    const report = unwrap(composeServiceReport(januaryServiceReport()));
    expect(report.entries.map((entry) => [entry.workDate, entry.ticketId, entry.billable])).toEqual([
      ["2026-01-07", "T-5521", true],
      ["2026-01-14", "T-5525", false],
      ["2026-01-20", "T-5530", true],
    ]);
    expect(report.billableMinutes).toBe(90);
    expect(report.nonBillableMinutes).toBe(10);
  });

  it("C5: a non-billable entry needs a justification and bills nothing", () => {
    const input = januaryServiceReport();
    const entry = omit(input.entries[2]!, "justification");
    const result = composeServiceReport({ ...input, entries: [{ ...entry, billedMinutes: 15 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => [error.code, error.path.join(".")])).toEqual([
        ["C5_JUSTIFICATION_MISSING", "entries.0.justification"],
        ["INVALID_INPUT", "entries.0.billedMinutes"],
      ]);
    }
  });

  it("C6: refuses an entry whose work date lies outside the report period", () => {
    const input = januaryServiceReport();
    const result = composeServiceReport({ ...input, entries: [{ ...input.entries[0]!, workDate: "2026-02-01" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "PERIOD_INVALID", path: ["entries", 0, "workDate"] });
  });
});
