import { organizationOf } from "@kontor/api";
import { findLicenseOrder, type Executor, type LicenseOrderRow } from "@kontor/db";
import { orderSchema, type LicenseOrder } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";

/** A stored license order with the organization that ordered (and pays) it. */
export interface BilledLicenseOrder {
  readonly row: LicenseOrderRow;
  readonly order: LicenseOrder;
  readonly organization: Organization;
}

/**
 * The stored license order `orderId` and its customer. The order's events are written in the
 * transaction that stores it, so a missing order or customer is a broken invariant, not a
 * retryable state.
 */
export async function loadBilledLicenseOrder(executor: Executor, orderId: string): Promise<BilledLicenseOrder> {
  const row = await findLicenseOrder(executor, orderId);
  if (row === undefined) throw new Error(`License order ${orderId} does not exist`);
  const order = orderSchema.parse(row.record);
  if (order.kind !== "license") throw new Error(`Order ${orderId} is a ${order.kind} order, not a license order`);
  const organization = await organizationOf(executor, row.organizationId);
  if (organization === undefined) throw new Error(`Organization ${row.organizationId} of order ${orderId} does not exist`);
  return { row, order, organization };
}
