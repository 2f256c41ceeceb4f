import { isSelfManaged } from "../catalog/edition.js";
import type { OrderEvent } from "./order-event.js";
import type { LicenseOrder } from "./order.js";

/**
 * L4 + L18: whether the self-managed keys are visible to the technical contact in the vendor's
 * portal: the licenses are purchased and paid, and the contact's vendor account is verified.
 */
export function keysVisibleToTechnicalContact(order: LicenseOrder): boolean {
  return (
    order.purchasedAt !== null &&
    order.paidOn !== null &&
    order.technicalContact?.vendorAccount === "verified" &&
    order.lines.some((line) => isSelfManaged(line.edition))
  );
}

/**
 * The events a change of payment or verification causes (L4, L18): keys becoming visible to the
 * technical contact, and cloud annual renewals and upgrades taking effect from the payment date.
 */
export function paymentAndVerificationEvents(before: LicenseOrder, after: LicenseOrder, at: string): OrderEvent[] {
  const events: OrderEvent[] = [];
  if (before.paidOn === null && after.paidOn !== null) {
    const cloudChanges = after.lines.filter((line) => !isSelfManaged(line.edition) && line.action !== "new");
    if (cloudChanges.length > 0) {
      events.push({
        type: "cloud-subscription-effective",
        orderId: after.orderId,
        at,
        lineIds: cloudChanges.map((line) => line.lineId),
        effectiveFrom: after.paidOn,
      });
    }
  }
  if (!keysVisibleToTechnicalContact(before) && keysVisibleToTechnicalContact(after) && after.technicalContact !== null) {
    events.push({
      type: "keys-visible-to-technical-contact",
      orderId: after.orderId,
      at,
      email: after.technicalContact.email,
      lineIds: after.lines.filter((line) => isSelfManaged(line.edition)).map((line) => line.lineId),
    });
  }
  return events;
}
