import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoiceTotals, type TotalsLine } from "../index.js";
import { isUnitBaseQuantity, lineNetAmount } from "./line-net-amount.js";

const eur = (amount: string): Money => Money.of(amount, "EUR");

describe("lineNetAmount (BT-131 = BT-129 × BT-146 ÷ BT-149, rounded once, T5/P3)", () => {
  it("BT-149: 50 MIN at 95.00 per 60 = 79.17; 7 MIN at 120.00 per 60 = 14.00; 0.8333 HUR at 95.00 per 1 = 79.16", () => {
    expect(lineNetAmount("50", eur("95.00"), "60").toFixed()).toBe("79.17");
    expect(lineNetAmount("7", eur("120.00"), "60").toFixed()).toBe("14.00");
    expect(lineNetAmount("0.8333", eur("95.00")).toFixed()).toBe("79.16");
    expect(lineNetAmount("0.8333", eur("95.00"), "1.000").toFixed()).toBe("79.16");
  });

  it("rounds half-up once, ties away from zero: 3 MIN at 0.10 per 60 = 0.005 → 0.01; −50 MIN → −79.17; unit prices below the cent are exact", () => {
    expect(lineNetAmount("3", eur("0.10"), "60").toFixed()).toBe("0.01");
    expect(lineNetAmount("-50", eur("95.00"), "60").toFixed()).toBe("-79.17");
    expect(lineNetAmount("50", eur("95.005"), "60").toFixed()).toBe("79.17"); // 79.1708…
    expect(lineNetAmount("1", eur("0.001"), "0.5").toFixed()).toBe("0.00"); // 0.002
    expect(lineNetAmount("2.5", eur("0.002"), "0.5").toFixed()).toBe("0.01"); // 0.01
  });

  it("knows 1 in any spelling", () => {
    expect(["1", "1.0", "1.000", "01"].map(isUnitBaseQuantity)).toEqual([true, true, true, true]);
    expect(["60", "0.1", "10", "1.5"].map(isUnitBaseQuantity)).toEqual([false, false, false, false]);
  });

  it("property: equals Money's quantity × price ÷ base quantity rounded half-up, for minutes 1..6000 at 0.01..1000.00 per 60 and other bases", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -6000, max: 6000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom("60", "7", "0.25", "1000", "3.3"),
        (quantity, cents, base) => {
          const price = Money.fromMinorUnits(cents, "EUR");
          const expected = price.multiply(quantity).divide(base).round("half-up");
          return lineNetAmount(String(quantity), price, base).equals(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property T5: calculateInvoiceTotals takes such lines' nets as computed here, and the totals are sums of the rounded values", () => {
    const lineArbitrary = fc.record({
      minutes: fc.integer({ min: 1, max: 6000 }),
      cents: fc.integer({ min: 1, max: 100_000 }),
      perHour: fc.boolean(),
      rate: fc.constantFrom("19", "7"),
    });
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 12 }), (generated) => {
        const lines: TotalsLine[] = generated.map((line) => ({
          quantity: String(line.minutes),
          unitPrice: Money.fromMinorUnits(line.cents, "EUR"),
          ...(line.perHour ? { baseQuantity: "60" } : {}),
          vat: { category: "S", rate: line.rate },
        }));
        const result = calculateInvoiceTotals(lines, "EUR");
        if (!result.ok) return false;
        const expected = lines.map((line) => lineNetAmount(line.quantity, line.unitPrice, line.baseQuantity));
        const { lineNets, totals } = result.value;
        const sum = (values: readonly Money[]): Money => values.reduce((total, value) => total.add(value), Money.zero("EUR"));
        return (
          lineNets.every((net, index) => expected[index]?.equals(net) === true) &&
          totals.lineNetTotal.equals(sum(expected)) &&
          totals.vatBreakdown.every((entry) => {
            const taxable = sum(expected.filter((_, index) => lines[index]?.vat.rate === entry.rate));
            return entry.taxableAmount.equals(taxable) && entry.taxAmount.equals(taxable.percentage(entry.rate).round("half-up"));
          }) &&
          totals.taxTotal.equals(sum(totals.vatBreakdown.map((entry) => entry.taxAmount))) &&
          totals.grandTotal.equals(totals.lineNetTotal.add(totals.taxTotal))
        );
      }),
      { numRuns: 200 },
    );
  });
});
