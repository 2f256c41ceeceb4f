import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TimeEntry } from "../entries/time-entry.js";
import { buildServiceReport, splitMonthEntries } from "./service-report.js";

const MONTH = "2026-03";

/** Open entries as an account holds them: mostly in the month, some back-dated, some in the next month, odd dates. */
const entryArb = fc.record({
  workDate: fc.oneof(
    fc.integer({ min: 1, max: 31 }).map((day) => `${MONTH}-${String(day).padStart(2, "0")}`),
    fc.integer({ min: 1, max: 28 }).map((day) => `2026-01-${String(day).padStart(2, "0")}`),
    fc.constantFrom("2025-12-31", "2026-3-05", "2026-03-1x", "2026-03-05T", "20260305"),
  ),
  bookingMonth: fc.constantFrom(MONTH, MONTH, MONTH, MONTH, "2026-04"),
  rawMinutes: fc.integer({ min: 1, max: 600 }),
  billedMinutes: fc.integer({ min: 0, max: 600 }),
  billable: fc.boolean(),
  travel: fc.constantFrom(null, { zone: "1", kilometres: null }),
});

type EntryInput = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function entries(inputs: readonly EntryInput[]): TimeEntry[] {
  return inputs.map((input, i) => ({ ...input, id: `E${String(i)}` }) as unknown as TimeEntry);
}

describe("service report split (C8)", () => {
  it("C8: the one-pass split with the merge of runs equals filtering and the plain stable sort by work date", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), fc.boolean(), (inputs, sameMonthOnly) => {
        const open = entries(sameMonthOnly ? inputs.map((input) => ({ ...input, bookingMonth: MONTH })) : inputs);
        const split = splitMonthEntries("K-1", "C-1", MONTH, open);
        const booked = open.filter((entry) => entry.bookingMonth === MONTH);
        const expected = buildServiceReport("K-1", "C-1", MONTH, booked);
        expect(split.serviceReport).toEqual(expected);
        expect(split.booked.map((entry) => entry.id)).toEqual(expected.entries.map((entry) => entry.id));
        expect(split.remaining).toEqual(open.filter((entry) => entry.bookingMonth !== MONTH));
        // `travel: false` promises that no booked entry is billable with travel.
        if (!split.travel) expect(booked.some((entry) => entry.billable && entry.travel !== null)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("C8: leaves the account's entries untouched and keeps one day's entries in recording order", () => {
    const open = entries([
      { workDate: "2026-03-20", bookingMonth: MONTH, rawMinutes: 10, billedMinutes: 15, billable: true, travel: null },
      { workDate: "2026-03-02", bookingMonth: MONTH, rawMinutes: 20, billedMinutes: 30, billable: true, travel: null },
      { workDate: "2026-03-20", bookingMonth: MONTH, rawMinutes: 30, billedMinutes: 30, billable: false, travel: null },
    ]);
    const before = open.map((entry) => entry.id);
    const split = splitMonthEntries("K-1", "C-1", MONTH, open);
    expect(split.booked.map((entry) => entry.id)).toEqual(["E1", "E0", "E2"]);
    expect(open.map((entry) => entry.id)).toEqual(before);
    expect(split.serviceReport.totals).toEqual({ entries: 3, rawMinutes: 60, billedMinutes: 75, billableRawMinutes: 30, nonBillableRawMinutes: 30 });
  });
});
