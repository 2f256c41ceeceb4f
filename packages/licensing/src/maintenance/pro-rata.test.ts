import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codesOf, valueOf } from "../testing/expect-result.js";
import { proRata } from "./pro-rata.js";

describe("proRata", () => {
  it("L11, L19: price × days / days in term, rounded once half-up (1,000.00 × 122 / 365 = 334.2465… → 334.25)", () => {
    expect(valueOf(proRata(Money.of("1000.00", "EUR"), 122, 365)).toFixed()).toBe("334.25");
    expect(valueOf(proRata(Money.of("1000.00", "EUR"), 122, 366)).toFixed()).toBe("333.33");
  });

  it("rounds a tie half-up and a negative tie away from zero (0.01 × ±1 / 2 = ±0.005)", () => {
    expect(valueOf(proRata(Money.of("0.01", "EUR"), 1, 2)).toFixed()).toBe("0.01");
    expect(valueOf(proRata(Money.of("0.01", "EUR"), -1, 2)).toFixed()).toBe("-0.01");
  });

  it("charges nothing for zero days and the full price for the whole term", () => {
    expect(valueOf(proRata(Money.of("999.99", "EUR"), 0, 365)).isZero()).toBe(true);
    expect(valueOf(proRata(Money.of("999.99", "EUR"), 366, 366)).toFixed()).toBe("999.99");
  });

  it("refuses non-integer days and a zero term", () => {
    expect(codesOf(proRata(Money.of("1", "EUR"), 1.5, 365))).toEqual(["INVALID_INPUT"]);
    expect(codesOf(proRata(Money.of("1", "EUR"), 1, 0))).toEqual(["INVALID_INPUT"]);
  });

  it("is within half a cent of the exact share and symmetric for credits (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000_00n }), fc.integer({ min: 0, max: 366 }), fc.constantFrom(365, 366), (cents, days, term) => {
        const price = Money.fromMinorUnits(cents, "EUR");
        const charge = valueOf(proRata(price, days, term));
        const credit = valueOf(proRata(price, -days, term));
        expect(credit.equals(charge.negate())).toBe(true);
        const exact = price.multiply(days).divide(term);
        expect(charge.subtract(exact).abs().lessThan(Money.of("0.005", "EUR")) || charge.subtract(exact).abs().equals(Money.of("0.005", "EUR"))).toBe(true);
      }),
    );
  });
});
