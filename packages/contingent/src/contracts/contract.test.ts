import { describe, expect, it } from "vitest";
import { TERMS, unwrap } from "../testing/fixtures.js";
import type { ContractOf } from "./contract.js";
import { maintenanceTicketsDue } from "./maintenance-checks.js";
import { parseContract } from "./parse-contract.js";

const base = { id: "K-1", customerId: "C-1", startDate: "2026-01-01", terms: TERMS };

describe("contracts (C1)", () => {
  it("C1: parses every contract kind with the agreement's terms and fills defaults", () => {
    const kinds = [
      { ...base, kind: "cooperation-agreement" },
      { ...base, kind: "needs-analysis", checklist: [{ id: "backup", title: "Check the backup", everyMonths: 1, firstMonth: "2026-01" }] },
      { ...base, kind: "contingent", contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" } },
      { ...base, kind: "rental-flat-rate", monthlyPrice: "2400.00" },
      { ...base, kind: "data-center-hosting", dataCenter: "DATEV Nürnberg", monthlyPrice: "1200.00" },
      { ...base, kind: "managed-services", priceList: [{ effectiveFrom: "2026-01-01", prices: [{ meter: "hosted-exchange-mailbox", unitPrice: "6.90" }] }] },
    ];
    const parsed = kinds.map((input) => unwrap(parseContract(input)));
    expect(parsed.map((c) => c.kind)).toEqual([
      "cooperation-agreement",
      "needs-analysis",
      "contingent",
      "rental-flat-rate",
      "data-center-hosting",
      "managed-services",
    ]);
    const contingent = parsed[2] as ContractOf<"contingent">;
    expect(contingent).toMatchObject({ currency: "EUR", zone: "Europe/Berlin", endDate: null, branchId: null, contingent: { overdraftAllowed: true } });
    expect(contingent.terms.rates[2]).toMatchObject({ workType: "project", dailyRate: "880.00", minutesPerDay: 480 });
    expect(contingent.terms.accountManager).toEqual({ name: "Sabrina Bruns", email: "kundenbetreuung@example.com", phone: null });
  });

  it("O1: a contract may name the customer's branch it serves; an empty branch id is an error on branchId", () => {
    const served = unwrap(parseContract({ ...base, kind: "rental-flat-rate", monthlyPrice: "2400.00", branchId: "BR-MS" }));
    expect(served.branchId).toBe("BR-MS");
    const result = parseContract({ ...base, kind: "rental-flat-rate", monthlyPrice: "2400.00", branchId: "" });
    expect(result.ok ? [] : result.errors.map((e) => `${e.code}@${e.path.join(".")}`)).toEqual(["INVALID_INPUT@branchId"]);
  });

  it("C1: reports invalid contracts with field paths instead of throwing", () => {
    const paths = (input: unknown) => {
      const result = parseContract(input);
      return result.ok ? [] : result.errors.map((e) => `${e.code}@${e.path.join(".")}`);
    };
    expect(paths({ ...base, kind: "contingent", contingent: { monthlyMinutes: 7.5, monthlyPrice: "-1", hourlyRate: 95 } })).toEqual([
      "INVALID_INPUT@contingent.monthlyMinutes",
      "INVALID_INPUT@contingent.monthlyPrice",
      "INVALID_INPUT@contingent.hourlyRate",
    ]);
    expect(paths({ ...base, kind: "cooperation-agreement", zone: "Mars/Olympus" })).toEqual(["INVALID_INPUT@zone"]);
    expect(paths({ ...base, kind: "cooperation-agreement", endDate: "2025-12-31" })).toEqual(["INVALID_INPUT@endDate"]);
    expect(paths({ ...base, kind: "lease" })).toEqual(["INVALID_INPUT@kind"]);
    expect(paths({ ...base, kind: "cooperation-agreement", terms: { ...TERMS, rates: [TERMS.rates[0], TERMS.rates[0]] } })).toEqual([
      "INVALID_INPUT@terms.rates",
    ]);
  });

  it("C1: a needs analysis generates its maintenance tickets on their cycle, within the term", () => {
    const analysis = unwrap(
      parseContract({
        ...base,
        kind: "needs-analysis",
        endDate: "2026-12-31",
        checklist: [
          { id: "backup", title: "Check the backup", everyMonths: 1, firstMonth: "2026-01" },
          { id: "antivirus", title: "Check antivirus", everyMonths: 3, firstMonth: "2026-02" },
          { id: "firewall", title: "Update the firewall", everyMonths: 6, firstMonth: "2026-01" },
        ],
      }),
    ) as ContractOf<"needs-analysis">;
    const due = (month: string) => maintenanceTicketsDue(analysis, month).map((t) => t.checkId);
    expect(due("2026-01")).toEqual(["backup", "firewall"]);
    expect(due("2026-02")).toEqual(["backup", "antivirus"]);
    expect(due("2026-05")).toEqual(["backup", "antivirus"]);
    expect(due("2026-07")).toEqual(["backup", "firewall"]);
    expect(due("2027-01")).toEqual([]);
    expect(due("2025-12")).toEqual([]);
    expect(maintenanceTicketsDue(analysis, "2026-01")[0]).toEqual({
      type: "maintenance-ticket-due",
      contractId: "K-1",
      customerId: "C-1",
      checkId: "backup",
      title: "Check the backup",
      month: "2026-01",
    });
  });
});
