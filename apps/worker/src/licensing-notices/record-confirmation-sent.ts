import { installationLicensingPolicies, orderDocument, orderOutboxEvents } from "@kontor/api";
import { appendToOutbox, updateLicenseOrder, type KontorTransaction } from "@kontor/db";
import { applyOrderCommand } from "@kontor/licensing";
import type { NoticeOrder } from "./notice-order.js";

/**
 * L3, L10: records on a confirmed license order that its confirmation went out (the package's
 * `record-confirmation-sent` command, as staff's `POST /v1/orders/:id/commands` does): the
 * purchase becomes due at once or on the requested day, or the order goes into manual review;
 * the resulting events go to the outbox. Only an order still `confirmed` is recorded: one that
 * staff moved on by hand, or that was cancelled, is left alone; a service order has no such
 * step. A concurrent change of the order (version conflict) fails the handler, which is retried.
 *
 * @returns whether the order was recorded now
 */
export async function recordConfirmationSent(tx: KontorTransaction, loaded: NoticeOrder, now: Date): Promise<boolean> {
  const { row, order } = loaded;
  if (order.kind !== "license" || order.status !== "confirmed") return false;
  const transition = applyOrderCommand(order, { type: "record-confirmation-sent" }, { asOf: now.toISOString(), policies: await installationLicensingPolicies(tx) });
  if (!transition.ok) throw new Error(`order ${row.id}: record-confirmation-sent refused: ${transition.errors.map((error) => error.code).join(", ")}`);
  const updated = await updateLicenseOrder(tx, row.id, { status: transition.value.order.status, record: orderDocument(transition.value.order) }, row.version, now);
  if (updated === undefined) throw new Error(`order ${row.id} changed meanwhile; retrying`);
  await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, transition.value.events), now);
  return true;
}
