import { describe, expect, it } from "vitest";
import { parseContract } from "../contracts/parse-contract.js";
import { openAccount } from "../ledger/contract-account.js";
import { recordTimeEntries, recordTimeEntry } from "../ledger/record-time-entries.js";
import { statementAsOf } from "../ledger/statement-as-of.js";
import { DEFAULT_POLICY_SET } from "../policies/policy-set.js";
import { agreementOnly, asOfAfter, contingentContract, entry, runMonths, TERMS, unwrap } from "../testing/fixtures.js";
import { closeMonth } from "./close-month.js";

const contract = contingentContract();
const hours = (h: number) => h * 60;
/** Entries of `month` that bill `billedHours` in whole-hour pieces of at most 3 hours. */
function monthOfWork(month: string, billedHours: number) {
  const entries = [];
  for (let left = billedHours, day = 1; left > 0; day++) {
    const h = Math.min(3, left);
    entries.push(entry(`${month}-${String(day).padStart(2, "0")}`, hours(h)));
    left -= h;
  }
  return entries;
}

describe("closeMonth: the contingent statement (C2, C3)", () => {
  it("C2: a 10-hour contingent with 7.5 billed hours in January carries 2.5 hours into February", () => {
    const january = [entry("2026-01-07", 150), entry("2026-01-14", 175), entry("2026-01-21", 120)]; // 150 + 180 + 120 billed
    const { account, closed } = runMonths(contract, [["2026-01", january]]);
    const statement = closed[0]!.statement!;
    expect(statement).toMatchObject({
      month: "2026-01",
      openingMinutes: 0,
      creditMinutes: 600,
      debitMinutes: 450,
      adjustmentMinutes: 0,
      closingMinutes: 150,
    });
    expect(account.openingMinutes).toBe(150);
    const february = unwrap(statementAsOf(account, closed, { contract, asOf: "2026-02-01T09:00:00+01:00" }));
    expect(february).toMatchObject({ month: "2026-02", openingMinutes: 150, creditMinutes: 600, balanceMinutes: 750 });
  });

  it("C2: the monthly invoice bills the agreed amount whatever was used", () => {
    const { closed } = runMonths(contract, [["2026-01", []], ["2026-02", monthOfWork("2026-02", 10)]]);
    for (const record of closed) {
      expect(record.invoice.lines).toEqual([
        {
          kind: "contingent-monthly",
          description: `Contingent of 10 hours, ${record.month}`,
          quantity: "1",
          unit: "month",
          unitPrice: { amount: "950.00", currency: "EUR" },
          net: { amount: "950.00", currency: "EUR" },
          serviceReportId: `SR-K-1001-${record.month}`,
          minutes: 600,
          reference: record.month,
        },
      ]);
      expect(record.invoice.presentation).toBe("service-report-id-and-amount");
    }
  });

  it("C3: service continues on an insufficient balance and the balance goes negative", () => {
    const { closed } = runMonths(contract, [["2026-01", monthOfWork("2026-01", 11)]]);
    expect(closed[0]!.statement).toMatchObject({ closingMinutes: -60, correctionMinutes: 0, negativeMonthEnds: 1 });
    expect(closed[0]!.flags).toEqual({ overbooked: true, oversized: false });
  });
});

describe("closeMonth: correction invoices and flags (C4)", () => {
  it("C4: three month ends below zero trigger one correction invoice for the deficit hours at the contract rate", () => {
    // 11 hours a month against 10: −1 h, −2 h, −3 h → corrected in March; April starts again at −1 h.
    const { closed } = runMonths(
      contract,
      ["2026-01", "2026-02", "2026-03", "2026-04"].map((month) => [month, monthOfWork(month, 11)] as const),
    );
    const corrections = closed.flatMap((record) => record.invoice.lines.filter((line) => line.kind === "correction"));
    expect(corrections).toEqual([
      {
        kind: "correction",
        description: "Correction: 3 hours over the contingent",
        quantity: "3",
        unit: "hour",
        unitPrice: { amount: "95.00", currency: "EUR" },
        net: { amount: "285.00", currency: "EUR" },
        serviceReportId: "SR-K-1001-2026-03",
        minutes: 180,
        reference: "2026-03",
      },
    ]);
    expect(closed.map((record) => record.statement?.closingMinutes)).toEqual([-60, -120, 0, -60]);
    expect(closed.map((record) => record.statement?.negativeMonthEnds)).toEqual([1, 2, 3, 1]);
    const march = closed[2]!.statement!;
    expect(march).toMatchObject({
      closingBeforeCorrectionMinutes: -180,
      correctionMinutes: 180,
      adjustmentMinutes: 180,
      correctionTrigger: "consecutive-negative-month-ends",
    });
    // The correction credit is an explicit ledger posting on the month's last day.
    expect(march.postings.at(-1)).toMatchObject({ kind: "adjustment", cause: "correction", date: "2026-03-31", minutes: 180 });
    expect(closed[2]!.invoice.net).toEqual({ amount: "1235.00", currency: "EUR" });
  });

  it("C4: a month ending at exactly zero is not overbooked and resets the negative streak", () => {
    const { closed } = runMonths(contract, [
      ["2026-01", monthOfWork("2026-01", 11)],
      ["2026-02", monthOfWork("2026-02", 9)],
      ["2026-03", monthOfWork("2026-03", 11)],
      ["2026-04", monthOfWork("2026-04", 11)],
    ]);
    expect(closed.map((r) => [r.statement?.closingMinutes, r.statement?.negativeMonthEnds, r.flags.overbooked])).toEqual([
      [-60, 1, true],
      [0, 0, false],
      [-60, 1, true],
      [-120, 2, true],
    ]);
    expect(closed.flatMap((r) => r.invoice.lines).filter((line) => line.kind === "correction")).toEqual([]);
  });

  it("C4: a month end below −50 % of the monthly hours is corrected at once", () => {
    const { closed } = runMonths(contract, [["2026-01", monthOfWork("2026-01", 16)]]);
    expect(closed[0]!.statement).toMatchObject({ closingBeforeCorrectionMinutes: -360, closingMinutes: 0, correctionTrigger: "deficit-below-limit" });
    expect(closed[0]!.invoice.lines.find((line) => line.kind === "correction")?.net).toEqual({ amount: "570.00", currency: "EUR" });
  });

  it("C4: exactly −50 % is not below the limit", () => {
    const { closed } = runMonths(contract, [["2026-01", monthOfWork("2026-01", 15)]]);
    expect(closed[0]!.statement).toMatchObject({ closingMinutes: -300, correctionTrigger: null });
  });

  it("C3: without agreed overdraft any negative month end is billed at once", () => {
    const strict = contingentContract({ overdraftAllowed: false });
    const { closed } = runMonths(strict, [["2026-01", monthOfWork("2026-01", 11)]]);
    expect(closed[0]!.statement).toMatchObject({ closingMinutes: 0, correctionMinutes: 60, correctionTrigger: "overdraft-not-allowed" });
  });

  it("C4: the triggers are policy data: 2 month ends, no percentage limit", () => {
    const policies = {
      ...DEFAULT_POLICY_SET,
      contingent: [
        {
          effectiveFrom: "2026-01-01",
          correction: { consecutiveNegativeMonthEnds: 2, deficitPercentOfMonthly: null },
          oversizedAboveMonthsOfCredit: null,
          warningThresholdsPercent: [],
        },
      ],
    };
    let account = openAccount(contract);
    const triggers: (string | null | undefined)[] = [];
    for (const month of ["2026-01", "2026-02"]) {
      account = unwrap(recordTimeEntries(account, monthOfWork(month, 20), { contract, asOf: `${month}-28T12:00:00Z`, policies })).account;
      const result = unwrap(closeMonth(account, { month }, { contract, asOf: asOfAfter(month), policies }));
      triggers.push(result.closed.statement?.correctionTrigger);
      account = result.account;
    }
    expect(triggers).toEqual([null, "consecutive-negative-month-ends"]);
  });

  it("C4: a balance above 3 months of hours flags the contract as oversized", () => {
    const { closed } = runMonths(contract, ["2026-01", "2026-02", "2026-03", "2026-04"].map((m) => [m, []] as const));
    expect(closed.map((record) => [record.statement?.closingMinutes, record.flags.oversized])).toEqual([
      [600, false],
      [1200, false],
      [1800, false],
      [2400, true],
    ]);
  });

  it("C4: warnings at 80 % and 100 % of the month's credit used", () => {
    const { closed } = runMonths(contract, [["2026-01", monthOfWork("2026-01", 7)], ["2026-02", monthOfWork("2026-02", 8)], ["2026-03", monthOfWork("2026-03", 10)]]);
    expect(closed.map((record) => record.warnings.map((w) => w.thresholdPercent))).toEqual([[], [80], [80, 100]]);
  });

  it("C4: events tell the account manager and list the service report before the invoice (C8)", () => {
    const { account } = runMonths(contract, [["2026-01", monthOfWork("2026-01", 11)], ["2026-02", monthOfWork("2026-02", 11)]]);
    const recorded = unwrap(recordTimeEntries(account, monthOfWork("2026-03", 11), { contract, asOf: "2026-03-31T10:00:00+02:00" }));
    const { events } = unwrap(closeMonth(recorded.account, { month: "2026-03" }, { contract, asOf: asOfAfter("2026-03") }));
    expect(events.map((e) => e.type)).toEqual([
      "service-report-ready",
      "correction-invoice-due",
      "account-manager-flag",
      "invoice-due",
      "month-closed",
    ]);
    expect(events[1]).toEqual({
      type: "correction-invoice-due",
      contractId: "K-1001",
      month: "2026-03",
      deficitMinutes: 180,
      trigger: "consecutive-negative-month-ends",
    });
  });
});

describe("closeMonth: service report, back-dated entries and closed months (C5, C8)", () => {
  it("C5/C8: the service report lists billable and justified non-billable entries; only billable ones cost", () => {
    const billable = entry("2026-01-12", 50);
    const free = entry("2026-01-12", 40, { billable: false, justification: "Follow-up on our own mistake" });
    const { closed } = runMonths(contract, [["2026-01", [billable, free]]]);
    const record = closed[0]!;
    expect(record.serviceReport.id).toBe("SR-K-1001-2026-01");
    expect(record.serviceReport.entries.map((e) => [e.id, e.billable, e.rawMinutes, e.billedMinutes])).toEqual([
      [billable.id, true, 50, 60],
      [free.id, false, 40, 0],
    ]);
    expect(record.serviceReport.totals).toEqual({
      entries: 2,
      rawMinutes: 90,
      billedMinutes: 60,
      billableRawMinutes: 50,
      nonBillableRawMinutes: 40,
    });
    expect(record.statement).toMatchObject({ debitMinutes: 60, closingMinutes: 540 });
    expect(record.invoice.lines.map((line) => line.kind)).toEqual(["contingent-monthly"]);
  });

  it("C8: a back-dated entry lands as an adjustment in February's statement and service report", () => {
    const january = runMonths(contract, [["2026-01", [entry("2026-01-20", 60)]]]);
    const late = entry("2026-01-30", 100, { id: "E-back" });
    const recorded = unwrap(recordTimeEntry(january.account, late, { contract, asOf: "2026-02-03T09:00:00+01:00" }));
    const february = unwrap(closeMonth(recorded.account, { month: "2026-02" }, { contract, asOf: asOfAfter("2026-02") }));
    expect(february.closed.statement).toMatchObject({
      openingMinutes: 540,
      creditMinutes: 600,
      debitMinutes: 0,
      adjustmentMinutes: -105,
      chargedMinutes: 105,
      closingMinutes: 1035,
    });
    expect(february.closed.serviceReport.entries.map((e) => [e.id, e.workDate, e.bookingMonth])).toEqual([
      ["E-back", "2026-01-30", "2026-02"],
    ]);
    // January's record stays as it was closed.
    expect(january.closed[0]!.statement?.closingMinutes).toBe(540);
    expect(january.closed[0]!.serviceReport.entries).toHaveLength(1);
  });

  it("C8: only the first open month can be closed, and only after it ended in the contract's zone", () => {
    const account = openAccount(contract);
    const code = (month: string, asOf: string) => {
      const result = closeMonth(account, { month }, { contract, asOf });
      return result.ok ? "ok" : result.errors.map((e) => e.code).join();
    };
    expect(code("2026-02", "2026-03-01T12:00:00Z")).toBe("C8_MONTH_NOT_OPEN");
    // Berlin is UTC+1 in January: 23:00Z on the 31st is already February 1st.
    expect(code("2026-01", "2026-01-31T22:59:59Z")).toBe("C8_MONTH_NOT_ENDED");
    expect(code("2026-01", "2026-01-31T23:00:00Z")).toBe("ok");
    expect(code("2026-1", "2026-03-01T12:00:00Z")).toBe("INVALID_INPUT");
    const junk = closeMonth(account, null as never, { contract, asOf: "2026-03-01T12:00:00Z" });
    expect(junk.ok ? "ok" : junk.errors[0]?.code).toBe("INVALID_INPUT");
  });

  it("C8: DST at month ends — March ends at 22:00Z (CEST), October at 23:00Z (CET)", () => {
    const march = contingentContract({ startDate: "2026-03-01" });
    const october = contingentContract({ startDate: "2026-10-01" });
    const code = (c: typeof march, month: string, asOf: string) => {
      const result = closeMonth(openAccount(c), { month }, { contract: c, asOf });
      return result.ok ? "ok" : result.errors.map((e) => e.code).join();
    };
    expect(code(march, "2026-03", "2026-03-31T21:59:59Z")).toBe("C8_MONTH_NOT_ENDED");
    expect(code(march, "2026-03", "2026-03-31T22:00:00Z")).toBe("ok");
    expect(code(october, "2026-10", "2026-10-31T22:59:59Z")).toBe("C8_MONTH_NOT_ENDED");
    expect(code(october, "2026-10", "2026-10-31T23:00:00Z")).toBe("ok");
  });

  it("C6: February 29 counts toward February of a leap year; the month closes on its 29th", () => {
    const leap = contingentContract({ startDate: "2028-02-01", overdraftAllowed: false });
    const recorded = unwrap(recordTimeEntry(openAccount(leap), entry("2028-02-29", 660), { contract: leap, asOf: "2028-02-29T20:00:00+01:00" }));
    const feb = unwrap(closeMonth(recorded.account, { month: "2028-02" }, { contract: leap, asOf: "2028-02-29T23:00:00Z" }));
    expect(feb.closed.statement?.postings.map((p) => `${p.kind}@${p.date}`)).toEqual([
      "credit@2028-02-01",
      "debit@2028-02-29",
      "adjustment@2028-02-29",
    ]);
    expect(feb.account.firstOpenMonth).toBe("2028-03");
  });

  it("a closed month never changes: closing again is refused and the record is plain JSON", () => {
    const { account, closed } = runMonths(contract, [["2026-01", [entry("2026-01-05", 30)]]]);
    const again = closeMonth(account, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-02") });
    expect(again.ok ? "ok" : again.errors[0]?.code).toBe("C8_MONTH_NOT_OPEN");
    expect(JSON.parse(JSON.stringify(closed[0]))).toEqual(closed[0]);
  });

  it("C4/C8: closing leaves the account it was given untouched, with a correction and with February's postings still open", () => {
    const strict = contingentContract({ overdraftAllowed: false });
    // 11 hours in January against 10: the −1 h month end is corrected at once (C3).
    let january = unwrap(recordTimeEntries(openAccount(strict), monthOfWork("2026-01", 11), { contract: strict, asOf: "2026-01-31T18:00:00+01:00" })).account;
    // February's first entry, recorded before January is closed: February's credit and debit stay open.
    january = unwrap(recordTimeEntry(january, entry("2026-02-01", 30), { contract: strict, asOf: "2026-02-01T09:00:00+01:00" })).account;
    const before = JSON.stringify(january);
    const postings = january.postings;
    const { account, closed } = unwrap(closeMonth(january, { month: "2026-01" }, { contract: strict, asOf: "2026-02-01T10:00:00+01:00" }));
    expect(JSON.stringify(january)).toBe(before);
    expect(january.postings).toBe(postings);
    expect(closed.statement?.postings.map((p) => [p.kind, p.date, p.minutes])).toEqual([
      ["credit", "2026-01-01", 600],
      ["debit", "2026-01-01", 180],
      ["debit", "2026-01-02", 180],
      ["debit", "2026-01-03", 180],
      ["debit", "2026-01-04", 120],
      ["adjustment", "2026-01-31", 60],
    ]);
    expect(closed.statement).toMatchObject({ creditMinutes: 600, debitMinutes: 660, correctionMinutes: 60, closingMinutes: 0 });
    expect(account.postings.map((p) => [p.kind, p.date, p.minutes])).toEqual([
      ["credit", "2026-02-01", 600],
      ["debit", "2026-02-01", 30],
    ]);
  });

  it("C7: without later postings or a correction the month's statement lists exactly the account's postings", () => {
    const recorded = unwrap(recordTimeEntries(openAccount(contract), monthOfWork("2026-01", 4), { contract, asOf: "2026-01-31T18:00:00+01:00" })).account;
    const { account, closed } = unwrap(closeMonth(recorded, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-01") }));
    expect(closed.statement?.postings).toEqual(recorded.postings);
    expect(closed.statement).toMatchObject({ creditMinutes: 600, debitMinutes: 240, closingMinutes: 360 });
    expect(account.postings).toEqual([]);
  });

  it("C1/C4: the last month of the term settles a deficit: 14 h worked on a 10-hour contingent ending 28 February bills 4 h correction (380.00)", () => {
    const ending = contingentContract({ endDate: "2026-02-28" });
    const { closed, account } = runMonths(ending, [
      ["2026-01", monthOfWork("2026-01", 10)],
      ["2026-02", monthOfWork("2026-02", 14)],
    ]);
    // January ends at zero; February at −240 minutes, a first negative month end the policy would carry.
    expect(closed[1]!.statement).toMatchObject({ closingBeforeCorrectionMinutes: -240, correctionMinutes: 240, correctionTrigger: "contract-end", closingMinutes: 0 });
    expect(closed[1]!.invoice.lines.map((l) => [l.kind, l.quantity, l.net.amount])).toEqual([
      ["contingent-monthly", "1", "950.00"],
      ["correction", "4", "380.00"],
    ]);
    expect(account.negativeMonthEnds).toBe(0);
    // The same month of a contract that runs on stays a carried negative month end.
    const running = runMonths(contract, [
      ["2026-01", monthOfWork("2026-01", 10)],
      ["2026-02", monthOfWork("2026-02", 14)],
    ]);
    expect(running.closed[1]!.statement).toMatchObject({ closingMinutes: -240, correctionTrigger: null });
  });

  it("C1/C4: late entries that leave a deficit after the end are settled in the month that carries them", () => {
    const ending = contingentContract({ endDate: "2026-01-31" });
    const { account } = runMonths(ending, [["2026-01", monthOfWork("2026-01", 10)]]);
    const late = unwrap(recordTimeEntries(account, [entry("2026-01-30", 90)], { contract: ending, asOf: "2026-02-03T10:00:00+01:00" })).account;
    const february = unwrap(closeMonth(late, { month: "2026-02" }, { contract: ending, asOf: asOfAfter("2026-02") })).closed;
    expect(february.statement).toMatchObject({ creditMinutes: 0, closingBeforeCorrectionMinutes: -90, correctionTrigger: "contract-end", closingMinutes: 0 });
    expect(february.invoice.lines.map((l) => [l.kind, l.quantity, l.net.amount])).toEqual([["correction", "1.5", "142.50"]]);
  });

  it("C1: after the contract's end no monthly credit or invoice follows", () => {
    const ending = contingentContract({ endDate: "2026-01-31" });
    const { closed } = runMonths(ending, [["2026-01", []], ["2026-02", []]]);
    expect(closed.map((r) => [r.statement?.creditMinutes, r.invoice.lines.length])).toEqual([
      [600, 1],
      [0, 0],
    ]);
    expect(closed[1]!.statement?.closingMinutes).toBe(600);
  });
});

describe("closeMonth: other contract kinds (C1, C6, C8)", () => {
  it("C1/C6: an agreement-only customer gets time-and-material and travel lines by the agreement's rates", () => {
    const coop = agreementOnly();
    const c = { contractId: coop.id };
    const entries = [
      entry("2026-01-05", 5, c), // 15 min remote
      entry("2026-01-06", 50, c), // 60 min remote
      entry("2026-01-07", 90, { ...c, workType: "on-site-service", location: "on-site", travel: { zone: "2" } }),
      entry("2026-01-08", 45, { ...c, workType: "on-site-service", location: "on-site", travel: { zone: "1" }, billable: false, justification: "Warranty" }),
      entry("2026-01-09", 600, { ...c, workType: "project", technician: "A" }), // 1 day + 2 h
      entry("2026-01-09", 300, { ...c, workType: "project", technician: "B" }), // 5 h
    ];
    const { closed } = runMonths(coop, [["2026-01", entries]]);
    const lines = closed[0]!.invoice.lines.map((l) => [l.kind, l.reference, l.quantity, l.unit, l.unitPrice.amount, l.net.amount]);
    expect(lines).toEqual([
      ["time-and-material", "remote-support", "1.25", "hour", "95.00", "118.75"],
      ["time-and-material", "on-site-service", "1.5", "hour", "110.00", "165.00"],
      ["time-and-material", "project", "1", "day", "880.00", "880.00"],
      ["time-and-material", "project", "7", "hour", "120.00", "840.00"],
      ["travel", "2", "1", "trip", "55.00", "55.00"],
    ]);
    expect(closed[0]!.invoice).toMatchObject({ presentation: "service-report-id-and-amount", net: { amount: "2058.75", currency: "EUR" } });
    expect(closed[0]!.statement).toBeNull();
    expect(closed[0]!.serviceReport.entries).toHaveLength(6);
  });

  it("C6: travel per kilometre and as a flat fee", () => {
    const withTravel = (travel: object) =>
      unwrap(parseContract({ kind: "cooperation-agreement", id: "K-3", customerId: "C", startDate: "2026-01-01", terms: { ...TERMS, travel } }));
    const onSite = (kilometres: number) =>
      entry("2026-01-10", 60, { contractId: "K-3", workType: "on-site-service", location: "on-site", travel: { kilometres } });
    const perKm = runMonths(withTravel({ kind: "per-kilometre", ratePerKilometre: "0.42" }), [["2026-01", [onSite(37), onSite(41)]]]);
    expect(perKm.closed[0]!.invoice.lines.at(-1)).toMatchObject({ kind: "travel", quantity: "78", unit: "km", net: { amount: "32.76" } });
    const flat = runMonths(withTravel({ kind: "flat", feePerTrip: "49.50" }), [["2026-01", [onSite(1), onSite(2)]]]);
    expect(flat.closed[0]!.invoice.lines.at(-1)).toMatchObject({ kind: "travel", quantity: "2", unit: "trip", net: { amount: "99.00" } });
    const included = runMonths(withTravel({ kind: "included" }), [["2026-01", [onSite(1)]]]);
    expect(included.closed[0]!.invoice.lines.map((l) => l.kind)).toEqual(["time-and-material"]);
  });

  it("C8: rental and hosting customers are billed separately by direct debit: report, no lines", () => {
    const rental = unwrap(
      parseContract({ kind: "rental-flat-rate", id: "K-4", customerId: "C", startDate: "2026-01-01", terms: TERMS, monthlyPrice: "2400.00" }),
    );
    const { closed } = runMonths(rental, [["2026-01", [entry("2026-01-10", 60, { contractId: "K-4" })]]]);
    expect(closed[0]!.invoice).toEqual({
      presentation: "separate-direct-debit",
      serviceReportId: "SR-K-4-2026-01",
      lines: [],
      net: { amount: "0.00", currency: "EUR" },
    });
    expect(closed[0]!.serviceReport.entries).toHaveLength(1);
  });

  it("C1/C8: a rental is billed for the months of its term only; a month after its end reports late entries and bills nothing", () => {
    const rental = unwrap(
      parseContract({ kind: "rental-flat-rate", id: "K-4", customerId: "C", startDate: "2026-01-01", endDate: "2026-02-28", terms: TERMS, monthlyPrice: "2400.00" }),
    );
    const billedMonths: string[] = [];
    let account = openAccount(rental);
    for (const month of ["2026-01", "2026-02"]) {
      const result = unwrap(closeMonth(account, { month }, { contract: rental, asOf: asOfAfter(month) }));
      billedMonths.push(...result.events.flatMap((e) => (e.type === "billed-separately" ? [e.month] : [])));
      account = result.account;
    }
    // Work of 27 February typed in on 5 March, after February was closed: booked into March (C8).
    account = unwrap(recordTimeEntries(account, [entry("2026-02-27", 30, { contractId: "K-4" })], { contract: rental, asOf: "2026-03-05T09:00:00+01:00" })).account;
    const march = unwrap(closeMonth(account, { month: "2026-03" }, { contract: rental, asOf: asOfAfter("2026-03") }));
    expect(billedMonths).toEqual(["2026-01", "2026-02"]);
    expect(march.events.map((e) => e.type)).toEqual(["service-report-ready", "month-closed"]);
    expect(march.closed.serviceReport.entries.map((e) => e.workDate)).toEqual(["2026-02-27"]);
  });
});
