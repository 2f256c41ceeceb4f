import { determineTax } from "@kontor/terms";
import { describe, expect, it } from "vitest";
import { lineVatFromTaxDetermination } from "../index.js";

describe("lineVatFromTaxDetermination (T3 from @kontor/terms)", () => {
  it("T3: an Austrian business with a valid VAT ID gets reverse charge AE 0 % with the note", () => {
    const tax = determineTax({
      asOf: "2026-02-26",
      seller: { country: "DE", vatId: "DE136695976" },
      buyer: { status: "business", vatId: "ATU13585627" },
      contacts: { billing: { address: { country: "AT" } } },
    });
    if (!tax.ok) throw new Error(tax.errors.map((error) => `${error.code}: ${error.message}`).join("; "));
    expect(lineVatFromTaxDetermination(tax.value)).toEqual({
      ok: true,
      value: {
        category: "AE",
        rate: "0",
        exemptionReason: "Steuerschuldnerschaft des Leistungsempfängers",
        exemptionReasonCode: "VATEX-EU-AE",
      },
    });
  });

  it("T3: a domestic business gets S 19 % without exemption", () => {
    const tax = determineTax({
      asOf: "2026-02-26",
      seller: { country: "DE", vatId: "DE136695976" },
      buyer: { status: "business" },
      contacts: { billing: { address: { country: "DE" } } },
    });
    if (!tax.ok) throw new Error(tax.errors.map((error) => `${error.code}: ${error.message}`).join("; "));
    expect(lineVatFromTaxDetermination(tax.value)).toEqual({ ok: true, value: { category: "S", rate: "19" } });
  });

  it("refuses US sales tax, which is not VAT", () => {
    const result = lineVatFromTaxDetermination({ category: "S", ratePercent: "7.25", taxScheme: "US_SALES_TAX" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "INVALID_INPUT", path: ["taxScheme"] });
  });
});
