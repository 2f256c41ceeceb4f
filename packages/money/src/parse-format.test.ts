import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./format.js";
import { Money } from "./money.js";
import { MoneyError } from "./money-error.js";
import { parseMoney } from "./parse.js";

const NBSP = "\u00a0";

describe("parseMoney", () => {
  it('reads the plain "1234.56" and German "1.234,56"', () => {
    expect(parseMoney("1234.56", "EUR").toString()).toBe("1234.56");
    expect(parseMoney("1.234,56", "EUR", "de-DE").toString()).toBe("1234.56");
    expect(parseMoney("1234,56", "EUR", "de-DE").toString()).toBe("1234.56");
    expect(parseMoney("-1.234.567,8", "EUR", "de-DE").toString()).toBe("-1234567.8");
    expect(parseMoney("$1,234.56", "USD", "en-US").toString()).toBe("1234.56");
    expect(parseMoney(`1.234,56${NBSP}€`, "EUR", "de-DE").toString()).toBe("1234.56");
    expect(parseMoney("EUR 12", "EUR").toString()).toBe("12");
  });

  it("refuses what it would have to guess", () => {
    for (const [text, style] of [
      ["1.23,4", "de-DE"],
      ["1,234.56", "de-DE"],
      ["12.5", "de-DE"],
      ["1 234", "plain"],
      ["", "plain"],
      ["12 USD", "plain"],
    ] as const) {
      expect(() => parseMoney(text, "EUR", style), text).toThrow(MoneyError);
    }
  });
});

describe("formatMoney", () => {
  it("formats de-DE as 1.234,56 € and en-US as $1,234.56", () => {
    expect(formatMoney(Money.of("1234.56", "EUR"), "de-DE")).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(Money.of("1234.56", "USD"), "en-US")).toBe("$1,234.56");
    expect(Money.of("-0.5", "EUR").format("de-DE")).toBe(`-0,50${NBSP}€`);
    expect(Money.of("1234.5", "JPY").format("en-US")).toBe("¥1,235");
  });

  it("formats 15 integer digits without float error", () => {
    expect(formatMoney(Money.of("999999999999999.99", "EUR"), "en-US")).toBe(
      "€999,999,999,999,999.99",
    );
  });

  it("property: de-DE format and parse round-trip every cent amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (cents) => {
        const money = Money.fromMinorUnits(cents, "EUR");
        const text = formatMoney(money, "de-DE");
        expect(parseMoney(text, "EUR", "de-DE").equals(money)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
