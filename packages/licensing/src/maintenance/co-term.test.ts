import { addTermYears, fromEpochDay, toEpochDay } from "@kontor/calendar";
import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { coTerm } from "./co-term.js";

const eur = (amount: string) => ({ amount, currency: "EUR" as const });
const asOf = "2026-12-01T09:00:00+01:00";

describe("coTerm", () => {
  it("L11: three licenses ending 2027-03-15, 2027-06-30 and 2027-11-01 co-termed to 2027-06-30: +107 days, unchanged, −124 days, each priced", () => {
    const plan = valueOf(
      coTerm(
        {
          vendorId: "atlassian",
          targetEnd: "2027-06-30",
          licenses: [
            { licenseId: "SEN-1", currentEnd: "2027-03-15", annualPrice: eur("21000.00") },
            { licenseId: "SEN-2", currentEnd: "2027-06-30", annualPrice: eur("12000.00") },
            { licenseId: "SEN-3", currentEnd: "2027-11-01", annualPrice: eur("8000.00") },
          ],
        },
        { asOf },
      ),
    );
    const [extended, unchanged, shortened] = plan.adjustments;
    expect(extended).toMatchObject({ licenseId: "SEN-1", change: "extension", days: 107, newEnd: "2027-06-30" });
    // The 107 days fall into the year 2027-03-15 → 2028-03-15, which contains 2028-02-29: 366 days.
    expect(extended?.pricingTerm).toEqual({ from: "2027-03-15", to: "2028-03-15" });
    expect(extended?.daysInTerm).toBe(366);
    expect(extended?.amount.toFixed()).toBe("6139.34"); // 21,000 × 107 / 366 = 6,139.344…
    expect(unchanged).toMatchObject({ licenseId: "SEN-2", change: "unchanged", days: 0, daysInTerm: 0 });
    expect(unchanged?.amount.toFixed()).toBe("0.00");
    expect(shortened).toMatchObject({ licenseId: "SEN-3", change: "shortening", days: -124 });
    // The 124 days are given back from the year 2026-11-01 → 2027-11-01: 365 days.
    expect(shortened?.daysInTerm).toBe(365);
    expect(shortened?.amount.toFixed()).toBe("-2717.81"); // −8,000 × 124 / 365 = −2,717.808…
    expect(plan.netDays).toBe(-17);
    expect(plan.total.toFixed()).toBe("3421.53");
  });

  it("L11 → L10: co-terming puts the order into manual review under the Atlassian policy", () => {
    const plan = valueOf(
      coTerm({ vendorId: "atlassian", targetEnd: "2027-06-30", licenses: [{ licenseId: "A", currentEnd: "2027-03-15", annualPrice: eur("100") }] }, { asOf }),
    );
    expect(plan.requiresManualReview).toBe(true);
    expect(plan.policyId).toBe("atlassian-reseller-2021-02-02");
  });

  it("L11: a one-day extension in a common year is price/365, rounded half-up once", () => {
    const plan = valueOf(
      coTerm({ vendorId: "atlassian", targetEnd: "2027-01-02", licenses: [{ licenseId: "A", currentEnd: "2027-01-01", annualPrice: eur("1000.00") }] }, { asOf }),
    );
    expect(plan.adjustments[0]?.amount.toFixed()).toBe("2.74"); // 2.7397…
  });

  it("L11: a license ending on 2028-02-29 gives back days of the year 2027-02-28 → 2028-02-29 (366 days)", () => {
    const plan = valueOf(
      coTerm({ vendorId: "atlassian", targetEnd: "2028-01-31", licenses: [{ licenseId: "A", currentEnd: "2028-02-29", annualPrice: eur("3660.00") }] }, { asOf }),
    );
    expect(plan.adjustments[0]).toMatchObject({ days: -29, daysInTerm: 366, pricingTerm: { from: "2027-02-28", to: "2028-02-29" } });
    expect(plan.adjustments[0]?.amount.toFixed()).toBe("-290.00");
  });

  it("L11: refuses no licenses, duplicates, a target not after today, and mixed currencies", () => {
    expect(codesOf(coTerm({ vendorId: "atlassian", targetEnd: "2027-06-30", licenses: [] }, { asOf }))).toEqual(["L11_NO_LICENSES"]);
    const bad = coTerm(
      {
        vendorId: "atlassian",
        targetEnd: "2026-12-01",
        licenses: [
          { licenseId: "A", currentEnd: "2027-03-15", annualPrice: eur("100") },
          { licenseId: "A", currentEnd: "2027-04-15", annualPrice: { amount: "100", currency: "USD" } },
        ],
      },
      { asOf },
    );
    expect(codesOf(bad)).toEqual(["L11_TARGET_IN_PAST", "L11_DUPLICATE_LICENSE", "CATALOG_CURRENCY_MISMATCH"]);
    expect(errorsOf(bad).map((error) => error.path)).toEqual([
      ["targetEnd"],
      ["licenses", 1, "licenseId"],
      ["licenses", 1, "annualPrice", "currency"],
    ]);
  });

  it("P1: fails with P1_NO_POLICY_IN_FORCE for a vendor without policy", () => {
    const result = coTerm({ vendorId: "adobe", targetEnd: "2027-06-30", licenses: [] }, { asOf });
    expect(codesOf(result)).toEqual(["P1_NO_POLICY_IN_FORCE"]);
  });

  it("L11 (property): co-terming never changes total days by more than the sum of the individual adjustments", () => {
    const day = fc.integer({ min: toEpochDay("2027-01-01"), max: toEpochDay("2031-12-31") }).map(fromEpochDay);
    const license = fc.record({
      currentEnd: day,
      cents: fc.bigInt({ min: 0n, max: 10_000_000n }),
    });
    fc.assert(
      fc.property(day, fc.array(license, { minLength: 1, maxLength: 8 }), (targetEnd, licenses) => {
        const plan = valueOf(
          coTerm(
            {
              vendorId: "atlassian",
              targetEnd,
              licenses: licenses.map((item, i) => ({
                licenseId: `L${i}`,
                currentEnd: item.currentEnd,
                annualPrice: eur(`${item.cents / 100n}.${String(item.cents % 100n).padStart(2, "0")}`),
              })),
            },
            { asOf },
          ),
        );
        const sumOfAdjustments = plan.adjustments.reduce((sum, adjustment) => sum + Math.abs(adjustment.days), 0);
        const totalBefore = licenses.reduce((sum, item) => sum + (toEpochDay(item.currentEnd) - toEpochDay("2026-12-01")), 0);
        const totalAfter = plan.adjustments.reduce((sum, adjustment) => sum + (toEpochDay(adjustment.newEnd) - toEpochDay("2026-12-01")), 0);
        expect(Math.abs(totalAfter - totalBefore)).toBeLessThanOrEqual(sumOfAdjustments);
        expect(totalAfter - totalBefore).toBe(plan.netDays);
        for (const adjustment of plan.adjustments) {
          expect(adjustment.newEnd).toBe(targetEnd);
          expect(toEpochDay(adjustment.currentEnd) + adjustment.days).toBe(toEpochDay(targetEnd));
          // A charge for extensions, a credit for shortenings (or zero when a tiny price rounds away).
          if (adjustment.days < 0) expect(adjustment.amount.isPositive()).toBe(false);
          if (adjustment.days > 0) expect(adjustment.amount.isNegative()).toBe(false);
          if (adjustment.days === 0) expect(adjustment.amount.isZero()).toBe(true);
          if (adjustment.pricingTerm !== null) {
            expect([365, 366]).toContain(adjustment.daysInTerm);
            // Extensions are priced in the year starting at the current end, shortenings in the year ending at it.
            const expected =
              adjustment.days > 0
                ? { from: adjustment.currentEnd, to: addTermYears(adjustment.currentEnd, 1) }
                : { from: addTermYears(adjustment.currentEnd, -1), to: adjustment.currentEnd };
            expect(adjustment.pricingTerm).toEqual(expected);
          }
        }
        const sumOfAmounts = plan.adjustments.reduce((sum, adjustment) => sum.add(adjustment.amount), Money.zero("EUR"));
        expect(plan.total.equals(sumOfAmounts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
