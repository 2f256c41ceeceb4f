import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { invoiceTotals, vatBreakdownKey, type InvoiceLine } from "./invoice-totals.js";
import { divideHalfUp } from "./vat-rate-percent.js";

const eur = (amount: string) => Money.of(amount, "EUR");
const line = (net: string, category: InvoiceLine["category"] = "S", ratePercent = "19"): InvoiceLine => ({ net: eur(net), category, ratePercent });

describe("T5 invoice totals (EN 16931 BR-CO-17)", () => {
  it("T5: tax is computed on the category net total, not summed per line", () => {
    // Per line: 0.13 × 19 % = 0.0247 → 0.02, three lines 0.06. Per category: 0.39 × 19 % = 0.0741 → 0.07.
    const totals = unwrap(invoiceTotals({ currency: "EUR", lines: [line("0.13"), line("0.13"), line("0.13")] }));
    expect(totals.breakdown).toEqual([
      { key: "S:19", category: "S", ratePercent: "19", taxableAmount: eur("0.39"), taxAmount: eur("0.07") },
    ]);
    expect(totals.taxTotal.toFixed()).toBe("0.07");
    expect(totals.taxInclusiveTotal.toFixed()).toBe("0.46");
    expect(totals.reason).toContain("BR-CO-17");
  });

  it("T5: tax rounds half-up to the cent at exactly half a cent", () => {
    // 0.50 × 7 % = 0.035 → 0.04; 1.50 × 19 % = 0.285 → 0.29
    const totals = unwrap(invoiceTotals({ currency: "EUR", lines: [line("0.50", "S", "7"), line("1.50")] }));
    expect(totals.breakdown.map((b) => [b.key, b.taxAmount.toFixed()])).toEqual([
      ["S:7", "0.04"],
      ["S:19", "0.29"],
    ]);
    expect(totals.taxTotal.toFixed()).toBe("0.33");
  });

  it("T5: line amounts from quantity × unit price round half-up to the cent first", () => {
    // 3 × 33.335 = 100.005 → 100.01; 19 % of 100.01 = 19.0019 → 19.00
    const totals = unwrap(invoiceTotals({ currency: "EUR", lines: [{ quantity: "3", unitPrice: eur("33.335"), category: "S", ratePercent: "19" }] }));
    expect(totals.lineNets.map((n) => n.toFixed())).toEqual(["100.01"]);
    expect(totals.taxTotal.toFixed()).toBe("19.00");
    // 1.5 hours at 95.00 = 142.50
    expect(unwrap(invoiceTotals({ currency: "EUR", lines: [{ quantity: "1.5", unitPrice: eur("95.00"), category: "S", ratePercent: "19" }] })).lineTotal.toFixed()).toBe("142.50");
  });

  it("T5: mixed categories: standard, reduced, reverse charge and not taxable each get one breakdown row", () => {
    const totals = unwrap(
      invoiceTotals({
        currency: "EUR",
        lines: [line("1000.00"), line("99.99", "S", "19.0"), line("200.00", "S", "7"), line("500.00", "AE", "0"), line("80.00", "O", "0")],
      }),
    );
    expect(totals.breakdown.map((b) => [b.key, b.taxableAmount.toFixed(), b.taxAmount.toFixed()])).toEqual([
      ["S:19", "1099.99", "209.00"], // 1,099.99 × 19 % = 208.9981 → 209.00
      ["S:7", "200.00", "14.00"],
      ["AE:0", "500.00", "0.00"],
      ["O:0", "80.00", "0.00"],
    ]);
    expect([totals.lineTotal, totals.taxTotal, totals.taxInclusiveTotal].map((m) => m.toFixed())).toEqual(["1879.99", "223.00", "2102.99"]);
  });

  it("T5: document allowances and charges change their category's taxable amount", () => {
    const totals = unwrap(
      invoiceTotals({
        currency: "EUR",
        lines: [line("1000.00"), line("100.00", "S", "7")],
        allowances: [{ amount: eur("100.00"), category: "S", ratePercent: "19", reason: "Rabatt" }],
        charges: [{ amount: eur("10.00"), category: "S", ratePercent: "7" }],
      }),
    );
    expect(totals.breakdown.map((b) => [b.key, b.taxableAmount.toFixed(), b.taxAmount.toFixed()])).toEqual([
      ["S:19", "900.00", "171.00"],
      ["S:7", "110.00", "7.70"],
    ]);
    expect([totals.allowanceTotal, totals.chargeTotal, totals.taxExclusiveTotal, totals.taxInclusiveTotal].map((m) => m.toFixed())).toEqual([
      "100.00",
      "10.00",
      "1010.00",
      "1188.70",
    ]);
  });

  it("T5: credit notes (negative amounts) round half-up away from zero", () => {
    // −0.50 × 7 % = −0.035 → −0.04
    expect(unwrap(invoiceTotals({ currency: "EUR", lines: [line("-0.50", "S", "7")] })).taxTotal.toFixed()).toBe("-0.04");
  });

  it("T5: currencies without minor units round to whole units (JPY)", () => {
    const totals = unwrap(invoiceTotals({ currency: "JPY", lines: [{ net: Money.of("1050", "JPY"), category: "S", ratePercent: "10" }] }));
    expect(totals.taxTotal.toFixed()).toBe("105");
  });

  it("T5: bad rates, categories and currencies are errors with the line's path", () => {
    const result = invoiceTotals({
      currency: "EUR",
      lines: [line("1.00", "S", "0"), line("1.00", "AE", "19"), line("1.00", "S", "19 %"), { net: Money.of("1.00", "USD"), category: "S", ratePercent: "19" }],
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([
      ["T5_RATE_NOT_ALLOWED_FOR_CATEGORY", ["lines", 0, "ratePercent"]],
      ["T5_RATE_NOT_ALLOWED_FOR_CATEGORY", ["lines", 1, "ratePercent"]],
      ["T5_INVALID_RATE", ["lines", 2, "ratePercent"]],
      ["T5_CURRENCY_MISMATCH", ["lines", 3, "net"]],
    ]);
    expect(errorCodes(invoiceTotals({ currency: "EUR", lines: [] }))).toEqual(["T5_NO_LINES"]);
  });

  it("T5: the breakdown key is shared with EN 16931 category codes", () => {
    expect(vatBreakdownKey("S", "19.00")).toBe("S:19");
    expect(vatBreakdownKey("S", "5.50")).toBe("S:5.5");
    expect(vatBreakdownKey("AE", "0")).toBe("AE:0");
    expect(vatBreakdownKey("S", "abc")).toBeUndefined();
  });

  it("T5: totals are sums of rounded values, and category tax stays within half a cent of exact (property)", () => {
    const arbitraryLine = fc.record({
      cents: fc.bigInt({ min: -1_000_000n, max: 10_000_000n }),
      rate: fc.constantFrom("19", "7", "5.5", "25.5", "0"),
    });
    fc.assert(
      fc.property(fc.array(arbitraryLine, { minLength: 1, maxLength: 30 }), (lines) => {
        const totals = unwrap(
          invoiceTotals({
            currency: "EUR",
            lines: lines.map(({ cents, rate }) => ({ net: Money.fromMinorUnits(cents, "EUR"), category: rate === "0" ? "Z" : "S", ratePercent: rate })),
          }),
        );
        const sum = (items: readonly Money[]) => Money.sum(items, "EUR");
        expect(totals.taxTotal.equals(sum(totals.breakdown.map((b) => b.taxAmount)))).toBe(true);
        expect(totals.lineTotal.equals(sum(totals.lineNets))).toBe(true);
        expect(totals.taxInclusiveTotal.equals(totals.taxExclusiveTotal.add(totals.taxTotal))).toBe(true);
        for (const row of totals.breakdown) {
          const exact = row.taxableAmount.percentage(row.ratePercent);
          expect(exact.subtract(row.taxAmount).abs().compare(Money.of("0.005", "EUR"))).toBeLessThan(1);
        }
      }),
    );
  });

  it("divideHalfUp rounds ties away from zero", () => {
    expect([divideHalfUp(5n, 2n), divideHalfUp(-5n, 2n), divideHalfUp(4n, 3n), divideHalfUp(-5n, 3n)]).toEqual([3n, -3n, 1n, -2n]);
  });
});
