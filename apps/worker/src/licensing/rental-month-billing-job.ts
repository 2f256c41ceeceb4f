import { installationLicensingPolicies } from "@kontor/api";
import { lastDayOfMonth } from "@kontor/calendar";
import { appendToOutbox, listRentalSubscriptions, type KeysetPosition, type OutboxEvent, type RentalSubscriptionRow } from "@kontor/db";
import { rentalMonthCharge, rentalSubscriptionSchema, type PolicySet } from "@kontor/licensing";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import type { WorkerContext } from "../worker-context.js";
import { lastCompletedMonth } from "./billing-month.js";
import { rentalInvoiceDueEvent } from "./rental-invoice-due-event.js";

/** Rentals are read in pages of this size. */
const PAGE_SIZE = 200;

/**
 * The invoice-due event of one rental's last completed month, or `undefined` when the month
 * charges nothing (outside the rental's M4 dates, or quantity 0).
 */
function monthInvoiceDue(row: RentalSubscriptionRow, now: Date, policies: PolicySet): OutboxEvent | undefined {
  const subscription = rentalSubscriptionSchema.parse(row.record);
  const { month, endedAt } = lastCompletedMonth(now, subscription.zone);
  // Evaluated as of the month's end, not the run's instant: a late or repeated run computes the
  // same charge under the same policy (P1), so the first event written is the right one.
  const charge = rentalMonthCharge(subscription, month, { asOf: endedAt.toISOString(), policies });
  if (!charge.ok) throw new Error(`rental ${row.id} ${month}: ${charge.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  if (charge.value.lines.length === 0 || charge.value.total.isZero()) return undefined;
  const first = `${month}-01`;
  return rentalInvoiceDueEvent(row.organizationId, charge.value, { start: first, end: lastDayOfMonth(first) });
}

/** Every stored rental, page by page (creation order). */
async function* allRentals(context: WorkerContext): AsyncGenerator<RentalSubscriptionRow> {
  let after: KeysetPosition | undefined;
  for (;;) {
    const page = await listRentalSubscriptions(context.database.db, { limit: PAGE_SIZE, after });
    yield* page.items;
    if (page.next === undefined) return;
    after = page.next;
  }
}

/**
 * M5 month billing of the rental marketplace: for every rental, the charge of the customer's
 * last completed month (`rentalMonthCharge`: the highest quantity held in the month, add-ons
 * included, M4 start and end dates respected) goes to the outbox as
 * `licensing.rental-invoice-due`, keyed `rental-charge:<subscription>:<YYYY-MM>`: once per
 * subscription and month however often the job runs. It runs daily, so a month whose first
 * day the worker missed is billed the day after.
 */
export const rentalMonthBillingJob: ScheduledJob = {
  name: "licensing.rental-month-billing",
  cron: "15 3 * * *",
  expireInSeconds: 30 * 60,
  async run(context, now): Promise<JobSummary> {
    let rentals = 0;
    const due: OutboxEvent[] = [];
    const failed: string[] = [];
    // P1: the installation's rental policies, read once for the run (not per rental).
    const policies = await installationLicensingPolicies(context.database.db);
    for await (const row of allRentals(context)) {
      rentals += 1;
      try {
        const event = monthInvoiceDue(row, now, policies);
        if (event !== undefined) due.push(event);
      } catch (error) {
        failed.push(row.id);
        context.logger.error({ subscriptionId: row.id, err: error }, "rental month charge failed");
      }
    }
    await appendToOutbox(context.database.db, due, now);
    if (failed.length > 0) throw new Error(`rental month billing failed for ${failed.join(", ")}`);
    return { rentals, chargesDue: due.length };
  },
};
