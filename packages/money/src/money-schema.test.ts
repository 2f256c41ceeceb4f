import { describe, expect, it } from "vitest";
import { moneyJsonSchema, moneySchema } from "./money-schema.js";
import { Money } from "./money.js";

describe("moneySchema", () => {
  it("accepts the JSON form and yields Money", () => {
    const parsed = moneySchema.parse({ amount: "12.50", currency: "EUR" });
    expect(parsed).toBeInstanceOf(Money);
    expect(parsed.toString()).toBe("12.5");
  });

  it("names the offending field", () => {
    const result = moneyJsonSchema.safeParse({ amount: 12.5, currency: "EURO" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(["amount", "currency"]);
  });

  it("rejects exponent notation and unknown keys", () => {
    expect(moneyJsonSchema.safeParse({ amount: "1e3", currency: "EUR" }).success).toBe(false);
    expect(moneyJsonSchema.safeParse({ amount: "1", currency: "EUR", x: 1 }).success).toBe(false);
  });
});
