import { expect, it } from "vitest";
import { Money, allocate, moneySchema, parseMoney } from "./index.js";

// The README's example, line for line, with its comments turned into assertions.
it("README example runs as documented", () => {
  const net = parseMoney("1.234,56", "EUR", "de-DE");
  const vat = net.percentage("19").round();
  const gross = net.add(vat);
  expect(vat.toString()).toBe("234.57");
  expect(gross.format("de-DE")).toBe("1.469,13\u00a0€");
  expect(Money.of("1234.56", "USD").format("en-US")).toBe("$1,234.56");

  const shares = allocate(Money.of("100.00", "EUR"), [1, 1, 1]);
  expect(shares.map((s) => s.toFixed())).toEqual(["33.34", "33.33", "33.33"]);

  expect(Money.of("2.345", "EUR").round("half-even").toString()).toBe("2.34");

  const parsed = moneySchema.parse({ amount: "12.50", currency: "EUR" });
  expect(JSON.stringify(parsed)).toBe('{"amount":"12.5","currency":"EUR"}');

  expect(() => Money.of("1", "EUR").add(Money.of("1", "USD"))).toThrow(
    expect.objectContaining({ code: "MONEY_CURRENCY_MISMATCH" }),
  );
});
