import { decimal, Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoiceTotals, type TotalsLine } from "../index.js";

const eur = (amount: string): Money => Money.of(amount, "EUR");

describe("calculateInvoiceTotals (T5 via @kontor/terms)", () => {
  it("T5: three 0.13 EUR lines at 19 % give 0.07 tax (0.39 × 19 %), not 3 × 0.02", () => {
    const line: TotalsLine = { quantity: "1", unitPrice: eur("0.13"), vat: { category: "S", rate: "19" } };
    const result = calculateInvoiceTotals([line, line, line], "EUR");
    if (!result.ok) throw new Error("refused");
    expect(result.value.totals.taxTotal.toFixed()).toBe("0.07");
    expect(result.value.totals.grandTotal.toFixed()).toBe("0.46");
  });

  it("groups 19 and 19.00 into one category and keeps categories in order of appearance", () => {
    const result = calculateInvoiceTotals(
      [
        { quantity: "1", unitPrice: eur("10"), vat: { category: "S", rate: "19" } },
        { quantity: "1", unitPrice: eur("10"), vat: { category: "S", rate: "7" } },
        { quantity: "1", unitPrice: eur("10"), vat: { category: "S", rate: "19.00" } },
      ],
      "EUR",
    );
    if (!result.ok) throw new Error("refused");
    expect(result.value.totals.vatBreakdown.map((entry) => [entry.rate, entry.taxableAmount.toFixed()])).toEqual([
      ["19", "20.00"],
      ["7", "10.00"],
    ]);
  });

  it("reports a rate that does not fit the category as VAT_RATE_INVALID at lines.n.vat.rate", () => {
    const result = calculateInvoiceTotals([{ quantity: "1", unitPrice: eur("10"), vat: { category: "Z", rate: "7" } }], "EUR");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "VAT_RATE_INVALID", path: ["lines", 0, "vat", "rate"] });
  });

  it("property T5: tax per category = round(category net × rate); totals are sums of rounded values", () => {
    const lineArbitrary = fc.record({
      cents: fc.integer({ min: 1, max: 10_000_000 }),
      quantity: fc.constantFrom("1", "2", "0.5", "1.25", "3", "12"),
      rate: fc.constantFrom("19", "7"),
    });
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 12 }), (generated) => {
        const lines: TotalsLine[] = generated.map((line) => ({
          quantity: line.quantity,
          unitPrice: Money.fromMinorUnits(line.cents, "EUR"),
          vat: { category: "S", rate: line.rate },
        }));
        const result = calculateInvoiceTotals(lines, "EUR");
        if (!result.ok) return false;
        const { lineNets, totals } = result.value;
        const expectedNets = lines.map((line) => line.unitPrice.multiply(line.quantity).round("half-up"));
        const netsMatch = lineNets.every((net, index) => net.equals(expectedNets[index]!));
        const categoriesMatch = totals.vatBreakdown.every((entry) => {
          const taxable = Money.sum(
            expectedNets.filter((_, index) => decimal(lines[index]!.vat.rate).equals(decimal(entry.rate))),
            "EUR",
          );
          return entry.taxableAmount.equals(taxable) && entry.taxAmount.equals(taxable.percentage(entry.rate).round("half-up"));
        });
        const taxSum = Money.sum(totals.vatBreakdown.map((entry) => entry.taxAmount), "EUR");
        return (
          netsMatch &&
          categoriesMatch &&
          totals.lineNetTotal.equals(Money.sum(expectedNets, "EUR")) &&
          totals.taxTotal.equals(taxSum) &&
          totals.grandTotal.equals(totals.lineNetTotal.add(totals.taxTotal)) &&
          totals.amountDue.equals(totals.grandTotal)
        );
      }),
      { numRuns: 200 },
    );
  });
});
