import type { LicenseOrderInput, OrderInput, ServiceOrderInput } from "../orders/order-input.js";
import type { LicenseOrder, Order, ServiceOrder } from "../orders/order.js";
import { applyOrderCommand } from "../orders/apply-order-command.js";
import type { OrderCommand } from "../orders/order-command.js";
import { receiveOrder } from "../orders/receive-order.js";
import { TEST_CATALOG } from "./fixtures.js";
import { valueOf } from "./expect-result.js";

/** A license order: one Data Center license and one cloud annual subscription. */
export const LICENSE_ORDER_INPUT: LicenseOrderInput = {
  kind: "license",
  orderId: "A-2026-0042",
  customer: { id: "C-100", name: "Muster GmbH" },
  lines: [
    { lineId: "1", productId: "jira-dc", userTier: 500 },
    { lineId: "2", productId: "jira-cloud-annual", userTier: 100 },
  ],
  confirmationRequirements: { addressee: "Muster GmbH, Einkauf, z. Hd. Frau Meier", customerPoNumber: "PO-7781" },
  technicalContact: { fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: false },
};

/** A service order for a workshop. */
export const SERVICE_ORDER_INPUT: ServiceOrderInput = {
  kind: "service",
  orderId: "S-2026-0007",
  customer: { id: "C-100", name: "Muster GmbH" },
  services: [{ description: "Jira workshop", quantity: "2", unit: "days" }],
  responsibleTeam: "Atlassian consulting",
};

/** Receives `input` at `asOf` (tests only). */
export function received(input: OrderInput, asOf = "2026-03-17T10:00:00+01:00"): Order {
  return valueOf(receiveOrder(input, { asOf, catalog: TEST_CATALOG })).order;
}

/** Applies `commands` in order at `asOf`, failing the test on any error. */
export function drive(order: Order, commands: readonly OrderCommand[], asOf = "2026-03-17T11:00:00+01:00"): Order {
  return commands.reduce((current, command) => valueOf(applyOrderCommand(current, command, { asOf })).order, order);
}

/** One license order in each status of the lifecycle, reached through the real transitions. */
export function licenseOrdersByStatus(): Readonly<Record<LicenseOrder["status"], Order>> {
  const base = received(LICENSE_ORDER_INPUT);
  const reviewed = received({ ...LICENSE_ORDER_INPUT, manualReviewRequired: true });
  const confirmed = drive(base, [{ type: "confirm" }]);
  const due = drive(confirmed, [{ type: "record-confirmation-sent" }]);
  const purchased = drive(due, [{ type: "purchase", vendorOrderRef: "AT-1" }]);
  const delivered = drive(purchased, [{ type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }]);
  return {
    received: base,
    confirmed,
    "in-review": drive(reviewed, [{ type: "confirm" }, { type: "record-confirmation-sent" }]),
    "purchase-due": due,
    purchased,
    delivered,
    invoiced: drive(delivered, [{ type: "invoice", invoiceNumber: "R-1" }]),
    cancelled: drive(base, [{ type: "cancel", reason: "Customer withdrew" }]),
  };
}

/** One service order in each status. */
export function serviceOrdersByStatus(): Readonly<Record<ServiceOrder["status"], Order>> {
  const base = received(SERVICE_ORDER_INPUT);
  const confirmed = drive(base, [{ type: "confirm" }]);
  return {
    received: base,
    confirmed,
    "customer-contacted": drive(confirmed, [{ type: "record-customer-contact" }]),
    cancelled: drive(base, [{ type: "cancel", reason: "Customer withdrew" }]),
  };
}
