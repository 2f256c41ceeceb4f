import { randomUUID } from "node:crypto";
import { appendToOutbox, insertLicenseOrder, updateLicenseOrder, type Executor, type LicenseOrderRow } from "@kontor/db";
import { applyOrderCommand, receiveOrder, type Catalog, type Order, type OrderCommand, type PolicySet } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import { DEMO_PRODUCT } from "./demo-catalog.js";
import { demoValue } from "./demo-result.js";
import { toStoredJson } from "./stored-json.js";
import type { DemoTimeline } from "./demo-timeline.js";
import { orderOutboxEvents } from "@kontor/api";

/** The overdue demo order: its id and the day its purchase fell due. */
export interface DemoPurchaseOrder {
  readonly id: string;
  readonly purchaseDueOn: string;
}

/**
 * An overdue license order (L1, L3, L4): twelve days ago the tax office ordered Jira Cloud
 * Standard for 25 users and asked for the purchase four days ago; the confirmation went out the
 * next day, so the order waits in `purchase-due` with `purchaseDueOn` in the past, which is what
 * the worker's purchase job picks up. Each step runs through `receiveOrder` / `applyOrderCommand`
 * at its own instant and is stored with its outbox events like `POST /v1/orders` and its commands.
 * The technical contact has no Atlassian account yet (L4: verification after the purchase).
 */
export async function seedDemoPurchaseOrder(executor: Executor, catalog: Catalog, policies: PolicySet, timeline: DemoTimeline, customer: Organization): Promise<DemoPurchaseOrder> {
  const id = randomUUID();
  const receivedAt = timeline.at(timeline.day(-12), 10);
  const purchaseDueOn = timeline.day(-4);
  const received = demoValue(
    receiveOrder(
      {
        kind: "license",
        orderId: id,
        customer: { id: customer.id, name: customer.name, zone: customer.zone },
        lines: [{ lineId: "1", productId: DEMO_PRODUCT.jiraCloudAnnual, userTier: 25, action: "new" }],
        confirmationRequirements: { customerPoNumber: "HP-2026-017", addressee: "Steuerkanzlei Hoffmann & Partner, z. Hd. Jonas Hoffmann" },
        requestedPurchaseDate: purchaseDueOn,
        technicalContact: { fullName: "Jonas Hoffmann", email: "j.hoffmann@kanzlei-hoffmann.de", hasVendorAccount: false },
      },
      { asOf: receivedAt.toISOString(), catalog, policies },
    ),
    "the Jira Cloud order",
  );
  let row: LicenseOrderRow = await insertLicenseOrder(
    executor,
    { id, organizationId: customer.id, quoteId: null, kind: received.order.kind, status: received.order.status, record: toStoredJson(received.order) },
    receivedAt,
  );
  await appendToOutbox(executor, orderOutboxEvents(id, row.version, received.events), receivedAt);

  const steps: readonly { readonly command: OrderCommand; readonly at: Date }[] = [
    { command: { type: "confirm" }, at: timeline.at(timeline.day(-12), 11) },
    { command: { type: "record-confirmation-sent" }, at: timeline.at(timeline.day(-11), 8, 30) },
  ];
  let order: Order = received.order;
  for (const { command, at } of steps) {
    const transition = demoValue(applyOrderCommand(order, command, { asOf: at.toISOString(), policies }), `order command ${command.type}`);
    const updated = await updateLicenseOrder(executor, id, { status: transition.order.status, record: toStoredJson(transition.order) }, row.version, at);
    if (updated === undefined) throw new Error(`demo scenario: order ${id} changed while seeding`);
    await appendToOutbox(executor, orderOutboxEvents(id, updated.version, transition.events), at);
    order = transition.order;
    row = updated;
  }
  if (order.kind !== "license" || order.status !== "purchase-due" || order.purchaseDueOn !== purchaseDueOn) {
    throw new Error(`demo scenario: the order should be due for purchase on ${purchaseDueOn}, is ${order.status}`);
  }
  return { id, purchaseDueOn };
}
