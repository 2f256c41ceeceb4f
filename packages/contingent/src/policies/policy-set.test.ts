import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import { openAccount } from "../ledger/contract-account.js";
import { recordTimeEntry } from "../ledger/record-time-entries.js";
import { contingentContract, entry, unwrap } from "../testing/fixtures.js";
import { DEFAULT_CONTINGENT_POLICY, DEFAULT_TIME_BILLING_POLICY } from "./default-policies.js";
import { policyInForce } from "./policy-in-force.js";
import { DEFAULT_POLICY_SET, parsePolicySet, type PolicySet } from "./policy-set.js";

describe("policies (P1)", () => {
  it("P1: the shipped defaults are the rulebook's numbers", () => {
    expect(DEFAULT_TIME_BILLING_POLICY).toMatchObject({ incrementMinutes: 15, rounding: "up", minimumMinutes: 15 });
    expect(DEFAULT_CONTINGENT_POLICY).toMatchObject({
      correction: { consecutiveNegativeMonthEnds: 3, deficitPercentOfMonthly: 50 },
      oversizedAboveMonthsOfCredit: 3,
      warningThresholdsPercent: [80, 100],
    });
    expect(parsePolicySet(JSON.parse(JSON.stringify(DEFAULT_POLICY_SET)))).toEqual({ ok: true, value: DEFAULT_POLICY_SET });
  });

  it("P1: picks the version in force on the day, whatever the list order", () => {
    const versions = [
      { effectiveFrom: "2027-01-01", name: "2027" },
      { effectiveFrom: "2020-01-01", name: "2020" },
      { effectiveFrom: "2026-07-01", name: "mid-2026" },
    ];
    const name = (date: string) => {
      const result = policyInForce(versions, date, "timeBilling");
      return result.ok ? result.value.name : result.errors[0]?.code;
    };
    expect(name("2026-06-30")).toBe("2020");
    expect(name("2026-07-01")).toBe("mid-2026");
    expect(name("2027-03-01")).toBe("2027");
    expect(name("2019-12-31")).toBe("P1_NO_POLICY_IN_FORCE");
  });

  it("P1: a user's JSON policy loads without code changes and applies from its effective date", () => {
    const json = JSON.parse(`{
      "timeBilling": [
        { "effectiveFrom": "2000-01-01", "incrementMinutes": 15, "rounding": "up", "minimumMinutes": 15 },
        { "effectiveFrom": "2026-02-01", "incrementMinutes": 30, "rounding": "up", "minimumMinutes": 30 }
      ],
      "contingent": [{ "effectiveFrom": "2000-01-01", "correction": { "consecutiveNegativeMonthEnds": 3, "deficitPercentOfMonthly": 50 },
        "oversizedAboveMonthsOfCredit": 3, "warningThresholdsPercent": [80, 100] }]
    }`) as unknown;
    const policies: PolicySet = unwrap(parsePolicySet(json));
    const contract = contingentContract();
    const billed = (workDate: string) =>
      unwrap(recordTimeEntry(openAccount(contract), entry(workDate, 5), { contract, asOf: "2026-02-05T12:00:00Z", policies })).entry.billedMinutes;
    expect(billed("2026-01-31")).toBe(15);
    expect(billed("2026-02-01")).toBe(30);
  });

  it("P1: invalid policy JSON is reported with paths, and a missing version is an error value", () => {
    const bad = parsePolicySet({ timeBilling: [{ effectiveFrom: "2026-13-01", incrementMinutes: 0, rounding: "up", minimumMinutes: 15 }], contingent: [] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path.join("."))).toEqual([
      "timeBilling.0.effectiveFrom",
      "timeBilling.0.incrementMinutes",
      "contingent",
    ]);
    const descending = parsePolicySet({
      ...DEFAULT_POLICY_SET,
      contingent: [{ ...DEFAULT_CONTINGENT_POLICY, warningThresholdsPercent: [100, 80] }],
    });
    expect(descending.ok ? [] : descending.errors.map((e) => e.path.join("."))).toEqual(["contingent.0.warningThresholdsPercent"]);

    const contract = contingentContract();
    const late: PolicySet = {
      timeBilling: [{ ...DEFAULT_TIME_BILLING_POLICY, effectiveFrom: "2027-01-01" }],
      contingent: [{ ...DEFAULT_CONTINGENT_POLICY, effectiveFrom: "2027-01-01" }],
    };
    const record = recordTimeEntry(openAccount(contract), entry("2026-01-05", 5), { contract, asOf: "2026-01-05T12:00:00Z", policies: late });
    expect(record.ok ? "ok" : record.errors[0]).toMatchObject({ code: "P1_NO_POLICY_IN_FORCE", path: ["workDate"] });
    const close = closeMonth(openAccount(contract), { month: "2026-01" }, { contract, asOf: "2026-02-05T12:00:00Z", policies: late });
    expect(close.ok ? "ok" : close.errors[0]?.code).toBe("P1_NO_POLICY_IN_FORCE");
  });
});
