import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerPosting } from "./ledger-posting.js";
import { monthPostingTotals } from "./month-posting-totals.js";
import { chargedMinutes } from "./month-usage.js";

const LAST_DAY = "2026-01-31";

const credit = (date: string, minutes: number): LedgerPosting => ({ kind: "credit", id: `credit:${date}`, date, recordedAt: "2025-12-31T23:00:00.000Z", minutes });
const debit = (date: string, minutes: number): LedgerPosting => ({ kind: "debit", id: `debit:${date}`, date, recordedAt: "2026-01-31T17:00:00.000Z", minutes, entryId: "E-1" });
const adjustment = (date: string, minutes: number, cause: "manual" | "back-dated-entry" | "correction"): LedgerPosting => ({
  kind: "adjustment",
  id: `${cause}:${date}:${String(minutes)}`,
  date,
  recordedAt: "2026-01-31T17:00:00.000Z",
  minutes,
  cause,
  reason: "test",
  entryId: cause === "back-dated-entry" ? "E-2" : null,
  workDate: cause === "back-dated-entry" ? "2025-12-30" : null,
});

describe("the sums of a month's postings (C2, C3, C4, C7)", () => {
  it("C7: 600 credited, 45 + 30 debited, −15 back-dated, +60 and −120 manual: charged 90, adjustments −75", () => {
    const totals = monthPostingTotals(
      [
        credit("2026-01-01", 600),
        debit("2026-01-05", 45),
        adjustment("2026-01-31", -15, "back-dated-entry"),
        debit("2026-01-31", 30),
        adjustment("2026-01-10", 60, "manual"),
        adjustment("2026-01-11", -120, "manual"),
      ],
      LAST_DAY,
    );
    expect(totals).toEqual({ credit: 600, debit: 75, adjustment: -75, charged: 90, later: 0 });
  });

  it("C4: a correction credit is an adjustment, not work charged to the month", () => {
    expect(monthPostingTotals([credit("2026-01-01", 600), debit("2026-01-20", 900), adjustment("2026-01-31", 300, "correction")], LAST_DAY)).toEqual({
      credit: 600,
      debit: 900,
      adjustment: 300,
      charged: 900,
      later: 0,
    });
  });

  it("C2: postings after the month's last day are counted apart and left out of the sums", () => {
    const totals = monthPostingTotals([credit("2026-01-01", 600), credit("2026-02-01", 600), debit("2026-01-31", 15), debit("2026-02-01", 30)], LAST_DAY);
    expect(totals).toEqual({ credit: 600, debit: 15, adjustment: 0, charged: 15, later: 2 });
  });

  it("no postings: all zero", () => {
    expect(monthPostingTotals([], LAST_DAY)).toEqual({ credit: 0, debit: 0, adjustment: 0, charged: 0, later: 0 });
  });

  it("C7: equals summing minutes by kind and chargedMinutes over the postings dated up to the last day", () => {
    const dateArb = fc.integer({ min: 25, max: 40 }).map((day) => (day <= 31 ? `2026-01-${String(day)}` : `2026-02-0${String(day - 31)}`));
    const postingArb: fc.Arbitrary<LedgerPosting> = fc.oneof(
      fc.tuple(dateArb, fc.integer({ min: 0, max: 6000 })).map(([date, minutes]) => credit(date, minutes)),
      fc.tuple(dateArb, fc.integer({ min: 0, max: 600 })).map(([date, minutes]) => debit(date, minutes)),
      fc
        .tuple(dateArb, fc.integer({ min: -900, max: 900 }), fc.constantFrom("manual" as const, "back-dated-entry" as const, "correction" as const))
        .map(([date, minutes, cause]) => adjustment(date, minutes, cause)),
    );
    fc.assert(
      fc.property(fc.array(postingArb, { maxLength: 60 }), (postings) => {
        const month = postings.filter((posting) => posting.date <= LAST_DAY);
        const sum = (kind: LedgerPosting["kind"]) => month.filter((p) => p.kind === kind).reduce((total, p) => total + p.minutes, 0);
        expect(monthPostingTotals(postings, LAST_DAY)).toEqual({
          credit: sum("credit"),
          debit: sum("debit"),
          adjustment: sum("adjustment"),
          charged: month.reduce((total, p) => total + chargedMinutes(p), 0),
          later: postings.length - month.length,
        });
      }),
    );
  });
});
