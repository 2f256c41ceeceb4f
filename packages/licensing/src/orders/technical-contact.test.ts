import { describe, expect, it } from "vitest";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { LICENSE_ORDER_INPUT, drive, received } from "../testing/order-fixtures.js";
import { applyOrderCommand } from "./apply-order-command.js";
import { keysVisibleToTechnicalContact } from "./key-visibility.js";
import { orderSchema } from "./order-schema.js";
import type { LicenseOrder, Order } from "./order.js";

const license = (order: Order): LicenseOrder => {
  if (order.kind !== "license") throw new Error("expected a license order");
  return order;
};

/** Ordered with a mistyped address of a person without vendor account (L4: verification after the purchase). */
const TYPO_CONTACT = { fullName: "Tom Technik", email: "tom@typo.example", hasVendorAccount: false };
const CORRECTED = { type: "register-technical-contact", fullName: "Tom Technik", email: "tom@example.com", hasVendorAccount: false } as const;
const PETRA = { actor: "user-petra" };

/** Purchased and paid on 2026-03-17; the contact's verification is pending. */
function purchasedWithTypo(): LicenseOrder {
  const due = drive(received({ ...LICENSE_ORDER_INPUT, technicalContact: TYPO_CONTACT }), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
  const purchase = valueOf(applyOrderCommand(due, { type: "purchase", paidOn: "2026-03-17" }, { asOf: "2026-03-17T12:00:00Z" }));
  expect(purchase.events.map((event) => event.type)).toEqual(["vendor-verification-pending", "invoice-due"]);
  return license(purchase.order);
}

describe("technical contact after the purchase (L4, L18)", () => {
  it("L4: a pending contact is replaced after the purchase; the new one's verification is requested afresh and the history records who changed it", () => {
    const order = purchasedWithTypo();
    expect(order.technicalContact).toEqual({ fullName: "Tom Technik", email: "tom@typo.example", vendorAccount: "verification-pending" });

    const replaced = valueOf(applyOrderCommand(order, CORRECTED, { asOf: "2026-03-18T09:00:00Z", ...PETRA }));
    expect(replaced.order.status).toBe("purchased");
    expect(license(replaced.order).technicalContact).toEqual({ fullName: "Tom Technik", email: "tom@example.com", vendorAccount: "verification-pending" });
    expect(replaced.events).toEqual([
      {
        type: "technical-contact-changed",
        orderId: "A-2026-0042",
        at: "2026-03-18T09:00:00.000Z",
        previousEmail: "tom@typo.example",
        email: "tom@example.com",
        changedBy: "user-petra",
      },
      { type: "vendor-verification-pending", orderId: "A-2026-0042", at: "2026-03-18T09:00:00.000Z", email: "tom@example.com" },
    ]);
    expect(license(replaced.order).technicalContactChanges).toEqual([
      { at: "2026-03-18T09:00:00.000Z", changedBy: "user-petra", previousEmail: "tom@typo.example", fullName: "Tom Technik", email: "tom@example.com", afterPurchase: true },
    ]);
    // The history survives storing the order as JSON.
    expect(license(orderSchema.parse(JSON.parse(JSON.stringify(replaced.order)))).technicalContactChanges).toHaveLength(1);
  });

  it("L4 + L18: a late verification of the replaced address makes no keys visible; the new contact's verification does", () => {
    const replaced = valueOf(applyOrderCommand(purchasedWithTypo(), CORRECTED, { asOf: "2026-03-18T09:00:00Z", ...PETRA })).order;

    const late = applyOrderCommand(replaced, { type: "record-contact-verified", email: "tom@typo.example" }, { asOf: "2026-03-18T10:00:00Z" });
    expect(errorsOf(late)).toMatchObject([
      {
        code: "L4_VERIFICATION_NOT_FOR_TECHNICAL_CONTACT",
        path: ["email"],
        details: { email: "tom@typo.example", technicalContactEmail: "tom@example.com" },
        message: "tom@typo.example was replaced as technical contact of order A-2026-0042 by tom@example.com at 2026-03-18T09:00:00.000Z; its verification does not count",
      },
    ]);
    expect(keysVisibleToTechnicalContact(license(replaced))).toBe(false);

    const verified = valueOf(applyOrderCommand(replaced, { type: "record-contact-verified", email: "Tom@Example.com" }, { asOf: "2026-03-18T11:00:00Z" }));
    expect(license(verified.order).technicalContact?.vendorAccount).toBe("verified");
    expect(verified.events).toEqual([
      { type: "keys-visible-to-technical-contact", orderId: "A-2026-0042", at: "2026-03-18T11:00:00.000Z", email: "tom@example.com", lineIds: ["1"] },
    ]);
    // Verified now: the replaced address still does not count, and nothing is pending any more.
    expect(codesOf(applyOrderCommand(verified.order, { type: "record-contact-verified", email: "tom@typo.example" }, { asOf: "2026-03-18T12:00:00Z" }))).toEqual([
      "L4_VERIFICATION_NOT_FOR_TECHNICAL_CONTACT",
    ]);
    expect(codesOf(applyOrderCommand(verified.order, { type: "record-contact-verified" }, { asOf: "2026-03-18T12:00:00Z" }))).toEqual(["L4_VERIFICATION_NOT_PENDING"]);
  });

  it("L4 + L18: a new contact who already has a vendor account sees the keys of a paid order at once", () => {
    const replaced = valueOf(applyOrderCommand(purchasedWithTypo(), { ...CORRECTED, hasVendorAccount: true }, { asOf: "2026-03-18T09:00:00Z", ...PETRA }));
    expect(license(replaced.order).technicalContact?.vendorAccount).toBe("verified");
    expect(replaced.events.map((event) => [event.type, "email" in event ? event.email : null])).toEqual([
      ["technical-contact-changed", "tom@example.com"],
      ["keys-visible-to-technical-contact", "tom@example.com"],
    ]);
  });

  it("L4 + L18: a contact who verified is not replaced (L4_TECHNICAL_CONTACT_VERIFIED), the order is unchanged", () => {
    const verified = valueOf(applyOrderCommand(purchasedWithTypo(), { type: "record-contact-verified" }, { asOf: "2026-03-18T08:00:00Z" })).order;
    const refused = applyOrderCommand(verified, CORRECTED, { asOf: "2026-03-18T09:00:00Z", ...PETRA });
    expect(errorsOf(refused)).toMatchObject([
      { code: "L4_TECHNICAL_CONTACT_VERIFIED", path: ["technicalContact", "vendorAccount"], details: { email: "tom@typo.example" } },
    ]);
    // Also a contact who had a vendor account at the purchase (keys not yet visible: unpaid).
    const withAccount = { ...LICENSE_ORDER_INPUT, technicalContact: { ...TYPO_CONTACT, hasVendorAccount: true } };
    const unpaid = drive(received(withAccount), [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase" }]);
    expect(codesOf(applyOrderCommand(unpaid, CORRECTED, { asOf: "2026-03-18T09:00:00Z" }))).toEqual(["L4_TECHNICAL_CONTACT_VERIFIED"]);
  });

  it("L4: a pending contact can be replaced in every status after the purchase (delivered, invoiced), not in a cancelled order", () => {
    const delivered = drive(purchasedWithTypo(), [{ type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }]);
    const invoiced = drive(delivered, [{ type: "invoice", invoiceNumber: "RE-2026-100" }]);
    for (const order of [delivered, invoiced]) {
      const replaced = valueOf(applyOrderCommand(order, CORRECTED, { asOf: "2026-03-19T09:00:00Z" }));
      expect([replaced.order.status, license(replaced.order).technicalContact?.email]).toEqual([order.status, "tom@example.com"]);
      expect(replaced.events.map((event) => event.type)).toEqual(["technical-contact-changed", "vendor-verification-pending"]);
      expect(license(replaced.order).technicalContactChanges[0]?.changedBy).toBeNull();
    }
    const cancelled = drive(received(LICENSE_ORDER_INPUT), [{ type: "cancel", reason: "Customer withdrew" }]);
    expect(codesOf(applyOrderCommand(cancelled, CORRECTED, { asOf: "2026-03-19T09:00:00Z" }))).toEqual(["ORDER_TRANSITION_NOT_ALLOWED"]);
  });

  it("L4: replacing the contact before the purchase works as before: no events, and the purchase asks the new contact to verify", () => {
    const due = drive(received({ ...LICENSE_ORDER_INPUT, technicalContact: TYPO_CONTACT }), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    const replaced = valueOf(applyOrderCommand(due, CORRECTED, { asOf: "2026-03-17T11:30:00Z", ...PETRA }));
    expect(replaced.events).toEqual([]);
    expect(replaced.order.status).toBe("purchase-due");
    expect(license(replaced.order).technicalContact).toEqual({ fullName: "Tom Technik", email: "tom@example.com", vendorAccount: "none" });
    expect(license(replaced.order).technicalContactChanges).toEqual([
      { at: "2026-03-17T11:30:00.000Z", changedBy: "user-petra", previousEmail: "tom@typo.example", fullName: "Tom Technik", email: "tom@example.com", afterPurchase: false },
    ]);
    const purchase = valueOf(applyOrderCommand(replaced.order, { type: "purchase" }, { asOf: "2026-03-17T12:00:00Z" }));
    expect(purchase.events.filter((event) => event.type === "vendor-verification-pending")).toMatchObject([{ email: "tom@example.com" }]);
  });

  it("P2 + L4: an order stored before contact changes were recorded loads with an empty history", () => {
    const stored = JSON.parse(JSON.stringify(purchasedWithTypo())) as Record<string, unknown>;
    delete stored["technicalContactChanges"];
    const loaded = license(orderSchema.parse(stored));
    expect(loaded.technicalContactChanges).toEqual([]);
    expect(valueOf(applyOrderCommand(loaded, CORRECTED, { asOf: "2026-03-18T09:00:00Z" })).order.status).toBe("purchased");
  });
});
