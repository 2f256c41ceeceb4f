/** Every example of README.md, run as written (with the context the README leaves implicit). */
import { describe, expect, it } from "vitest";
import {
  cancelTimeEntry,
  closeMonth,
  consumptionSeries,
  openAccount,
  parseContract,
  parsePolicySet,
  recordTimeEntries,
  recordTimeEntry,
  setContractEnd,
  statementAsOf,
  type Contract,
} from "./index.js";
import { contingentContract, runMonths, TERMS, unwrap } from "./testing/fixtures.js";

describe("README examples", () => {
  it("C2/C6: a 10-hour contingent: January carries 2.5 hours into February", () => {
    const parsed = parseContract({
      kind: "contingent",
      id: "K-1001",
      customerId: "CUST-7",
      startDate: "2026-01-01",
      terms: {
        backupResponsibility: "customer",
        rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
        travel: { kind: "flat", feePerTrip: "45.00" },
        accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@example.com" },
      },
      // 10 hours a month for 950.00 EUR; deficits are billed at 95.00 EUR per hour (C4).
      contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
    });
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const contract = parsed.value;

    const base = { contractId: "K-1001", technician: "S. Wassmann", workType: "remote-support", location: "remote", billable: true } as const;
    const recorded = recordTimeEntries(
      openAccount(contract),
      [
        { ...base, id: "E-1", workDate: "2026-01-07", rawMinutes: 150, ticketRef: "T-100" },
        { ...base, id: "E-2", workDate: "2026-01-14", rawMinutes: 5, ticketRef: "T-101" }, // bills 15
        { ...base, id: "E-3", workDate: "2026-01-21", rawMinutes: 285, ticketRef: "T-102" },
      ],
      { contract, asOf: "2026-01-31T17:00:00+01:00" },
    );
    if (!recorded.ok) throw new Error(recorded.errors[0]?.message);

    const january = closeMonth(recorded.value.account, { month: "2026-01" }, { contract, asOf: "2026-02-01T06:00:00+01:00" });
    if (!january.ok) throw new Error(january.errors[0]?.message);
    expect(january.value.closed.statement).toMatchObject({ openingMinutes: 0, creditMinutes: 600, debitMinutes: 450, closingMinutes: 150 });
    expect(january.value.closed.invoice.lines[0]).toMatchObject({
      kind: "contingent-monthly",
      quantity: "1",
      unit: "month",
      net: { amount: "950.00", currency: "EUR" },
      serviceReportId: "SR-K-1001-2026-01",
    });

    const february = statementAsOf(january.value.account, [january.value.closed], { contract, asOf: "2026-02-02T12:00:00+01:00" });
    expect(february.ok && february.value.balanceMinutes).toBe(750);

    // K13: consumption month by month, for a chart.
    const series = consumptionSeries(
      january.value.account,
      [january.value.closed], // the closed months in range, e.g. from the app's store
      { from: "2025-12", to: "2026-03" }, // at most 36 months; `to` defaults to the month of asOf
      { contract, asOf: "2026-02-02T12:00:00+01:00" },
    );
    if (!series.ok) throw new Error(series.errors[0]?.message);
    expect(series.value.points).toEqual([
      { month: "2026-01", status: "closed", through: "2026-01-31", openingMinutes: 0, creditMinutes: 600,
        chargedMinutes: 450, adjustmentMinutes: 0, correctionMinutes: 0, closingMinutes: 150 },
      { month: "2026-02", status: "open", through: "2026-02-02", openingMinutes: 150, creditMinutes: 600,
        chargedMinutes: 0, adjustmentMinutes: 0, correctionMinutes: 0, closingMinutes: 750 },
    ]);
  });

  it("C5: non-billable work needs a justification", () => {
    const contract = contingentContract();
    const account = openAccount(contract);
    const entry = { id: "E-9", contractId: "K-1001", workDate: "2026-02-03", rawMinutes: 40, technician: "S. Wassmann",
      ticketRef: "T-120", workType: "remote-support", location: "remote", billable: false } as const;

    expect(recordTimeEntry(account, entry, { contract, asOf: "2026-02-03T18:00:00+01:00" })).toMatchObject({
      ok: false,
      errors: [{ code: "C5_JUSTIFICATION_REQUIRED", path: ["justification"] }],
    });

    const justified = unwrap(recordTimeEntry(account, { ...entry, justification: "Follow-up of our own mistake" }, { contract, asOf: "2026-02-03T18:00:00+01:00" }));
    expect(justified.entry.billedMinutes).toBe(0);
    expect(justified.account.postings).toEqual([]);
  });

  it("C4: a correction invoice after three negative month ends", () => {
    const contract = contingentContract();
    const eleven = (month: string) =>
      [1, 2, 3, 4].map((day) => ({
        id: `${month}-${String(day)}`,
        contractId: "K-1001",
        workDate: `${month}-0${String(day)}`,
        rawMinutes: day === 4 ? 120 : 180,
        technician: "S. Wassmann",
        ticketRef: "T-1",
        workType: "remote-support",
        location: "remote" as const,
        billable: true,
      }));
    const { closed } = runMonths(contract, [["2026-01", eleven("2026-01")], ["2026-02", eleven("2026-02")], ["2026-03", eleven("2026-03")]]);
    const march = { closed: closed[2]! };
    expect(march.closed.statement).toMatchObject({
      closingBeforeCorrectionMinutes: -180,
      correctionMinutes: 180,
      closingMinutes: 0,
      correctionTrigger: "consecutive-negative-month-ends",
    });
    expect(march.closed.invoice.lines[1]).toMatchObject({
      kind: "correction",
      quantity: "3",
      unit: "hour",
      unitPrice: { amount: "95.00" },
      net: { amount: "285.00" },
    });
  });

  it("P1: policies are data", () => {
    const policies = parsePolicySet({
      timeBilling: [
        { effectiveFrom: "2000-01-01", incrementMinutes: 15, rounding: "up", minimumMinutes: 15 },
        { effectiveFrom: "2026-07-01", incrementMinutes: 10, rounding: "up", minimumMinutes: 30, afterHoursMultiplierPercent: 150 },
      ],
      contingent: [
        { effectiveFrom: "2000-01-01", correction: { consecutiveNegativeMonthEnds: 3, deficitPercentOfMonthly: 50 },
          oversizedAboveMonthsOfCredit: 3, warningThresholdsPercent: [80, 100] },
      ],
    });
    expect(policies.ok).toBe(true);
    if (!policies.ok) return;
    const contract = contingentContract();
    const billed = (workDate: string, rawMinutes: number, afterHours: boolean) =>
      unwrap(
        recordTimeEntry(
          openAccount(contract),
          { id: "E", contractId: "K-1001", workDate, rawMinutes, technician: "T", ticketRef: "T-1", workType: "remote-support", location: "remote", billable: true, afterHours },
          { contract, asOf: "2026-08-01T12:00:00Z", policies: policies.value },
        ),
      ).entry.billedMinutes;
    expect(billed("2026-06-30", 40, true)).toBe(45);
    expect(billed("2026-07-01", 40, true)).toBe(60); // 40 × 1.5 = 60
    expect(billed("2026-07-01", 5, false)).toBe(30); // the 30-minute minimum
  });

  it("C9: pay-per-use managed services", () => {
    const managedServices: Contract = unwrap(
      parseContract({
        kind: "managed-services",
        id: "MS-1",
        customerId: "C-9",
        startDate: "2026-01-01",
        terms: TERMS,
        priceList: [
          {
            effectiveFrom: "2026-01-01",
            prices: [
              { meter: "endpoint-protection-device", unitPrice: "3.20" },
              { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
            ],
          },
        ],
      }),
    );
    const closed = closeMonth(
      openAccount(managedServices),
      {
        month: "2026-01",
        usage: [
          { contractId: "MS-1", month: "2026-01", meter: "endpoint-protection-device", quantity: "42" },
          { contractId: "MS-1", month: "2026-01", meter: "online-backup-storage-gb", quantity: "1250.5" },
        ],
      },
      { contract: managedServices, asOf: "2026-02-01T06:00:00+01:00" },
    );
    expect(closed.ok && closed.value.closed.invoice.lines.map((line) => [line.kind, line.quantity, line.net.amount])).toEqual([
      ["usage", "42", "134.40"],
      ["usage", "1250.5", "15.63"],
    ]);
  });
  it("C1: ending a contract at the end of November after October was closed", () => {
    const contract = contingentContract();
    const { account } = runMonths(contract, ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((m) => [`2026-${m}`, []] as const));
    const ended = setContractEnd(contract, account, { endDate: "2026-11-30" });
    expect(ended.ok && ended.value.endDate).toBe("2026-11-30");
    const refused = setContractEnd(contract, account, { endDate: "2026-10-30" });
    expect(refused.ok ? undefined : [refused.errors[0]?.code, refused.errors[0]?.path]).toEqual(["C1_TERM_IN_CLOSED_MONTH", ["endDate"]]);
    expect(refused.ok ? "" : refused.errors[0]?.message).toContain("2026-10-31 at the earliest");
  });
  it("C6: cancelling a mistyped entry gives its minutes back from the day of the cancellation", () => {
    const contract = contingentContract();
    const base = { contractId: "K-1001", technician: "S. Wassmann", ticketRef: "T-100", workType: "remote-support", location: "remote", billable: true } as const;
    const recorded = recordTimeEntries(openAccount(contract), [{ ...base, id: "E-14", workDate: "2026-01-14", rawMinutes: 285 }], { contract, asOf: "2026-01-14T17:00:00+01:00" });
    if (!recorded.ok) throw new Error(recorded.errors[0]?.message);
    const account = recorded.value.account;
    const cancelled = cancelTimeEntry(account, { entryId: "E-14", reason: "285 statt 28 Minuten getippt" }, { contract, asOf: "2026-01-20T12:00:00+01:00" });
    if (!cancelled.ok) throw new Error(cancelled.errors[0]?.message);
    expect(cancelled.value.posting).toMatchObject({ cause: "entry-cancelled", minutes: 285, date: "2026-01-20" });
    const balance = (asOf: string) => unwrap(statementAsOf(cancelled.value.account, [], { contract, asOf })).balanceMinutes;
    expect(balance("2026-01-19T23:00:00+01:00")).toBe(600 - 285);
    expect(balance("2026-01-20T23:00:00+01:00")).toBe(600);
  });
});
