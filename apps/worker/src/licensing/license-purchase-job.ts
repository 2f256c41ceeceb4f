import { applyLicenseDelivery, installationLicensingPolicies, loadLicenseCatalog, orderDocument, orderOutboxEvents } from "@kontor/api";
import { appendToOutbox, findLicenseOrder, findLicenseQuote, listLicenseOrdersInStatus, updateLicenseOrder, type KontorTransaction } from "@kontor/db";
import { applyOrderCommand, isSelfManaged, orderSchema, type LicenseOrder, type OrderEvent, type PolicySet } from "@kontor/licensing";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import type { WorkerContext } from "../worker-context.js";
import { localDay } from "./local-day.js";

/** What became of one due order in a run. */
export type PurchaseOutcome = "purchased" | "purchased-and-delivered" | "not-due" | "refused" | "changed-meanwhile";

/**
 * Purchases one order whose purchase is due (L3), in `tx`: the package's `purchase`
 * command (refused without a technical contact, L4), and for an order of cloud lines only the
 * `deliver` command at once (L5: no keys, the instances are live from purchase, the delivery
 * note says so) with the customer's licenses: new ones with their first term, renewals and
 * upgrades applied to the license they name (`applyLicenseDelivery`, L15, L18, L19). The
 * order's events (invoice due within the policy's day, verification pending, delivery note to
 * send, …) go to the outbox exactly as the API's order commands write them. Self-managed lines wait for their keys from the vendor
 * and are delivered by staff.
 *
 * `policies`: the installation's licensing policies (P1), read once by a job run for all its
 * orders; absent, they are read here.
 */
export async function purchaseDueOrder(tx: KontorTransaction, context: WorkerContext, orderId: string, now: Date, policies?: PolicySet): Promise<PurchaseOutcome> {
  const row = await findLicenseOrder(tx, orderId);
  if (row === undefined || row.status !== "purchase-due") return "changed-meanwhile";
  const order = orderSchema.parse(row.record);
  if (order.kind !== "license") return "changed-meanwhile";
  // L3: due on the requested day in the customer's zone; the package checks it again.
  if (order.purchaseDueOn !== null && localDay(now, order.customer.zone) < order.purchaseDueOn) return "not-due";
  const asOf = now.toISOString();
  const inForce = policies ?? (await installationLicensingPolicies(tx));
  const purchase = applyOrderCommand(order, { type: "purchase" }, { asOf, policies: inForce });
  if (!purchase.ok) {
    context.logger.warn({ orderId, errors: purchase.errors.map((error) => error.code) }, "due license purchase refused");
    return "refused";
  }
  let next = purchase.value.order as LicenseOrder;
  const events: OrderEvent[] = [...purchase.value.events];
  const cloudOnly = next.lines.every((line) => !isSelfManaged(line.edition));
  if (cloudOnly) {
    const delivery = applyOrderCommand(next, { type: "deliver", keys: [] }, { asOf, policies: inForce });
    if (!delivery.ok) throw new Error(`order ${orderId}: delivery refused: ${delivery.errors.map((error) => error.code).join(", ")}`);
    next = delivery.value.order as LicenseOrder;
    events.push(...delivery.value.events);
  }
  const updated = await updateLicenseOrder(tx, row.id, { status: next.status, record: orderDocument(next) }, row.version, now);
  if (updated === undefined) return "changed-meanwhile";
  if (cloudOnly) {
    // L15, L18, L19: the same license changes as a staff delivery (terms, renewals, upgrades).
    const quote = row.quoteId === null ? undefined : await findLicenseQuote(tx, row.quoteId);
    await applyLicenseDelivery(
      tx,
      { order: next, organizationId: row.organizationId, catalog: await loadLicenseCatalog(tx), policies: inForce, keys: new Map(), quoteRequest: quote?.request, phase: "delivery", asOf },
      now,
    );
  }
  await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, events), now);
  return cloudOnly ? "purchased-and-delivered" : "purchased";
}

/**
 * L3, L5: license orders whose purchase is due (status `purchase-due`, the requested purchase
 * day reached in the customer's zone) are purchased. Idempotent: a purchased order leaves the
 * `purchase-due` status, and the version check makes a concurrent staff command win cleanly.
 * Orders the package refuses (no technical contact, L4) stay due and are reported.
 */
export const licensePurchaseJob: ScheduledJob = {
  name: "licensing.purchase-due-orders",
  cron: "0 7 * * *",
  expireInSeconds: 15 * 60,
  async run(context, now): Promise<JobSummary> {
    const due = await listLicenseOrdersInStatus(context.database.db, "license", "purchase-due");
    const counts: Record<PurchaseOutcome, number> = { purchased: 0, "purchased-and-delivered": 0, "not-due": 0, refused: 0, "changed-meanwhile": 0 };
    const refusedOrders: string[] = [];
    // P1: one read of the installation's policies for the whole run, not one per order.
    const policies = due.length === 0 ? undefined : await installationLicensingPolicies(context.database.db);
    for (const row of due) {
      const outcome = await context.database.db.transaction((tx) => purchaseDueOrder(tx, context, row.id, now, policies));
      counts[outcome] += 1;
      if (outcome === "refused") refusedOrders.push(row.id);
    }
    return { ...counts, refusedOrders };
  },
};
