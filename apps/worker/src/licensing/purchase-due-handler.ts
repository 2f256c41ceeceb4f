import type { KontorTransaction, OutboxRow } from "@kontor/db";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import type { WorkerContext } from "../worker-context.js";
import { purchaseDueOrder } from "./license-purchase-job.js";

/** Outbox topic of a license order whose purchase became due (L3): written when its confirmation is recorded as sent. */
export const PURCHASE_DUE_TOPIC = "licensing.purchase-due";

/**
 * L3: "purchased from the vendor immediately after the confirmation is sent". The order is
 * purchased when its `purchase-due` event is delivered, in the delivery's transaction, instead
 * of waiting for the daily run of `licensing.purchase-due-orders` (which stays as the catch-up
 * for later purchase days and refused orders). An order the package refuses (no technical
 * contact, L4) stays due and is logged; one asked for a later day waits for that day.
 */
export const purchaseDueHandler: OutboxHandler = {
  topics: [PURCHASE_DUE_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const outcome = await purchaseDueOrder(tx, context, event.aggregateId, context.clock.now());
    context.logger.info({ orderId: event.aggregateId, outcome }, "license order purchase on its purchase-due event");
  },
};
