import { openSecret } from "@kontor/db";
import type { DeliveredLicense, DeliveryNoteInput } from "@kontor/invoicing";
import type { LicenseOrder } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import type { DeliveryNoteEvent } from "./delivery-note-event.js";

/**
 * One delivered license (L5): product and tier from the order line, the key the event carries
 * (opened here, only for the document that goes to the purchaser, L13); a cloud license has no
 * key and the PDF states that its instance is live since the purchase.
 */
function deliveredLicense(item: DeliveryNoteEvent["document"]["items"][number], order: LicenseOrder): DeliveredLicense {
  const line = order.lines.find((candidate) => candidate.lineId === item.lineId);
  if (line === undefined) throw new Error(`Order ${order.orderId} has no line ${item.lineId} for its delivery note`);
  return {
    product: `${line.productName}, ${line.userTier} Nutzer`,
    // The number of licenses; the tier is part of the product, as on the invoice.
    quantity: String(line.quantity),
    deployment: line.edition,
    ...(item.sealedKey === null ? {} : { licenseKey: openSecret(item.sealedKey) }),
    ...(line.sen === null ? {} : { sen: line.sen }),
    ...(line.siteUrl === null ? {} : { cloudSiteUrl: line.siteUrl }),
  };
}

/**
 * The delivery note document of an order's delivery (L5) for `@kontor/invoicing`: numbered,
 * dated the delivery day, the organization as customer with the addressee the customer asked
 * for (L1) at its address, its own order number, and the invoice it belongs to.
 */
export function deliveryNoteInput(
  event: DeliveryNoteEvent,
  order: LicenseOrder,
  organization: Organization,
  settings: BillingSettings,
  numbers: { readonly deliveryNote: string; readonly invoice: string },
): DeliveryNoteInput {
  const { document } = event;
  const customer = buyerOf(organization);
  return {
    number: numbers.deliveryNote,
    issueDate: document.deliveredOn,
    seller: settings.seller,
    customer,
    ...(document.addressee === organization.name ? {} : { addressee: { name: document.addressee, address: customer.address } }),
    invoiceNumber: numbers.invoice,
    orderNumber: order.orderId,
    ...(document.customerPoNumber === null ? {} : { customerOrderNumber: document.customerPoNumber }),
    licenses: document.items.map((item) => deliveredLicense(item, order)),
  };
}
