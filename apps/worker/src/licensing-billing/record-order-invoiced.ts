import { installationLicensingPolicies, orderDocument, orderOutboxEvents } from "@kontor/api";
import { appendToOutbox, updateLicenseOrder, type KontorTransaction } from "@kontor/db";
import { applyOrderCommand } from "@kontor/licensing";
import type { BilledLicenseOrder } from "./billed-license-order.js";

/**
 * L5: records on a delivered order that its invoice was issued (the package's `invoice`
 * command: status `invoiced`, the invoice number on the order, `licensing.order-invoiced` to
 * the outbox), as the API's command route does. Only a delivered order can be invoiced: an
 * order whose self-managed keys are still awaited is recorded when its delivery note goes out.
 * A concurrent change of the order (version conflict) fails the handler, which is retried.
 *
 * @returns whether the order was recorded as invoiced now
 */
export async function recordOrderInvoiced(tx: KontorTransaction, billed: BilledLicenseOrder, invoiceNumber: string, now: Date): Promise<boolean> {
  const { row, order } = billed;
  if (order.status !== "delivered") return false;
  const transition = applyOrderCommand(order, { type: "invoice", invoiceNumber }, { asOf: now.toISOString(), policies: await installationLicensingPolicies(tx) });
  if (!transition.ok) throw new Error(`order ${row.id}: invoice refused: ${transition.errors.map((error) => error.code).join(", ")}`);
  const updated = await updateLicenseOrder(tx, row.id, { status: transition.value.order.status, record: orderDocument(transition.value.order) }, row.version, now);
  if (updated === undefined) throw new Error(`order ${row.id} changed meanwhile; retrying`);
  await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, transition.value.events), now);
  return true;
}
