import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import type { ContractOf } from "../contracts/contract.js";
import { parseContract } from "../contracts/parse-contract.js";
import { openAccount } from "../ledger/contract-account.js";
import { TERMS, asOfAfter, unwrap } from "../testing/fixtures.js";
import type { UsageRecordInput } from "./usage-record.js";

const managed = unwrap(
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
          { meter: "online-backup-server", unitPrice: "19.00" },
          { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
          { meter: "hosted-exchange-mailbox", unitPrice: "6.90" },
          { meter: "mail-archive-mailbox", unitPrice: "1.50" },
          { meter: "mail-archive-storage-gb", unitPrice: "0.05" },
        ],
      },
      { effectiveFrom: "2026-03-01", prices: [{ meter: "endpoint-protection-device", unitPrice: "3.50" }] },
    ],
  }),
) as ContractOf<"managed-services">;

const usage = (month: string, meter: UsageRecordInput["meter"], quantity: string): UsageRecordInput => ({
  contractId: "MS-1",
  month,
  meter,
  quantity,
});

describe("pay-per-use usage (C9)", () => {
  it("C9: prices each meter's monthly usage by the price list, summed exactly, one line per meter", () => {
    const records = [
      usage("2026-01", "online-backup-storage-gb", "1250.5"),
      usage("2026-01", "endpoint-protection-device", "42"),
      usage("2026-01", "online-backup-server", "3"),
      usage("2026-01", "online-backup-storage-gb", "0.25"),
      usage("2026-01", "hosted-exchange-mailbox", "12"),
      usage("2026-01", "mail-archive-mailbox", "12"),
      usage("2026-01", "mail-archive-storage-gb", "37.3"),
    ];
    const { closed, events } = unwrap(closeMonth(openAccount(managed), { month: "2026-01", usage: records }, { contract: managed, asOf: asOfAfter("2026-01") }));
    expect(closed.invoice.lines.map((l) => [l.kind, l.reference, l.quantity, l.unit, l.unitPrice.amount, l.net.amount, l.serviceReportId])).toEqual([
      ["usage", "endpoint-protection-device", "42", "device", "3.20", "134.40", null],
      ["usage", "online-backup-server", "3", "server", "19.00", "57.00", null],
      // 1250.75 GB × 0.0125 = 15.634375 → 15.63
      ["usage", "online-backup-storage-gb", "1250.75", "GB", "0.0125", "15.63", null],
      ["usage", "hosted-exchange-mailbox", "12", "mailbox", "6.90", "82.80", null],
      ["usage", "mail-archive-mailbox", "12", "mailbox", "1.50", "18.00", null],
      // 37.3 × 0.05 = 1.865 → 1.87 (half-up)
      ["usage", "mail-archive-storage-gb", "37.3", "GB", "0.05", "1.87", null],
    ]);
    expect(closed.invoice).toMatchObject({ presentation: "itemized", net: { amount: "309.70", currency: "EUR" } });
    expect(events.find((e) => e.type === "invoice-due")).toMatchObject({ lineCount: 6, net: { amount: "309.70" } });
  });

  it("C9/P1: usage is priced by the price list version in force on the month's 1st", () => {
    let account = openAccount(managed);
    const nets: string[] = [];
    for (const month of ["2026-01", "2026-02", "2026-03"]) {
      const result = unwrap(
        closeMonth(account, { month, usage: [usage(month, "endpoint-protection-device", "10")] }, { contract: managed, asOf: asOfAfter(month) }),
      );
      account = result.account;
      nets.push(result.closed.invoice.net.amount);
    }
    // January and February at 3.20; from March 1 the second version prices devices at 3.50 …
    expect(nets).toEqual(["32.00", "32.00", "35.00"]);
    // … and prices nothing else: a meter it lacks is refused.
    const unpriced = closeMonth(account, { month: "2026-04", usage: [usage("2026-04", "hosted-exchange-mailbox", "1")] }, { contract: managed, asOf: asOfAfter("2026-04") });
    expect(unpriced.ok ? "ok" : unpriced.errors.map((e) => `${e.code}@${e.path.join(".")}`)).toEqual(["C9_UNKNOWN_METER@usage.0.meter"]);
  });

  it("C9: a month without usage bills nothing, even before the first price list applies", () => {
    const late = { ...managed, priceList: managed.priceList.map((version) => ({ ...version, effectiveFrom: "2026-06-01" })) };
    const quiet = unwrap(closeMonth(openAccount(late), { month: "2026-01" }, { contract: late, asOf: asOfAfter("2026-01") }));
    expect(quiet.closed.invoice.lines).toEqual([]);
    expect(quiet.events.map((e) => e.type)).toEqual(["service-report-ready", "month-closed"]);
    const billed = closeMonth(openAccount(late), { month: "2026-01", usage: [usage("2026-01", "online-backup-server", "1")] }, { contract: late, asOf: asOfAfter("2026-01") });
    expect(billed.ok ? "ok" : billed.errors[0]?.code).toBe("C9_NO_PRICE_LIST");
  });

  it("C9: refuses usage of another month or contract and negative quantities", () => {
    const close = (records: UsageRecordInput[]) => {
      const result = closeMonth(openAccount(managed), { month: "2026-01", usage: records }, { contract: managed, asOf: asOfAfter("2026-01") });
      return result.ok ? "ok" : result.errors.map((e) => `${e.code}@${e.path.join(".")}`);
    };
    expect(close([usage("2026-02", "online-backup-server", "1")])).toEqual(["C9_USAGE_WRONG_MONTH@usage.0.month"]);
    expect(close([{ ...usage("2026-01", "online-backup-server", "1"), contractId: "MS-2" }])).toEqual(["INVALID_INPUT@usage.0.contractId"]);
    expect(close([usage("2026-01", "online-backup-server", "-1")])).toEqual(["INVALID_INPUT@usage.0.quantity"]);
  });
});
