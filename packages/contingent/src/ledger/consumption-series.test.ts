/**
 * K13: a contingent's consumption month by month. The history is built with the package's own
 * commands (record, adjust, close); every expected figure is worked out by hand in the comments,
 * so the series cannot agree with itself by construction.
 */
import { fromEpochDay, toEpochDay } from "@kontor/calendar";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import type { ClosedMonth } from "../close/closed-month.js";
import type { Result } from "../errors/contingent-issue.js";
import { agreementOnly, contingentContract, entry, unwrap } from "../testing/fixtures.js";
import { monthOf, nextMonth } from "../time/month-key.js";
import { adjustBalance } from "./adjust-balance.js";
import { openAccount, type ContractAccount } from "./contract-account.js";
import { consumptionRange, consumptionSeries, MAX_CONSUMPTION_MONTHS, type ConsumptionPoint } from "./consumption-series.js";
import { recordTimeEntries } from "./record-time-entries.js";
import { statementAsOf } from "./statement-as-of.js";

// Seed 004's 10-hour contingent (600 minutes a month, 950.00 EUR, overdraft allowed), from August 2026.
const contract = contingentContract({ startDate: "2026-08-01" });
const ctx = (asOf: string) => ({ contract, asOf });

function code<T>(result: Result<T>): string {
  return result.ok ? "ok" : result.errors.map((e) => `${e.code}@${e.path.join(".")}`).join();
}

/** `[month, status, opening, credit, charged, adjustment, correction, closing]` of each point. */
function rows(points: readonly ConsumptionPoint[]) {
  return points.map((p) => [p.month, p.status, p.openingMinutes, p.creditMinutes, p.chargedMinutes, p.adjustmentMinutes, p.correctionMinutes, p.closingMinutes]);
}

function close(account: ContractAccount, month: string, asOf: string) {
  return unwrap(closeMonth(account, { month }, ctx(asOf)));
}

// August: 150 + 5 (billed 15, C6) + 285 = 450 charged; a justified non-billable 40 changes nothing (C5).
// 0 + 600 − 450 = 150 carried into September (C2).
const august = unwrap(
  recordTimeEntries(
    openAccount(contract),
    [entry("2026-08-06", 150), entry("2026-08-13", 5), entry("2026-08-20", 285), entry("2026-08-21", 40, { billable: false, justification: "Warranty" })],
    ctx("2026-08-31T18:00:00+02:00"),
  ),
).account;
const augustClosed = close(august, "2026-08", "2026-09-01T06:00:00+02:00");

// September: 480 + 330 = 810 charged; 150 + 600 − 810 = −60 (C3: negative, service continues).
// One negative month end, −60 is above −300 (−50 % of 600): no correction yet (C4).
const september = unwrap(
  recordTimeEntries(augustClosed.account, [entry("2026-09-08", 480), entry("2026-09-22", 330)], ctx("2026-09-30T18:00:00+02:00")),
).account;
const septemberClosed = close(september, "2026-09", "2026-10-01T06:00:00+02:00");

// October: an entry worked on 29 September, recorded on 5 October after September closed, is booked
// into October as a back-dated adjustment of −60 (C8); +30 goodwill on the 20th (C7);
// 480 + 360 worked on the 14th and 27th (the 27th is after the DST change: +01:00).
const backDated = unwrap(recordTimeEntries(septemberClosed.account, [entry("2026-09-29", 60)], ctx("2026-10-05T10:00:00+02:00"))).account;
const goodwill = unwrap(
  adjustBalance(backDated, { id: "goodwill-oct", date: "2026-10-20", minutes: 30, reason: "Goodwill for the outage" }, ctx("2026-10-20T12:00:00+02:00")),
).account;
const october = unwrap(recordTimeEntries(goodwill, [entry("2026-10-14", 480), entry("2026-10-27", 360)], ctx("2026-10-27T18:00:00+01:00"))).account;
// −60 + 600 − (840 + 60) + 30 = −330 < −300: C4 bills 330 minutes and credits them back → 0.
// 23:30Z on 31 October is 00:30 on 1 November in Berlin (CET after the DST change): October has ended.
const octoberClosed = close(october, "2026-10", "2026-10-31T23:30:00Z");

// November (open): 120 + 200 (billed 210) + 45 = 375 charged by the 16th: 0 + 600 − 375 = 225.
const november = unwrap(
  recordTimeEntries(octoberClosed.account, [entry("2026-11-03", 120), entry("2026-11-10", 200), entry("2026-11-16", 45)], ctx("2026-11-16T08:00:00+01:00")),
).account;

const history: ClosedMonth[] = [augustClosed.closed, septemberClosed.closed, octoberClosed.closed];
const MID_NOVEMBER = "2026-11-16T10:00:00+01:00";

// The closed rows every history below shares.
const AUGUST_ROW = ["2026-08", "closed", 0, 600, 450, 0, 0, 150];
const SEPTEMBER_ROW = ["2026-09", "closed", 150, 600, 810, 0, 0, -60];
// adjustment = +30 goodwill + 330 correction; the −60 back-dated entry is charged work, not an adjustment.
const OCTOBER_ROW = ["2026-10", "closed", -60, 600, 900, 360, 330, 0];

describe("consumptionSeries (K13, C2–C4, C7)", () => {
  it("C2, C3, C4: Aug–Nov 2026 month by month; July (before the start) and December (after asOf) are left out", () => {
    const series = unwrap(consumptionSeries(november, history, { from: "2026-07", to: "2026-12" }, ctx(MID_NOVEMBER)));
    expect(series).toMatchObject({ contractId: "K-1001", date: "2026-11-16", from: "2026-07", to: "2026-12", monthlyMinutes: 600 });
    expect(rows(series.points)).toEqual([AUGUST_ROW, SEPTEMBER_ROW, OCTOBER_ROW, ["2026-11", "open", 0, 600, 375, 0, 0, 225]]);
    expect(series.points.map((p) => p.through)).toEqual(["2026-08-31", "2026-09-30", "2026-10-31", "2026-11-16"]);
    // The open month's closing is the C7 balance of the same day.
    expect(unwrap(statementAsOf(november, history, ctx(MID_NOVEMBER))).balanceMinutes).toBe(225);
  });

  it("C7: closed months show their records' figures unchanged", () => {
    const october = octoberClosed.closed.statement!;
    // The record: debits 840, adjustments −60 + 30 + 330 = 300, charged 840 + 60 = 900.
    expect(october).toMatchObject({ debitMinutes: 840, adjustmentMinutes: 300, chargedMinutes: 900, correctionMinutes: 330, closingBeforeCorrectionMinutes: -330 });
    expect(october.correctionTrigger).toBe("deficit-below-limit");
  });

  it("`to` defaults to the month of asOf; a range starting later needs no earlier records", () => {
    const series = unwrap(consumptionSeries(november, [octoberClosed.closed], { from: "2026-10" }, ctx(MID_NOVEMBER)));
    expect(series.to).toBe("2026-11");
    expect(rows(series.points)).toEqual([OCTOBER_ROW, ["2026-11", "open", 0, 600, 375, 0, 0, 225]]);
  });

  it("P2: 22:30Z on 31 October is still October in Berlin, 23:30Z already November (DST ended on the 25th)", () => {
    // October not yet closed: −60 + 600 − 900 + 30 = −330, and no correction before the close.
    const octoberRow = ["2026-10", "open", -60, 600, 900, 30, 0, -330];
    const before = unwrap(consumptionSeries(october, history.slice(0, 2), { from: "2026-08" }, ctx("2026-10-31T22:30:00Z")));
    expect(before).toMatchObject({ date: "2026-10-31", to: "2026-10" });
    expect(rows(before.points)).toEqual([AUGUST_ROW, SEPTEMBER_ROW, octoberRow]);
    // At 23:30Z November has begun: its 600 minutes count from the 1st though no command posted them (C2).
    const after = unwrap(consumptionSeries(october, history.slice(0, 2), { from: "2026-08" }, ctx("2026-10-31T23:30:00Z")));
    expect(after).toMatchObject({ date: "2026-11-01", to: "2026-11" });
    expect(rows(after.points)).toEqual([AUGUST_ROW, SEPTEMBER_ROW, octoberRow, ["2026-11", "open", -330, 600, 0, 0, 0, 270]]);
    expect(after.points[3]?.through).toBe("2026-11-01");
    expect(october.postings.some((p) => p.date >= "2026-11-01")).toBe(false);
    // Closed at that same instant, October shows the correction instead.
    const closed = unwrap(consumptionSeries(octoberClosed.account, history, { from: "2026-10" }, ctx("2026-10-31T23:30:00Z")));
    expect(rows(closed.points)).toEqual([OCTOBER_ROW, ["2026-11", "open", 0, 600, 0, 0, 0, 600]]);
  });

  it("P2: the month of asOf is read in the contract's zone: 03:30Z on 1 November is still October in New York", () => {
    const newYork = contingentContract({ startDate: "2026-08-01", zone: "America/New_York" });
    expect(unwrap(consumptionRange({ from: "2026-08" }, { contract: newYork, asOf: "2026-11-01T03:30:00Z" }))).toEqual({ from: "2026-08", to: "2026-10" });
    expect(unwrap(consumptionRange({ from: "2026-08" }, { contract, asOf: "2026-11-01T03:30:00Z" }))).toEqual({ from: "2026-08", to: "2026-11" });
  });

  it("C3, C4: an ended month that is not yet closed stays open with its negative balance; the next opens with it", () => {
    // October never closed: recording November's entries books them after October's postings.
    const unclosed = unwrap(
      recordTimeEntries(october, [entry("2026-11-03", 120), entry("2026-11-10", 200), entry("2026-11-16", 45)], ctx("2026-11-16T08:00:00+01:00")),
    ).account;
    const series = unwrap(consumptionSeries(unclosed, history.slice(0, 2), { from: "2026-09" }, ctx(MID_NOVEMBER)));
    // November: −330 + 600 − 375 = −105.
    expect(rows(series.points)).toEqual([SEPTEMBER_ROW, ["2026-10", "open", -60, 600, 900, 30, 0, -330], ["2026-11", "open", -330, 600, 375, 0, 0, -105]]);
    expect(unwrap(statementAsOf(unclosed, history, ctx(MID_NOVEMBER))).balanceMinutes).toBe(-105);
  });

  it("C7: looking back into a closed month counts its postings up to the day of asOf", () => {
    // 10 October: opening −60, credit 600 (1 Oct), the back-dated 60 (5 Oct); the 14th, 20th,
    // 27th and the correction (31st) come later: −60 + 600 − 60 = 480.
    const series = unwrap(consumptionSeries(november, history, { from: "2026-09" }, ctx("2026-10-10T12:00:00+02:00")));
    expect(series.to).toBe("2026-10");
    expect(rows(series.points)).toEqual([SEPTEMBER_ROW, ["2026-10", "closed", -60, 600, 60, 0, 0, 480]]);
    expect(series.points[1]?.through).toBe("2026-10-10");
    expect(unwrap(statementAsOf(november, history, ctx("2026-10-10T12:00:00+02:00"))).balanceMinutes).toBe(480);
  });

  it("C7: an open month counts only postings dated up to the day of asOf", () => {
    // 9 November: only the 120 of the 3rd; the 10th and 16th come later: 0 + 600 − 120 = 480.
    const series = unwrap(consumptionSeries(november, history, { from: "2026-11" }, ctx("2026-11-09T18:00:00+01:00")));
    expect(rows(series.points)).toEqual([["2026-11", "open", 0, 600, 120, 0, 0, 480]]);
  });

  it("C2: after the contract's end the balance stays, without credits", () => {
    const ending = contingentContract({ startDate: "2026-08-01", endDate: "2026-09-30" });
    const account = unwrap(recordTimeEntries(openAccount(ending), [entry("2026-08-06", 450)], { contract: ending, asOf: "2026-08-31T18:00:00+02:00" })).account;
    const { account: afterAugust, closed } = unwrap(closeMonth(account, { month: "2026-08" }, { contract: ending, asOf: "2026-09-01T06:00:00+02:00" }));
    const series = unwrap(consumptionSeries(afterAugust, [closed], { from: "2026-08" }, { contract: ending, asOf: MID_NOVEMBER }));
    // 150 carried, +600 in September (last month of the term) = 750; no credit in October or November.
    expect(rows(series.points)).toEqual([
      ["2026-08", "closed", 0, 600, 450, 0, 0, 150],
      ["2026-09", "open", 150, 600, 0, 0, 0, 750],
      ["2026-10", "open", 750, 0, 0, 0, 0, 750],
      ["2026-11", "open", 750, 0, 0, 0, 0, 750],
    ]);
  });

  it("leaves out what has no balance: a range before the start, or asOf before the start, is an empty series", () => {
    expect(unwrap(consumptionSeries(november, history, { from: "2026-01", to: "2026-07" }, ctx(MID_NOVEMBER))).points).toEqual([]);
    const early = unwrap(consumptionSeries(openAccount(contract), [], { from: "2026-06" }, ctx("2026-07-15T12:00:00+02:00")));
    expect(early).toMatchObject({ from: "2026-06", to: "2026-07", points: [] });
  });

  it("refuses reversed ranges and ranges over 36 months, naming `to` when given, else `from`", () => {
    const at = (range: Parameters<typeof consumptionSeries>[2]) => code(consumptionSeries(november, history, range, ctx(MID_NOVEMBER)));
    expect(MAX_CONSUMPTION_MONTHS).toBe(36);
    expect(at({ from: "2026-12", to: "2026-11" })).toBe("C7_RANGE_REVERSED@to");
    expect(at({ from: "2026-12" })).toBe("C7_RANGE_REVERSED@from"); // after November, the month of asOf
    // 2024-01 … 2026-12 is 36 months (allowed); one more is refused.
    expect(at({ from: "2024-01", to: "2026-12" })).toBe("ok");
    expect(at({ from: "2024-01", to: "2027-01" })).toBe("C7_RANGE_TOO_LONG@to");
    expect(at({ from: "2023-11" })).toBe("C7_RANGE_TOO_LONG@from"); // 2023-11 … 2026-11: 37 months
    const tooLong = consumptionSeries(november, history, { from: "2024-01", to: "2027-01" }, ctx(MID_NOVEMBER));
    expect(tooLong.ok ? "" : tooLong.errors[0]?.message).toBe("2024-01 to 2027-01 spans 37 months; at most 36 (from 2024-01 up to 2026-12)");
    expect(at({ from: "2026-13" })).toBe("INVALID_INPUT@from");
    expect(at({ from: "2026-08", to: "26-11" })).toBe("INVALID_INPUT@to");
  });

  it("C7: a closed month in range needs its record; records of other contracts do not count", () => {
    expect(code(consumptionSeries(november, [augustClosed.closed, octoberClosed.closed], { from: "2026-08" }, ctx(MID_NOVEMBER)))).toBe("C7_HISTORY_MISSING@history");
    const foreign = { ...septemberClosed.closed, contractId: "K-other" };
    expect(code(consumptionSeries(november, [augustClosed.closed, foreign, octoberClosed.closed], { from: "2026-08" }, ctx(MID_NOVEMBER)))).toBe("C7_HISTORY_MISSING@history");
  });

  it("C2: only contingents have a balance; C1: the account must be the contract's; P2: asOf needs an offset", () => {
    const coop = agreementOnly();
    expect(code(consumptionSeries(openAccount(coop), [], { from: "2026-01" }, { contract: coop, asOf: MID_NOVEMBER }))).toBe("C2_NOT_A_CONTINGENT@contract.kind");
    expect(code(consumptionSeries({ ...november, contractId: "K-other" }, history, { from: "2026-08" }, ctx(MID_NOVEMBER)))).toBe("C1_CONTRACT_MISMATCH@contract.id");
    expect(code(consumptionSeries(november, history, { from: "2026-08" }, ctx("2026-11-16T10:00:00")))).toBe("INVALID_INPUT@asOf");
    expect(code(consumptionRange({ from: "2026-08" }, ctx("yesterday")))).toBe("INVALID_INPUT@asOf");
  });

  it("is deterministic: the same inputs give byte-identical JSON", () => {
    const run = () => JSON.stringify(consumptionSeries(november, history, { from: "2026-07", to: "2026-12" }, ctx(MID_NOVEMBER)));
    expect(run()).toBe(run());
  });
});

// A random history over January–April 2026: entries recorded up to 25 days late (back-dated
// once their month is closed), manual adjustments, months closed 0–10 days after they end.
const START = toEpochDay("2026-01-01");
const DAYS = 120;
const day = (offset: number) => fromEpochDay(START + offset);
const noon = (date: string) => `${date}T12:00:00+01:00`;
const late = (date: string) => `${date}T22:30:00+01:00`;

const historyArb = fc.record({
  monthlyMinutes: fc.integer({ min: 60, max: 1200 }),
  overdraftAllowed: fc.boolean(),
  entries: fc.array(
    fc.record({ workDay: fc.integer({ min: 0, max: DAYS - 1 }), lag: fc.integer({ min: 0, max: 25 }), rawMinutes: fc.integer({ min: 1, max: 600 }), billable: fc.boolean() }),
    { maxLength: 50 },
  ),
  adjustments: fc.array(fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), minutes: fc.integer({ min: -300, max: 300 }).filter((m) => m !== 0) }), { maxLength: 5 }),
  closeDelay: fc.integer({ min: 0, max: 10 }),
});

/** The chart's invariants, and agreement with `statementAsOf` and the closed records at every month end. */
function checkSeries(account: ContractAccount, closed: readonly ClosedMonth[], c: typeof contract, asOf: string): void {
  const series = unwrap(consumptionSeries(account, closed, { from: "2025-12" }, { contract: c, asOf }));
  const date = series.date;
  const months: string[] = [];
  for (let m = "2026-01"; m <= monthOf(date); m = nextMonth(m)) months.push(m);
  expect(series.points.map((p) => p.month)).toEqual(months); // 2025-12 is before the start: left out
  const records = new Map(closed.map((r) => [r.month, r.statement!]));
  series.points.forEach((point, i) => {
    expect(point.closingMinutes).toBe(point.openingMinutes + point.creditMinutes - point.chargedMinutes + point.adjustmentMinutes);
    expect(point.openingMinutes).toBe(i === 0 ? 0 : series.points[i - 1]!.closingMinutes);
    expect(point.status).toBe(point.month < account.firstOpenMonth ? "closed" : "open");
    expect(point.creditMinutes).toBe(c.contingent.monthlyMinutes);
    const record = records.get(point.month);
    if (point.through === date) {
      expect(point.closingMinutes).toBe(unwrap(statementAsOf(account, closed, { contract: c, asOf })).balanceMinutes);
    } else if (record !== undefined) {
      expect(point.closingMinutes).toBe(record.closingMinutes);
      expect(point.chargedMinutes).toBe(record.chargedMinutes);
    } else {
      // An ended open month closes with the balance of its last day.
      expect(point.closingMinutes).toBe(unwrap(statementAsOf(account, closed, { contract: c, asOf: late(point.through) })).balanceMinutes);
    }
  });
}

describe("consumptionSeries properties", () => {
  it("closing = opening + credit − charged + adjustments; each month opens with the previous closing; month ends match statements and records", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const c = contingentContract({ monthlyMinutes: h.monthlyMinutes, overdraftAllowed: h.overdraftAllowed });
        let account = openAccount(c);
        const closed: ClosedMonth[] = [];
        const entries = h.entries.map((e, i) => ({ ...e, id: `P-${String(i)}`, recordDay: Math.min(DAYS - 1, e.workDay + e.lag) }));
        for (let d = 0; d < DAYS; d++) {
          const today = day(d);
          const closeable = monthOf(day(Math.max(0, d - h.closeDelay)));
          while (account.firstOpenMonth < closeable && account.firstOpenMonth < monthOf(today)) {
            const result = unwrap(closeMonth(account, { month: account.firstOpenMonth }, { contract: c, asOf: noon(today) }));
            closed.push(result.closed);
            account = result.account;
          }
          const due = entries
            .filter((e) => e.recordDay === d)
            .map((e) => entry(day(e.workDay), e.rawMinutes, { id: e.id, billable: e.billable, justification: e.billable ? null : "Warranty" }));
          if (due.length > 0) account = unwrap(recordTimeEntries(account, due, { contract: c, asOf: noon(today) })).account;
          h.adjustments.forEach((a, i) => {
            if (a.day === d) account = unwrap(adjustBalance(account, { id: `A-${String(i)}`, date: today, minutes: a.minutes, reason: "Goodwill" }, { contract: c, asOf: noon(today) })).account;
          });
          if (d % 6 === 5) checkSeries(account, closed, c, late(today));
        }
        // Looking back from the final state: asOf inside closed months too.
        for (let d = 3; d < DAYS; d += 17) checkSeries(account, closed, c, late(day(d)));
      }),
      { numRuns: 40 },
    );
  });
});
