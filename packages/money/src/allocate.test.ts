import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";
import { Decimal } from "./decimal.js";
import { Money } from "./money.js";
import { MoneyError } from "./money-error.js";

const amounts = (shares: Money[]) => shares.map((s) => s.toFixed());

describe("allocate (P3)", () => {
  it("splits 100.00 EUR by 1:1:1 into 33.34 / 33.33 / 33.33", () => {
    expect(amounts(allocate(Money.of("100.00", "EUR"), [1, 1, 1]))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });

  it("splits 0.05 EUR by 3:1 into 0.04 / 0.01 (the leftover cent goes to the larger remainder)", () => {
    expect(amounts(allocate(Money.of("0.05", "EUR"), [3, 1]))).toEqual(["0.04", "0.01"]);
    expect(amounts(allocate(Money.of("0.05", "EUR"), [1, 3]))).toEqual(["0.01", "0.04"]);
  });

  it("gives leftover units to the largest remainders, ties to the larger weight, then by position", () => {
    // exact shares 2.857…, 2.857…, 4.285… cents: floors 2, 2, 4 leave 2 units for the two
    // shares that lost 0.857 each; the third lost only 0.285.
    expect(amounts(allocate(Money.of("0.10", "EUR"), [2, 2, 3]))).toEqual([
      "0.03",
      "0.03",
      "0.04",
    ]);
    // 1 cent over 1:2 loses 1/3 and 2/3: the larger remainder (the second) gets it.
    expect(amounts(allocate(Money.of("0.01", "EUR"), [1, 2]))).toEqual(["0.00", "0.01"]);
    // 2 cents over 1:3 (exact 0.5 and 1.5): both lose half a cent; the larger weight wins the tie.
    expect(amounts(allocate(Money.of("0.02", "EUR"), [1, 3]))).toEqual(["0.00", "0.02"]);
  });

  it("never gives a leftover unit to a share that was exact (781,071.20 EUR over 4:17:18)", () => {
    // Exact 80,109.866…, 340,466.933…, 360,494.40 EUR: the third is exact, so the one cent the
    // floors leave goes to the first (it lost 0.67 cents), not to the largest weight.
    expect(amounts(allocate(Money.fromMinorUnits(78_107_120n, "EUR"), [4, 17, 18]))).toEqual([
      "80109.87",
      "340466.93",
      "360494.40",
    ]);
  });

  it("splits negative totals symmetrically", () => {
    expect(amounts(allocate(Money.of("-100.00", "EUR"), [1, 1, 1]))).toEqual([
      "-33.34",
      "-33.33",
      "-33.33",
    ]);
  });

  it("works in whole yen and gives zero weights nothing", () => {
    expect(amounts(allocate(Money.of("1000", "JPY"), [1, 0, 2]))).toEqual(["333", "0", "667"]);
    expect(amounts(allocate(Money.of("0.00", "EUR"), [1, 1]))).toEqual(["0.00", "0.00"]);
  });

  it("accepts decimal weights", () => {
    expect(amounts(allocate(Money.of("10.00", "EUR"), ["0.5", "0.25", "0.25"]))).toEqual([
      "5.00",
      "2.50",
      "2.50",
    ]);
  });

  it("rejects bad weights and unrounded totals with typed errors", () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof MoneyError ? `${e.code}@${e.path.join(".")}` : "untyped";
      }
      return "none";
    };
    expect(codeOf(() => allocate(Money.of("1", "EUR"), []))).toBe("MONEY_INVALID_WEIGHTS@weights");
    expect(codeOf(() => allocate(Money.of("1", "EUR"), [0, 0]))).toBe(
      "MONEY_INVALID_WEIGHTS@weights",
    );
    expect(codeOf(() => allocate(Money.of("1", "EUR"), [1, -1]))).toBe(
      "MONEY_INVALID_WEIGHTS@weights.1",
    );
    expect(codeOf(() => allocate(Money.of("1.005", "EUR"), [1]))).toBe("MONEY_NOT_ROUNDED@amount");
  });

  it("property: shares sum to the total and each is within one minor unit of its exact value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom("EUR", "JPY", "KWD"),
        (units, weights, currency) => {
          fc.pre(weights.some((w) => w > 0));
          const total = Money.fromMinorUnits(units, currency);
          const shares = allocate(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(Money.sum(shares).equals(total)).toBe(true);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            expect(share.isRounded()).toBe(true);
            const exact = new Decimal(units.toString()).times(weights[i]!).dividedBy(weightSum);
            const diff = new Decimal(share.toMinorUnits().toString()).minus(exact).abs();
            expect(diff.lessThan(1)).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
