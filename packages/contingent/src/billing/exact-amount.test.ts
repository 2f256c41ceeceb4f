import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideHalfUp, formatRatio, formatScaled, lineMinorUnits, minorUnitsJson, priceJson } from "./exact-amount.js";

const priceArb = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9_999 }))
  .map(([whole, digits, fraction]) => (digits === 0 ? String(whole) : `${String(whole)}.${String(fraction).padStart(4, "0").slice(0, digits)}`));

describe("exact line amounts (P3)", () => {
  it("P3: rate × minutes / 60 is rounded half-up once: 95.00 × 20 min = 31.666… → 31.67", () => {
    expect(minorUnitsJson(lineMinorUnits("95.00", 20n, 60n, "EUR"), "EUR")).toEqual({ amount: "31.67", currency: "EUR" });
    expect(minorUnitsJson(lineMinorUnits("0.05", 373n, 10n, "EUR"), "EUR")).toEqual({ amount: "1.87", currency: "EUR" });
    expect(minorUnitsJson(lineMinorUnits("1000", 1n, 3n, "JPY"), "JPY")).toEqual({ amount: "333", currency: "JPY" });
    expect(minorUnitsJson(lineMinorUnits("1.2345", 1n, 1n, "KWD"), "KWD")).toEqual({ amount: "1.235", currency: "KWD" });
  });

  it("P3: equals Money.of(price).multiply(n).divide(d).round() for any price and quantity", () => {
    fc.assert(
      fc.property(priceArb, fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), fc.constantFrom("EUR", "JPY", "KWD" as const), (price, n, d, currency) => {
        const expected = Money.of(price, currency).multiply(n).divide(d).round("half-up").toFixed();
        expect(minorUnitsJson(lineMinorUnits(price, BigInt(n), BigInt(d), currency), currency).amount).toBe(expected);
      }),
    );
  });

  it("rounds ties away from zero, for negative values too", () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideHalfUp(-4n, 3n)).toBe(-1n);
    expect(divideHalfUp(0n, 7n)).toBe(0n);
  });

  it("formats scaled integers and ratios without floats", () => {
    expect(formatScaled(-5n, 2, 2)).toBe("-0.05");
    expect(formatScaled(1250n, 3)).toBe("1.25");
    expect(formatScaled(7n, 0, 2)).toBe("7.00");
    expect(formatRatio(450n, 60n, 4)).toBe("7.5");
    expect(formatRatio(20n, 60n, 4)).toBe("0.3333");
    expect(formatRatio(-150n, 60n, 4)).toBe("-2.5");
    expect(priceJson("95", "EUR")).toEqual({ amount: "95.00", currency: "EUR" });
    expect(priceJson("0.0125", "EUR")).toEqual({ amount: "0.0125", currency: "EUR" });
  });
});
