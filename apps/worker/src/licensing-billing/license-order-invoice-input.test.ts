import { MUELLER } from "@kontor/api/testing";
import { composeInvoice, unwrap } from "@kontor/invoicing";
import { receiveOrder, type LicenseOrder } from "@kontor/licensing";
import { DEFAULT_TERMS_POLICY_SET } from "@kontor/terms";
import { describe, expect, it } from "vitest";
import { DEFAULT_BILLING_SETTINGS } from "../billing/billing-settings.js";
import { ATLASSIAN_TEST_CATALOG } from "../licensing/testing/atlassian-test-catalog.js";
import { licenseOrderInvoiceInput } from "./license-order-invoice-input.js";

const CATALOG = ATLASSIAN_TEST_CATALOG;

/** An order with quoted prices (the quote applied any discount, L8/L14), purchased 2026-06-14T22:30Z (00:30 on the 15th in Berlin). */
function purchasedOrder(): LicenseOrder {
  const received = receiveOrder(
    {
      kind: "license",
      orderId: "order-quoted",
      customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
      lines: [
        { lineId: "1", productId: "confluence-cloud", userTier: 100, action: "new", quantity: 2, unitPrice: { amount: "5500.00", currency: "EUR" } },
        { lineId: "2", productId: "confluence-cloud", userTier: 100, action: "new", quantity: 3, unitPrice: { amount: "33.333", currency: "EUR" } },
      ],
    },
    { asOf: "2026-06-01T09:00:00+02:00", catalog: CATALOG },
  );
  if (!received.ok) throw new Error(received.errors.map((error) => error.code).join(", "));
  return { ...(received.value.order as LicenseOrder), status: "purchased", purchasedAt: "2026-06-14T22:30:00.000Z" };
}

describe("licenseOrderInvoiceInput (L5)", () => {
  it("L5, T5: bills each line at the order's amount: 2 × 5,500.00 per license; 3 × 33.333 = 99.999 → 100.00 as one lump, never re-rounded", () => {
    const input = licenseOrderInvoiceInput(purchasedOrder(), MUELLER, DEFAULT_BILLING_SETTINGS, "2026-06-15", DEFAULT_TERMS_POLICY_SET);
    const draft = unwrap(composeInvoice(input));
    expect(draft.lines.map((line) => [line.quantity, line.unitPrice.toFixed(), line.netAmount.toFixed(), line.detail])).toEqual([
      ["2", "5500.00", "11000.00", "Neukauf, Cloud"],
      ["1", "100.00", "100.00", "Neukauf, Cloud; 3 Lizenzen"],
    ]);
    expect(draft.totals.lineNetTotal.toFixed()).toBe("11100.00");
    // L5/T3: supplied on the purchase day in the customer's zone (P2), not the UTC date 2026-06-14.
    expect(draft.deliveryDate).toBe("2026-06-15");
  });
});
