import type { OrderCommandType } from "./order-command.js";
import type { LicenseOrderStatus, Order, ServiceOrderStatus } from "./order.js";

/** Per status, the commands it accepts and the statuses each can lead to. */
export type Lifecycle<S extends string> = Readonly<Record<S, Readonly<Partial<Record<OrderCommandType, readonly S[]>>>>>;

/**
 * The license order lifecycle (L1, L3–L5, L10, L18): received → confirmed → (in-review) →
 * purchase-due → purchased → delivered → invoiced; cancellable until the purchase. The
 * technical contact can be registered until the purchase, and replaced after it while the
 * contact has not verified a vendor account (L4, checked by the command:
 * `L4_TECHNICAL_CONTACT_VERIFIED`); payment and the contact's verification are recorded whenever
 * they happen after it. Every other pair is rejected.
 */
export const LICENSE_ORDER_TRANSITIONS: Lifecycle<LicenseOrderStatus> = {
  received: { confirm: ["confirmed"], "register-technical-contact": ["received"], cancel: ["cancelled"] },
  confirmed: {
    "record-confirmation-sent": ["in-review", "purchase-due"],
    "register-technical-contact": ["confirmed"],
    cancel: ["cancelled"],
  },
  "in-review": {
    "complete-review": ["purchase-due", "cancelled"],
    "register-technical-contact": ["in-review"],
    cancel: ["cancelled"],
  },
  "purchase-due": { purchase: ["purchased"], "register-technical-contact": ["purchase-due"], cancel: ["cancelled"] },
  purchased: {
    deliver: ["delivered"],
    "record-vendor-payment": ["purchased"],
    "record-contact-verified": ["purchased"],
    "register-technical-contact": ["purchased"],
  },
  delivered: {
    invoice: ["invoiced"],
    "record-vendor-payment": ["delivered"],
    "record-contact-verified": ["delivered"],
    "register-technical-contact": ["delivered"],
  },
  invoiced: { "record-vendor-payment": ["invoiced"], "record-contact-verified": ["invoiced"], "register-technical-contact": ["invoiced"] },
  cancelled: {},
};

/**
 * The service order lifecycle (L1, L2): received → confirmed (with the contact task) →
 * customer-contacted; cancellable until the customer is contacted.
 */
export const SERVICE_ORDER_TRANSITIONS: Lifecycle<ServiceOrderStatus> = {
  received: { confirm: ["confirmed"], cancel: ["cancelled"] },
  confirmed: { "record-customer-contact": ["customer-contacted"], cancel: ["cancelled"] },
  "customer-contacted": {},
  cancelled: {},
};

/** The statuses `command` may lead to from the order's status; empty when the lifecycle has no such transition. */
export function nextStatuses(order: Pick<Order, "kind" | "status">, command: OrderCommandType): readonly string[] {
  const table: Readonly<Record<string, Readonly<Partial<Record<OrderCommandType, readonly string[]>>>>> =
    order.kind === "license" ? LICENSE_ORDER_TRANSITIONS : SERVICE_ORDER_TRANSITIONS;
  return table[order.status]?.[command] ?? [];
}

/** The commands the order accepts in its current status. */
export function allowedCommands(order: Pick<Order, "kind" | "status">): readonly OrderCommandType[] {
  const table: Readonly<Record<string, Readonly<Partial<Record<OrderCommandType, readonly string[]>>>>> =
    order.kind === "license" ? LICENSE_ORDER_TRANSITIONS : SERVICE_ORDER_TRANSITIONS;
  return Object.keys(table[order.status] ?? {}) as OrderCommandType[];
}
