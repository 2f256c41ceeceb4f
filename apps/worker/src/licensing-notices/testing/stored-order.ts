import { orderDocument, orderOutboxEvents } from "@kontor/api";
import { appendToOutbox, findLicenseOrder, insertLicenseOrder, updateLicenseOrder, type DatabaseHandle } from "@kontor/db";
import { applyOrderCommand, orderSchema, receiveOrder, type Order, type OrderCommand, type OrderInput } from "@kontor/licensing";
import { ATLASSIAN_TEST_CATALOG } from "../../licensing/testing/atlassian-test-catalog.js";

/**
 * Receives `input` for `organizationId` at `receivedAt` and stores it with its events, as
 * `POST /v1/orders` does (tests).
 */
export async function storeReceivedOrder(database: DatabaseHandle, organizationId: string, input: OrderInput, receivedAt: Date): Promise<Order> {
  const received = receiveOrder(input, { asOf: receivedAt.toISOString(), catalog: ATLASSIAN_TEST_CATALOG });
  if (!received.ok) throw new Error(received.errors.map((error) => `${error.code} ${error.message}`).join(", "));
  const { order, events } = received.value;
  await database.db.transaction(async (tx) => {
    const row = await insertLicenseOrder(tx, { id: order.orderId, organizationId, quoteId: null, kind: order.kind, status: order.status, record: orderDocument(order) }, receivedAt);
    await appendToOutbox(tx, orderOutboxEvents(order.orderId, row.version, events), receivedAt);
  });
  return order;
}

/**
 * Applies `command` to the stored order at `at` and stores the result with its events, as
 * `POST /v1/orders/:id/commands` does (tests).
 */
export async function applyStoredOrderCommand(database: DatabaseHandle, orderId: string, command: OrderCommand, at: Date): Promise<Order> {
  return database.db.transaction(async (tx) => {
    const row = await findLicenseOrder(tx, orderId);
    if (row === undefined) throw new Error(`no order ${orderId}`);
    const transition = applyOrderCommand(orderSchema.parse(row.record), command, { asOf: at.toISOString() });
    if (!transition.ok) throw new Error(transition.errors.map((error) => `${error.code} ${error.message}`).join(", "));
    const updated = await updateLicenseOrder(tx, row.id, { status: transition.value.order.status, record: orderDocument(transition.value.order) }, row.version, at);
    if (updated === undefined) throw new Error("version conflict");
    await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, transition.value.events), at);
    return transition.value.order;
  });
}
