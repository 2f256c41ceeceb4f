import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_BILLING_POLICY } from "../policies/default-policies.js";
import type { TimeBillingPolicy } from "../policies/time-billing-policy.js";
import { billedMinutes } from "./billed-minutes.js";

const remote = (rawMinutes: number, afterHours = false) => ({ rawMinutes, workType: "remote-support", afterHours });

describe("billedMinutes (C6)", () => {
  it("C6: a 5-minute entry bills 15 minutes with the default policy", () => {
    expect(billedMinutes(remote(5), DEFAULT_TIME_BILLING_POLICY)).toBe(15);
  });

  it("C6: rounds up to the next 15 minutes: 15 → 15, 16 → 30, 44 → 45, 61 → 75", () => {
    expect([15, 16, 44, 61].map((raw) => billedMinutes(remote(raw), DEFAULT_TIME_BILLING_POLICY))).toEqual([15, 30, 45, 75]);
  });

  it("C6: the increment, rounding and minimum are configurable", () => {
    const tenMinutesNearest: TimeBillingPolicy = {
      ...DEFAULT_TIME_BILLING_POLICY,
      incrementMinutes: 10,
      rounding: "half-up",
      minimumMinutes: 30,
    };
    // 14 → 10 (nearest), raised to the 30-minute minimum; 45 → 50 (tie rounds up); 44 → 40.
    expect(billedMinutes(remote(14), tenMinutesNearest)).toBe(30);
    expect(billedMinutes(remote(45), tenMinutesNearest)).toBe(50);
    expect(billedMinutes(remote(44), tenMinutesNearest)).toBe(40);
    const down: TimeBillingPolicy = { ...DEFAULT_TIME_BILLING_POLICY, rounding: "down", minimumMinutes: 0 };
    expect(billedMinutes(remote(29), down)).toBe(15);
    expect(billedMinutes(remote(14), down)).toBe(0);
  });

  it("C6: multipliers per work type and after hours combine before rounding", () => {
    const policy: TimeBillingPolicy = {
      ...DEFAULT_TIME_BILLING_POLICY,
      workTypeMultipliersPercent: { emergency: 150 },
      afterHoursMultiplierPercent: 200,
    };
    expect(billedMinutes({ rawMinutes: 60, workType: "emergency", afterHours: false }, policy)).toBe(90);
    expect(billedMinutes({ rawMinutes: 60, workType: "emergency", afterHours: true }, policy)).toBe(180);
    // 50 × 1.5 = 75 exactly: already on the grid.
    expect(billedMinutes({ rawMinutes: 50, workType: "emergency", afterHours: false }, policy)).toBe(75);
    // 7 after hours = 14 → 15; other work types bill at 100 %.
    expect(billedMinutes(remote(7, true), policy)).toBe(15);
    expect(billedMinutes(remote(60), policy)).toBe(60);
  });

  it("C6: billed minutes are on the increment grid (or the minimum) and never below raw when rounding up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 100, max: 300 }),
        (raw, increment, minimum, afterHours) => {
          const policy: TimeBillingPolicy = {
            ...DEFAULT_TIME_BILLING_POLICY,
            incrementMinutes: increment,
            minimumMinutes: minimum,
            afterHoursMultiplierPercent: afterHours,
          };
          const billed = billedMinutes(remote(raw, true), policy);
          expect(billed % increment === 0 || billed === minimum).toBe(true);
          expect(billed * 100).toBeGreaterThanOrEqual(raw * afterHours);
          expect(billed * 100 - raw * afterHours).toBeLessThan(Math.max(increment, minimum) * 100);
        },
      ),
    );
  });
});
