import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { convertMoney, exchangeRatesSchema } from "./exchange-rates.js";

describe("exchange rates as input", () => {
  const rates = { base: "EUR" as const, rates: { USD: "1.0800", AUD: "1.6500" } };

  it("converts from and to the base and between quoted currencies, rounding half-up", () => {
    expect(unwrap(convertMoney(Money.of("10000.00", "USD"), "EUR", rates)).toFixed()).toBe("9259.26");
    expect(unwrap(convertMoney(Money.of("100.00", "EUR"), "USD", rates)).toFixed()).toBe("108.00");
    expect(unwrap(convertMoney(Money.of("10000.00", "USD"), "AUD", rates)).toFixed()).toBe("15277.78");
  });

  it("leaves same-currency amounts alone and needs no rates for them", () => {
    const amount = Money.of("12.345", "USD");
    expect(unwrap(convertMoney(amount, "USD", undefined))).toBe(amount);
  });

  it("reports a missing rate with its path", () => {
    const result = convertMoney(Money.of("1.00", "USD"), "CHF", rates);
    expect(result.ok ? [] : result.errors[0]?.path).toEqual(["exchangeRates", "rates", "CHF"]);
    expect(errorCodes(convertMoney(Money.of("1.00", "USD"), "EUR", undefined))).toEqual(["EXCHANGE_RATE_MISSING"]);
  });

  it("the schema refuses zero and negative rates", () => {
    expect(exchangeRatesSchema.safeParse({ base: "EUR", rates: { USD: "0" } }).success).toBe(false);
    expect(exchangeRatesSchema.safeParse({ base: "EUR", rates: { USD: "-1.08" } }).success).toBe(false);
    expect(exchangeRatesSchema.safeParse(rates).success).toBe(true);
  });
});
