import { describe, expect, it } from "vitest";
import { Money } from "./money.js";
import { MoneyError } from "./money-error.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe("Money", () => {
  it("adds, subtracts, negates and compares exactly (P3: 0.1 + 0.2 is 0.3)", () => {
    const a = Money.of("0.1", "EUR");
    const b = Money.of("0.2", "EUR");
    expect(a.add(b).toString()).toBe("0.3");
    expect(a.subtract(b).toString()).toBe("-0.1");
    expect(a.negate().toString()).toBe("-0.1");
    expect(a.compare(b)).toBe(-1);
    expect(b.compare(a)).toBe(1);
    expect(Money.of("10.50", "EUR").equals(Money.of("10.5", "EUR"))).toBe(true);
    expect(Money.of("-3", "EUR").abs().toString()).toBe("3");
  });

  it("is immutable", () => {
    const a = Money.of("1", "EUR");
    a.add(Money.of("1", "EUR"));
    expect(a.toString()).toBe("1");
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("multiplies by a decimal and takes percentages without rounding", () => {
    expect(Money.of("10", "EUR").multiply("0.333").toString()).toBe("3.33");
    expect(Money.of("199.99", "EUR").percentage("19").toString()).toBe("37.9981");
    expect(Money.of("199.99", "EUR").percentage("19").round().toString()).toBe("38");
    expect(Money.of("100", "EUR").divide(3).round().toString()).toBe("33.33");
  });

  it("keeps 15 integer and 10 fractional digits exactly", () => {
    const big = Money.of("999999999999999.9999999999", "EUR");
    expect(big.toString()).toBe("999999999999999.9999999999");
    expect(big.add(Money.of("0.0000000001", "EUR")).toString()).toBe("1000000000000000");
  });

  it("throws MONEY_CURRENCY_MISMATCH when currencies mix", () => {
    const eur = Money.of("1", "EUR");
    const usd = Money.of("1", "USD");
    expect(code(() => eur.add(usd))).toBe("MONEY_CURRENCY_MISMATCH");
    expect(code(() => eur.subtract(usd))).toBe("MONEY_CURRENCY_MISMATCH");
    expect(code(() => eur.compare(usd))).toBe("MONEY_CURRENCY_MISMATCH");
    expect(code(() => Money.sum([eur, usd]))).toBe("MONEY_CURRENCY_MISMATCH");
    expect(eur.equals(usd)).toBe(false);
  });

  it("refuses binary floats, bad strings and unknown currencies", () => {
    expect(code(() => Money.of(0.1, "EUR"))).toBe("MONEY_INVALID_AMOUNT");
    expect(code(() => Money.of("1e5", "EUR"))).toBe("MONEY_INVALID_AMOUNT");
    expect(code(() => Money.of("12,50", "EUR"))).toBe("MONEY_INVALID_AMOUNT");
    expect(code(() => Money.of("1", "XXX"))).toBe("MONEY_UNKNOWN_CURRENCY");
    expect(Money.of(12, "EUR").toString()).toBe("12");
    expect(Money.of(12n, "EUR").toString()).toBe("12");
  });

  it("sums a list, and needs a currency for an empty one", () => {
    const items = ["1.10", "2.20", "3.30"].map((a) => Money.of(a, "EUR"));
    expect(Money.sum(items).toString()).toBe("6.6");
    expect(Money.sum([], "USD").toJSON()).toEqual({ amount: "0", currency: "USD" });
    expect(code(() => Money.sum([]))).toBe("MONEY_EMPTY_SUM");
    expect(Money.min(items[1]!, items[0]!, items[2]!).toString()).toBe("1.1");
    expect(Money.max(items[1]!, items[0]!, items[2]!).toString()).toBe("3.3");
  });

  it("rounds half-up by default and half-even, half-down, up, down on request (2.345, -2.345)", () => {
    const pos = Money.of("2.345", "EUR");
    const neg = Money.of("-2.345", "EUR");
    expect(pos.round().toString()).toBe("2.35");
    expect(neg.round().toString()).toBe("-2.35");
    expect(pos.round("half-even").toString()).toBe("2.34");
    expect(neg.round("half-even").toString()).toBe("-2.34");
    expect(Money.of("2.355", "EUR").round("half-even").toString()).toBe("2.36");
    expect(pos.round("half-down").toString()).toBe("2.34");
    expect(neg.round("half-down").toString()).toBe("-2.34");
    expect(Money.of("2.341", "EUR").round("up").toString()).toBe("2.35");
    expect(Money.of("-2.341", "EUR").round("up").toString()).toBe("-2.35");
    expect(Money.of("2.349", "EUR").round("down").toString()).toBe("2.34");
    expect(Money.of("-2.349", "EUR").round("down").toString()).toBe("-2.34");
  });

  it("JPY has no minor unit: rounding goes to whole yen", () => {
    expect(Money.of("1234.5", "JPY").round().toString()).toBe("1235");
    expect(Money.of("1234.5", "JPY").round("half-even").toString()).toBe("1234");
    expect(Money.of("1234", "JPY").toMinorUnits()).toBe(1234n);
    expect(Money.fromMinorUnits(1234n, "JPY").toString()).toBe("1234");
    expect(Money.of("1234", "JPY").toFixed()).toBe("1234");
  });

  it("converts to and from minor units", () => {
    expect(Money.fromMinorUnits(1999n, "EUR").toString()).toBe("19.99");
    expect(Money.fromMinorUnits(-5, "EUR").toString()).toBe("-0.05");
    expect(Money.of("19.99", "EUR").toMinorUnits()).toBe(1999n);
    expect(Money.of("1.001", "KWD").toMinorUnits()).toBe(1001n);
    expect(code(() => Money.of("19.999", "EUR").toMinorUnits())).toBe("MONEY_NOT_ROUNDED");
  });

  it("knows zero and signs", () => {
    expect(Money.zero("EUR").isZero()).toBe(true);
    expect(Money.of("-0", "EUR").isNegative()).toBe(false);
    expect(Money.of("-0.01", "EUR").isNegative()).toBe(true);
    expect(Money.of("0.01", "EUR").isPositive()).toBe(true);
  });

  it("serialises to JSON as a string amount and reads it back", () => {
    const m = Money.of("1234.50", "EUR");
    expect(JSON.stringify(m)).toBe('{"amount":"1234.5","currency":"EUR"}');
    expect(Money.fromJSON(m.toJSON()).equals(m)).toBe(true);
  });
});
