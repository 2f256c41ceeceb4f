import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalMinorUnits,
  divideHalfUp,
  divideHalfUpSafe,
  formatRatio,
  formatRatioSafe,
  formatScaled,
  formatScaledSafe,
  lineMinorUnits,
  lineNetJson,
  minorUnitsJson,
  priceJson,
  sumNetsJson,
} from "./exact-amount.js";

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

describe("number fast paths agree with the bigint functions (P3)", () => {
  const currencyArb = fc.constantFrom("EUR", "JPY", "KWD" as const);
  const bigIntegerArb = fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 50, 123_456_789_012_345));

  it("P3: lineNetJson equals minorUnitsJson(lineMinorUnits(…)) for any price, quantity and divisor", () => {
    fc.assert(
      fc.property(priceArb, bigIntegerArb, fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(2 ** 40)), currencyArb, (price, n, d, currency) => {
        expect(lineNetJson(price, n, d, currency)).toEqual(minorUnitsJson(lineMinorUnits(price, BigInt(n), BigInt(d), currency), currency));
      }),
    );
  });

  it("P3: formatRatioSafe, formatScaledSafe and divideHalfUpSafe equal their bigint forms", () => {
    fc.assert(
      fc.property(bigIntegerArb, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (n, d, scale, minDigits) => {
        expect(formatRatioSafe(n, d, scale)).toBe(formatRatio(BigInt(n), BigInt(d), scale));
        expect(formatScaledSafe(n, scale, minDigits)).toBe(formatScaled(BigInt(n), scale, minDigits));
        if (Math.abs(n) <= 1e15) expect(BigInt(divideHalfUpSafe(n, d))).toBe(divideHalfUp(BigInt(n), BigInt(d)));
      }),
    );
  });

  it("P3: sumNetsJson equals the bigint sum of the nets, large amounts included", () => {
    const amountArb = fc.oneof(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }));
    fc.assert(
      fc.property(fc.array(amountArb, { maxLength: 20 }), currencyArb, (units, currency) => {
        const lines = units.map((u) => ({ net: minorUnitsJson(u, currency) }));
        expect(sumNetsJson(lines, currency)).toEqual(minorUnitsJson(units.reduce((a, b) => a + b, 0n), currency));
      }),
    );
  });
});

describe("reading rounded amounts back (P3)", () => {
  it("P3: reads amounts spelled as minorUnitsJson writes them: 1900.00 → 190000, -0.05 → -5, 7 JPY → 7, 1.235 KWD → 1235", () => {
    expect(canonicalMinorUnits("1900.00", 2)).toBe(190_000);
    expect(canonicalMinorUnits("-0.05", 2)).toBe(-5);
    expect(canonicalMinorUnits("0.00", 2)).toBe(0);
    expect(canonicalMinorUnits("7", 0)).toBe(7);
    expect(canonicalMinorUnits("-1.235", 3)).toBe(-1235);
    expect(canonicalMinorUnits("9999999999.99", 2)).toBe(999_999_999_999);
  });

  it("P3: any other spelling is NaN, so callers fall back to the general path", () => {
    for (const [amount, digits] of [
      ["12.5", 2],
      ["12.500", 2],
      ["012.50", 2],
      ["-0.00", 2],
      ["+1.00", 2],
      [".50", 2],
      ["1,00", 2],
      ["1.0a", 2],
      ["", 2],
      ["-", 0],
      ["7.0", 0],
      ["99999999999.99", 2],
    ] as const) {
      expect(canonicalMinorUnits(amount, digits), amount).toBeNaN();
    }
  });

  it("P3: reads back exactly what minorUnitsJson wrote, for any amount up to 12 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.constantFrom("EUR", "JPY", "KWD" as const), (units, currency) => {
        const { amount } = minorUnitsJson(BigInt(units), currency);
        expect(canonicalMinorUnits(amount, currency === "EUR" ? 2 : currency === "JPY" ? 0 : 3)).toBe(units);
      }),
    );
  });

  it("P3: a single line's net is the sum; other spellings are summed as before", () => {
    expect(sumNetsJson([{ net: { amount: "1900.00", currency: "EUR" } }], "EUR")).toEqual({ amount: "1900.00", currency: "EUR" });
    expect(sumNetsJson([{ net: { amount: "1900.00", currency: "EUR" } }, { net: { amount: "-0.01", currency: "EUR" } }], "EUR")).toEqual({ amount: "1899.99", currency: "EUR" });
    expect(sumNetsJson([], "EUR")).toEqual({ amount: "0.00", currency: "EUR" });
    // Not as minorUnitsJson writes them: the dot is dropped, as it always was.
    expect(sumNetsJson([{ net: { amount: "1.5", currency: "EUR" } }], "EUR")).toEqual({ amount: "0.15", currency: "EUR" });
    expect(sumNetsJson([{ net: { amount: "01.50", currency: "EUR" } }, { net: { amount: "1.00", currency: "EUR" } }], "EUR")).toEqual({ amount: "2.50", currency: "EUR" });
  });
});
