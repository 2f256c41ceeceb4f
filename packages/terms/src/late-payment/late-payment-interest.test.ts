import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LATE_PAYMENT_POLICIES } from "../policies/late-payment-policies.js";
import { loadLatePaymentPolicies } from "../policies/load-policies.js";
import { errorCodes, unwrap } from "../test-support.js";
import { latePaymentInterest } from "./late-payment-interest.js";
import type { LatePaymentPolicy } from "./late-payment-policy.js";

/**
 * An explicit test policy, so that the tests do not depend on real-world base rates that are not
 * published yet: 1.27 % until 2026-06-30, then 2.00 %.
 */
const TEST_POLICY: LatePaymentPolicy = {
  id: "test.late-payment",
  version: "test-1",
  effectiveFrom: "2014-07-29",
  businessSurchargePoints: "9",
  consumerSurchargePoints: "5",
  flatFee: { amount: "40.00", currency: "EUR" },
  dayCountBasis: 365,
  baseRates: [
    { effectiveFrom: "2026-01-01", ratePercent: "1.27" },
    { effectiveFrom: "2026-07-01", ratePercent: "2.00" },
  ],
};
const policies = [TEST_POLICY];
const eur = (amount: string) => Money.of(amount, "EUR");

describe("T6 late-payment interest", () => {
  it("T6: interest across the 2026-07-01 base-rate change is split into two sub-periods (test policy)", () => {
    const claim = unwrap(latePaymentInterest({ principal: eur("10000.00"), from: "2026-06-16", until: "2026-07-15" }, { policies }));
    // 16–30 June: 15 days at 1.27 + 9 = 10.27 %: 10,000 × 0.1027 × 15 / 365 = 42.2054… → 42.21
    // 1–15 July:  15 days at 2.00 + 9 = 11.00 %: 10,000 × 0.1100 × 15 / 365 = 45.2054… → 45.21
    expect(claim.periods.map((p) => [p.from, p.until, p.days, p.ratePercent, p.interest.toFixed()])).toEqual([
      ["2026-06-16", "2026-06-30", 15, "10.27", "42.21"],
      ["2026-07-01", "2026-07-15", 15, "11", "45.21"],
    ]);
    expect(claim.interest.equals(eur("87.42"))).toBe(true);
    expect(claim.flatFee?.equals(eur("40.00"))).toBe(true);
    expect(claim.dayCount).toBe("act/365");
    expect(claim.policies).toEqual([
      { id: "test.late-payment", version: "test-1", effectiveFrom: "2014-07-29" },
      { id: "test.late-payment/base-rate", version: "test-1", effectiveFrom: "2026-01-01" },
      { id: "test.late-payment/base-rate", version: "test-1", effectiveFrom: "2026-07-01" },
    ]);
    expect(claim.reason).toContain("§288 (5) BGB");
  });

  it("T6: with the shipped table, a default in 2025 spans the published 2.27 % → 1.27 % change", () => {
    const claim = unwrap(latePaymentInterest({ principal: eur("10000.00"), from: "2025-06-16", until: "2025-07-15" }));
    // 15 days at 11.27 % = 46.3150… → 46.32; 15 days at 10.27 % = 42.2054… → 42.21
    expect(claim.periods.map((p) => p.interest.toFixed())).toEqual(["46.32", "42.21"]);
    expect(claim.interest.toFixed()).toBe("88.53");
  });

  it("T6: the shipped 2026-07-01 value is marked as policy data to be checked", () => {
    const rate = DEFAULT_LATE_PAYMENT_POLICIES[0]!.baseRates.find((r) => r.effectiveFrom === "2026-07-01");
    expect(rate?.note).toMatch(/PLACEHOLDER/);
  });

  it("T6: a single day counts once; the day count is act/365 even in a leap year", () => {
    expect(unwrap(latePaymentInterest({ principal: eur("365000.00"), from: "2026-03-02", until: "2026-03-02" }, { policies })).interest.toFixed()).toBe("102.70");
    // 2024 is a leap year: Feb 1 – Mar 31 = 29 + 31 = 60 days, still divided by 365.
    const leap = unwrap(latePaymentInterest({ principal: eur("36500.00"), from: "2024-02-01", until: "2024-03-31" }));
    expect(leap.periods[0]?.days).toBe(60);
    // 2024 base rate 3.62 + 9 = 12.62 %: 36,500 × 0.1262 × 60 / 365 = 757.20 (with /366 it would be 755.13)
    expect(leap.interest.toFixed()).toBe("757.20");
  });

  it("T6: consumers pay base + 5 points and no flat fee", () => {
    const claim = unwrap(latePaymentInterest({ principal: eur("1000.00"), from: "2026-01-01", until: "2026-01-31", debtor: "consumer" }, { policies }));
    // 31 days at 6.27 %: 1000 × 0.0627 × 31 / 365 = 5.3252… → 5.33
    expect(claim.interest.toFixed()).toBe("5.33");
    expect(claim.flatFee).toBeUndefined();
  });

  it("T6: a negative base rate (−0.88 % in 2022) lowers the rate to 8.12 %", () => {
    const claim = unwrap(latePaymentInterest({ principal: eur("10000.00"), from: "2022-12-01", until: "2023-01-31" }));
    expect(claim.periods.map((p) => [p.ratePercent, p.days, p.interest.toFixed()])).toEqual([
      ["8.12", 31, "68.96"], // 10,000 × 0.0812 × 31 / 365 = 68.964…
      ["10.62", 31, "90.20"], // 10,000 × 0.1062 × 31 / 365 = 90.197…
    ]);
  });

  it("T6: interest is in the principal's currency; the flat fee stays 40 EUR", () => {
    const claim = unwrap(latePaymentInterest({ principal: Money.of("5000.00", "USD"), from: "2026-02-01", until: "2026-02-28" }, { policies }));
    expect(claim.interest.currency).toBe("USD");
    expect(claim.flatFee?.currency).toBe("EUR");
  });

  it("T6: bad periods, negative principals and days before the table are errors", () => {
    expect(errorCodes(latePaymentInterest({ principal: eur("1.00"), from: "2026-02-02", until: "2026-02-01" }, { policies }))).toEqual(["T6_INVALID_PERIOD"]);
    expect(errorCodes(latePaymentInterest({ principal: eur("-1.00"), from: "2026-02-01", until: "2026-02-02" }, { policies }))).toEqual(["T6_NEGATIVE_PRINCIPAL"]);
    expect(errorCodes(latePaymentInterest({ principal: eur("1.00"), from: "2025-12-31", until: "2026-01-02" }, { policies }))).toEqual(["T6_BASE_RATE_UNKNOWN"]);
    expect(errorCodes(latePaymentInterest({ principal: eur("1.00"), from: "2010-01-01", until: "2010-01-02" }))).toEqual(["POLICY_NOT_IN_FORCE"]);
  });

  it("P1: a newer base-rate table loaded from JSON is used for periods ending after its effective date", () => {
    const loaded = unwrap(loadLatePaymentPolicies([TEST_POLICY, { ...TEST_POLICY, version: "test-2", effectiveFrom: "2027-01-01", baseRates: [...TEST_POLICY.baseRates, { effectiveFrom: "2027-01-01", ratePercent: "2.50" }] }]));
    const claim = unwrap(latePaymentInterest({ principal: eur("1000.00"), from: "2026-12-31", until: "2027-01-01" }, { policies: loaded }));
    expect(claim.periods.map((p) => p.ratePercent)).toEqual(["11", "11.5"]);
    expect(claim.policies[0]?.version).toBe("test-2");
    expect(errorCodes(loadLatePaymentPolicies([{ ...TEST_POLICY, baseRates: [{ effectiveFrom: "2026-01-01", ratePercent: "abc" }] }]))).toEqual(["POLICY_INVALID"]);
  });

  it("T6: sub-periods cover every day exactly once and the total is the sum of rounded parts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 400 }), fc.bigInt({ min: 0n, max: 100_000_000n }), (startOffset, length, cents) => {
        const from = new Date(Date.UTC(2026, 0, 1 + startOffset)).toISOString().slice(0, 10);
        const until = new Date(Date.UTC(2026, 0, 1 + startOffset + length)).toISOString().slice(0, 10);
        const claim = unwrap(latePaymentInterest({ principal: Money.fromMinorUnits(cents, "EUR"), from, until }, { policies }));
        expect(claim.periods.reduce((sum, p) => sum + p.days, 0)).toBe(length + 1);
        expect(claim.periods[0]?.from).toBe(from);
        expect(claim.periods.at(-1)?.until).toBe(until);
        expect(claim.interest.equals(Money.sum(claim.periods.map((p) => p.interest), "EUR"))).toBe(true);
      }),
    );
  });
});
