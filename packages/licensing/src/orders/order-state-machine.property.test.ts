import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LICENSE_ORDER_INPUT, SERVICE_ORDER_INPUT, licenseOrdersByStatus, received, serviceOrdersByStatus } from "../testing/order-fixtures.js";
import { applyOrderCommand } from "./apply-order-command.js";
import { ORDER_COMMAND_TYPES, type OrderCommand, type OrderCommandType } from "./order-command.js";
import { nextStatuses } from "./order-lifecycle.js";
import { LICENSE_ORDER_STATUSES, type Order, SERVICE_ORDER_STATUSES } from "./order.js";

/** Well-formed commands of every type, so that only the lifecycle (or a rule) can refuse them. */
const COMMANDS: Readonly<Record<OrderCommandType, readonly OrderCommand[]>> = {
  confirm: [{ type: "confirm" }],
  "record-confirmation-sent": [{ type: "record-confirmation-sent" }],
  "complete-review": [
    { type: "complete-review", approved: true },
    { type: "complete-review", approved: false, reason: "Declined" },
  ],
  "register-technical-contact": [{ type: "register-technical-contact", fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: true }],
  purchase: [{ type: "purchase" }, { type: "purchase", vendorOrderRef: "AT-1", paidOn: "2026-03-17" }],
  "record-vendor-payment": [{ type: "record-vendor-payment", paidOn: "2026-03-17" }],
  "record-contact-verified": [{ type: "record-contact-verified" }],
  deliver: [{ type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }],
  invoice: [{ type: "invoice", invoiceNumber: "R-1" }],
  "record-customer-contact": [{ type: "record-customer-contact" }],
  cancel: [{ type: "cancel", reason: "Customer withdrew" }],
};

const anyCommand = fc.constantFrom(...ORDER_COMMAND_TYPES).chain((type) => fc.constantFrom(...COMMANDS[type]));
const context = { asOf: "2026-03-17T12:00:00+01:00" };

/** The lifecycle property for one step: refused exactly when the table has no such transition. */
function checkStep(order: Order, command: OrderCommand): Order {
  const allowed = nextStatuses(order, command.type);
  const result = applyOrderCommand(order, command, context);
  if (allowed.length === 0) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.code)).toEqual(["ORDER_TRANSITION_NOT_ALLOWED"]);
    return order;
  }
  if (!result.ok) {
    // An allowed transition may still break a rule (L4, L5, …) but never the lifecycle.
    expect(result.errors.map((error) => error.code)).not.toContain("ORDER_TRANSITION_NOT_ALLOWED");
    return order;
  }
  expect(allowed).toContain(result.value.order.status);
  return result.value.order;
}

describe("order state machine (property)", () => {
  const byStatus = [...Object.values(licenseOrdersByStatus()), ...Object.values(serviceOrdersByStatus())];

  it("reaches every status of both lifecycles through real transitions", () => {
    expect(byStatus.map((order) => `${order.kind}:${order.status}`)).toEqual([
      ...LICENSE_ORDER_STATUSES.map((status) => `license:${status}`),
      ...SERVICE_ORDER_STATUSES.map((status) => `service:${status}`),
    ]);
  });

  it("L1–L5, L10, L18: rejects every (state, command) pair not in the lifecycle and accepts only lifecycle successors", () => {
    fc.assert(
      fc.property(fc.constantFrom(...byStatus), anyCommand, (order, command) => {
        checkStep(order, command);
      }),
      { numRuns: 500 },
    );
  });

  it("L1–L5, L10, L18: random command sequences only ever move along the lifecycle", () => {
    const start = fc.constantFrom(
      received(LICENSE_ORDER_INPUT),
      received({ ...LICENSE_ORDER_INPUT, manualReviewRequired: true }),
      received(SERVICE_ORDER_INPUT),
    );
    fc.assert(
      fc.property(start, fc.array(anyCommand, { maxLength: 25 }), (initial, commands) => {
        commands.reduce(checkStep, initial);
      }),
      { numRuns: 300 },
    );
  });

  it("cancelled and contacted orders accept nothing; invoiced ones only payment and verification records and (L4) a new technical contact", () => {
    const invoicedAccepts: readonly string[] = ["record-vendor-payment", "record-contact-verified", "register-technical-contact"];
    for (const order of byStatus.filter((candidate) => ["invoiced", "cancelled", "customer-contacted"].includes(candidate.status))) {
      for (const type of ORDER_COMMAND_TYPES) {
        if (order.status === "invoiced" && invoicedAccepts.includes(type)) continue;
        const result = applyOrderCommand(order, COMMANDS[type][0]!, context);
        expect(result.ok).toBe(false);
      }
    }
  });
});
