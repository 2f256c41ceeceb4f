import { describe, expect, it } from "vitest";
import { composeOrderConfirmation, unwrap } from "../index.js";
import { licenseOrderConfirmation } from "../test-support/fixtures.js";

describe("composeOrderConfirmation (L1)", () => {
  it("keeps the PO number and addressee and computes T5 totals", () => {
    const confirmation = unwrap(composeOrderConfirmation(licenseOrderConfirmation()));
    expect(confirmation.customerOrderNumber).toBe("BEST-2026-4711");
    expect(confirmation.addressee?.attention).toBe("Herr Jonas Weber");
    expect(confirmation.items.map((item) => item.netAmount.toFixed())).toEqual(["27500.00", "6050.00"]);
    expect(confirmation.totals.lineNetTotal.toFixed()).toBe("33550.00");
    expect(confirmation.totals.taxTotal.toFixed()).toBe("6374.50");
    expect(confirmation.totals.grandTotal.toFixed()).toBe("39924.50");
    expect(Object.isFrozen(confirmation.items[0])).toBe(true);
  });

  it("refuses items in another currency and a purchase date on a service order (L3)", () => {
    const input = licenseOrderConfirmation();
    const result = composeOrderConfirmation({
      ...input,
      orderKind: "service",
      licensePurchaseDate: "2026-02-01",
      items: [{ ...input.items[0]!, unitPrice: { amount: "100.00", currency: "USD" } }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => [error.code, error.path.join(".")])).toEqual([
        ["CURRENCY_MISMATCH", "items.0.unitPrice.currency"],
        ["INVALID_INPUT", "licensePurchaseDate"],
      ]);
    }
  });

  it("reports a missing item list with its path", () => {
    const result = composeOrderConfirmation({ ...licenseOrderConfirmation(), items: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "INVALID_INPUT", path: ["items"] });
  });
});
