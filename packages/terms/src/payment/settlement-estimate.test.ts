import { businessDaysBetween, isBusinessDay } from "@kontor/calendar";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { estimateSettlement } from "./settlement-estimate.js";

describe("T2 settlement estimates", () => {
  it("T2: a bank transfer started Friday 2026-12-18 in a German calendar clears 2026-12-28 to 2026-12-30, skipping Dec 25 and 26", () => {
    // Business days after Fri 18 Dec in DE-NW: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4),
    // [Fri 25 Christmas, Sat 26 2nd Christmas day, Sun 27], Mon 28 (5), Tue 29 (6), Wed 30 (7).
    const estimate = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-18", calendar: "DE-NW" }));
    expect(estimate).toMatchObject({ startDate: "2026-12-18", earliest: "2026-12-28", latest: "2026-12-30", calendar: "DE-NW" });
    expect(estimate.holidaysSkipped.map((h) => h.date)).toEqual(["2026-12-25", "2026-12-26"]);
    expect(estimate.reason).toContain("5–7 business days");
  });

  it("T2: a bank transfer started Wednesday 2026-12-23 also skips Jan 1 and clears 2026-12-31 to 2027-01-05", () => {
    // Thu 24 (1), [25, 26, 27], Mon 28 (2), Tue 29 (3), Wed 30 (4), Thu 31 (5),
    // [Fri 1 Jan New Year, Sat 2, Sun 3], Mon 4 (6), Tue 5 (7).
    const estimate = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-23", calendar: "DE-NW" }));
    expect([estimate.earliest, estimate.latest]).toEqual(["2026-12-31", "2027-01-05"]);
    expect(estimate.holidaysSkipped.map((h) => h.date)).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);
  });

  it("T2: SEPA transfers count TARGET2 business days by default; a German state adds its own holidays", () => {
    const target2 = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-18" }));
    expect(target2).toMatchObject({ earliest: "2026-12-28", latest: "2026-12-30", calendar: "TARGET2" });
    // Corpus Christi 2026-06-04 is a holiday in North Rhine-Westphalia but a TARGET2 business day.
    const sepa = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-06-01" }));
    const nrw = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-06-01", calendar: "DE-NW" }));
    expect([sepa.earliest, sepa.latest]).toEqual(["2026-06-08", "2026-06-10"]);
    expect([nrw.earliest, nrw.latest]).toEqual(["2026-06-09", "2026-06-11"]);
  });

  it("T2: an ACH payment skips US federal holidays (Independence Day observed Fri 2026-07-03)", () => {
    // After Fri 26 Jun: 29 (1), 30 (2), Jul 1 (3), 2 (4), [Fri 3 observed holiday], 6 (5), 7 (6), 8 (7) … 17 (14).
    const estimate = unwrap(estimateSettlement({ method: "ach", startedAt: "2026-06-26" }));
    expect(estimate).toMatchObject({ earliest: "2026-07-08", latest: "2026-07-17", calendar: "US" });
    expect(estimate.holidaysSkipped).toEqual([expect.objectContaining({ date: "2026-07-03", observedFor: "2026-07-04" })]);
  });

  it("T2: ACH across Thanksgiving 2026-11-26", () => {
    const estimate = unwrap(estimateSettlement({ method: "ach", startedAt: "2026-11-20" }));
    expect([estimate.earliest, estimate.latest]).toEqual(["2026-12-02", "2026-12-11"]);
    expect(estimate.holidaysSkipped.map((h) => h.date)).toEqual(["2026-11-26"]);
  });

  it("T2: checks count calendar days (up to 2 weeks); card and PayPal clear the same day", () => {
    expect(unwrap(estimateSettlement({ method: "check", startedAt: "2026-12-18" }))).toMatchObject({ earliest: "2026-12-19", latest: "2027-01-01" });
    expect(unwrap(estimateSettlement({ method: "credit-card", startedAt: "2026-12-24" }))).toMatchObject({ earliest: "2026-12-24", latest: "2026-12-24" });
    expect(unwrap(estimateSettlement({ method: "paypal", startedAt: "2026-12-25" }))).toMatchObject({ earliest: "2026-12-25", latest: "2026-12-25" });
  });

  it("T2: on invoice runs from the invoice date to the net-30 due date moved under §193 BGB", () => {
    const estimate = unwrap(estimateSettlement({ method: "on-invoice", startedAt: "2026-11-25" }));
    expect(estimate).toMatchObject({ earliest: "2026-11-25", latest: "2026-12-28" });
    expect(estimate.reason).toContain("§193 BGB");
  });

  it("P2: an instant is read as its local day in the zone", () => {
    // 23:30 UTC on Friday is already Saturday 00:30 in Berlin: counting starts after Saturday.
    const berlin = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-18T23:30:00Z", calendar: "DE-NW" }));
    expect(berlin.startDate).toBe("2026-12-19");
    const newYork = unwrap(
      estimateSettlement({ method: "bank-transfer", startedAt: DateTime.fromISO("2026-12-18T23:30:00Z", { zone: "utc" }), zone: "America/New_York" }),
    );
    expect(newYork.startDate).toBe("2026-12-18");
    expect(errorCodes(estimateSettlement({ method: "ach", startedAt: "2026-12-18", zone: "Mars/Olympus" }))).toEqual(["CALENDAR_UNKNOWN_ZONE"]);
  });

  it("T2: a start outside the holiday tables is an error value, not a throw", () => {
    expect(errorCodes(estimateSettlement({ method: "ach", startedAt: "2199-12-28" }))).toEqual(["CALENDAR_YEAR_OUT_OF_RANGE"]);
  });

  it("T2: earliest ≤ latest, both business days, exactly min and max business days after the start (property)", () => {
    const start = DateTime.fromISO("2024-01-01", { zone: "utc" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 366 }), fc.constantFrom("bank-transfer", "ach"), fc.constantFrom("DE-BY", "TARGET2", "US"), (offset, method, calendar) => {
        const day = start.plus({ days: offset }).toISODate()!;
        const estimate = unwrap(estimateSettlement({ method, startedAt: day, calendar }));
        expect(estimate.earliest <= estimate.latest).toBe(true);
        expect(isBusinessDay(estimate.earliest, calendar) && isBusinessDay(estimate.latest, calendar)).toBe(true);
        const [min, max] = method === "ach" ? [7, 14] : [5, 7];
        expect(businessDaysBetween(day, estimate.earliest, calendar)).toBe(min);
        expect(businessDaysBetween(day, estimate.latest, calendar)).toBe(max);
      }),
    );
  });
});
