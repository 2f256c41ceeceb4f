import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedByWorkDate } from "./work-date-order.js";

interface Item {
  readonly id: string;
  readonly workDate: string;
}

const items = (dates: readonly string[]): Item[] => dates.map((workDate, i) => ({ id: `E${String(i)}`, workDate }));
const ids = (list: readonly Item[]) => list.map((item) => item.id);

/** The reference: a copy stably sorted by `Array.prototype.sort` with string comparison. */
function reference(list: readonly Item[]): Item[] {
  return [...list].sort((a, b) => (a.workDate < b.workDate ? -1 : a.workDate > b.workDate ? 1 : 0));
}

/** Dates mostly of one month, with neighbours, ties and malformed strings. */
const dateArb = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((day) => `2026-03-${String(day).padStart(2, "0")}`),
  fc.constantFrom("2026-02-28", "2026-04-01", "2025-12-31", "2026-3-05", "2026-03-1x", "", "2026-03-05T"),
);

describe("entries in work-date order (C8)", () => {
  it("C8: two runs, as a month recorded in two batches: 20, 31, 3 | 5, 20 → 3, 5, 20, 20, 31 with equal days in recording order", () => {
    const list = items(["2026-03-20", "2026-03-31", "2026-03-03", "2026-03-05", "2026-03-20"]);
    expect(ids(sortedByWorkDate(list))).toEqual(["E2", "E3", "E0", "E4", "E1"]);
  });

  it("C8: many runs, e.g. entries recorded newest first", () => {
    const list = items(["2026-03-31", "2026-03-30", "2026-03-02", "2026-03-02", "2026-03-01"]);
    expect(ids(sortedByWorkDate(list))).toEqual(["E4", "E2", "E3", "E1", "E0"]);
  });

  it("returns a new array and leaves the input as it was, sorted or not, empty or single", () => {
    for (const dates of [[], ["2026-03-01"], ["2026-03-01", "2026-03-02"], ["2026-03-02", "2026-03-01", "2026-03-03", "2026-03-01"]]) {
      const list = items(dates);
      const before = ids(list);
      const sorted = sortedByWorkDate(list);
      expect(sorted).not.toBe(list);
      expect(ids(list)).toEqual(before);
      expect(sorted).toEqual(reference(list));
    }
  });

  it("C8: equals the stable reference sort for any dates, well-formed or not, and any hint a caller may give", () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 200 }), (dates) => {
        const list = items(dates);
        const expected = ids(reference(list));
        expect(ids(sortedByWorkDate(list))).toEqual(expected);
        // The hint: the length of the ascending prefix, as splitMonthEntries computes it.
        let ascending = 1;
        while (ascending < list.length && (list[ascending] as Item).workDate >= (list[ascending - 1] as Item).workDate) ascending++;
        expect(ids(sortedByWorkDate(list, Math.min(ascending, list.length)))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
