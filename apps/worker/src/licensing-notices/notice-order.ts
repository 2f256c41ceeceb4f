import { organizationOf } from "@kontor/api";
import { findLicenseOrder, type Executor, type LicenseOrderRow, type OutboxRow } from "@kontor/db";
import { orderSchema, type Order } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";

/** A stored order (license or service) with the organization that placed it. */
export interface NoticeOrder {
  readonly row: LicenseOrderRow;
  readonly order: Order;
  readonly organization: Organization;
}

/**
 * The order an order event is about: `orderOutboxEvents` keys the events of both order kinds
 * by the stored order's id (aggregate type `license-order`, the table holds both kinds).
 */
export function orderIdOf(event: OutboxRow): string {
  if (event.aggregateType !== "license-order") throw new Error(`Outbox event ${event.id} (${event.topic}) is about a ${event.aggregateType}, not an order`);
  return event.aggregateId;
}

/**
 * The stored order `orderId` and its customer. The order's events are written in the
 * transaction that stores it, so a missing order or customer is a broken invariant: it fails
 * the event loudly instead of dropping the notice.
 */
export async function loadNoticeOrder(executor: Executor, orderId: string): Promise<NoticeOrder> {
  const row = await findLicenseOrder(executor, orderId);
  if (row === undefined) throw new Error(`Order ${orderId} does not exist`);
  const order = orderSchema.parse(row.record);
  const organization = await organizationOf(executor, row.organizationId);
  if (organization === undefined) throw new Error(`Organization ${row.organizationId} of order ${orderId} does not exist`);
  return { row, order, organization };
}
