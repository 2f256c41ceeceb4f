import { installationLicensingPolicies } from "@kontor/api";
import { lastDayOfMonth } from "@kontor/calendar";
import { appendToOutbox, listRentalSubscriptions, missingOutboxDedupeKeys, type KeysetPosition, type OutboxEvent, type RentalSubscriptionRow } from "@kontor/db";
import { rentalMonthCharge, rentalSubscriptionSchema, type PolicySet, type RentalSubscription } from "@kontor/licensing";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import type { WorkerContext } from "../worker-context.js";
import { addMonths, lastCompletedMonth, monthsFromTo, type CompletedMonth } from "./billing-month.js";
import { rentalInvoiceDueDedupeKey, rentalInvoiceDueEvent } from "./rental-invoice-due-event.js";

/** Rentals are read in pages of this size. */
const PAGE_SIZE = 200;

/**
 * How far back a run looks for unbilled months: the last completed month and the months before
 * it, this many in all (two years). A month older than that is never billed by the job, however
 * long the worker was down; it bounds the keys a run asks for (at most this many per rental).
 */
export const RENTAL_BILLING_LOOKBACK_MONTHS = 24;

/** A completed month of a rental that may still need its invoice-due event. */
interface CandidateMonth extends CompletedMonth {
  readonly row: RentalSubscriptionRow;
  readonly subscription: RentalSubscription;
  readonly dedupeKey: string;
}

/**
 * The completed months of a rental that can charge something, as of `now` (oldest first): from
 * the month of its M4 start date (or the look-back limit, whichever is later) to the customer's
 * last completed month, or to the month of its M4/M7 end date when it ended before.
 */
function candidateMonths(row: RentalSubscriptionRow, subscription: RentalSubscription, now: Date): CandidateMonth[] {
  const lastCompleted = lastCompletedMonth(now, subscription.zone).month;
  const earliest = addMonths(lastCompleted, 1 - RENTAL_BILLING_LOOKBACK_MONTHS);
  const startMonth = subscription.startDate.slice(0, 7);
  const endMonth = subscription.endDate?.slice(0, 7);
  const first = startMonth > earliest ? startMonth : earliest;
  const last = endMonth !== undefined && endMonth < lastCompleted ? endMonth : lastCompleted;
  return monthsFromTo(first, last, subscription.zone).map((month) => ({
    ...month,
    row,
    subscription,
    dedupeKey: rentalInvoiceDueDedupeKey(subscription.subscriptionId, month.month),
  }));
}

/**
 * The invoice-due event of one rental month, or `undefined` when the month charges nothing
 * (outside the rental's M4 dates, or quantity 0).
 */
function monthInvoiceDue(candidate: CandidateMonth, policies: PolicySet): OutboxEvent | undefined {
  const { row, subscription, month, endedAt } = candidate;
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
 * M5 month billing of the rental marketplace: every completed month of every rental that has no
 * invoice-due event yet is charged (`rentalMonthCharge`: the highest quantity held in the month,
 * add-ons included, M4 start and end dates respected) and goes to the outbox as
 * `licensing.rental-invoice-due`, keyed `rental-charge:<subscription>:<YYYY-MM>`: once per
 * subscription and month however often the job runs. A worker that was down across several
 * month ends bills all of them on its next run, oldest first, each as of its own month end.
 *
 * A run lists each rental's candidate months (M4 start to the last completed month in the
 * customer's zone, at most {@link RENTAL_BILLING_LOOKBACK_MONTHS} back, not past the end date),
 * asks the outbox in one query which of their keys are missing, and computes only those. The
 * dedupe key stays the guarantee: a concurrent run that computed the same month writes nothing.
 */
export const rentalMonthBillingJob: ScheduledJob = {
  name: "licensing.rental-month-billing",
  cron: "15 3 * * *",
  expireInSeconds: 30 * 60,
  async run(context, now): Promise<JobSummary> {
    let rentals = 0;
    const candidates: CandidateMonth[] = [];
    const failed = new Set<string>();
    // P1: the installation's rental policies, read once for the run (not per rental or month).
    const policies = await installationLicensingPolicies(context.database.db);
    for await (const row of allRentals(context)) {
      rentals += 1;
      try {
        candidates.push(...candidateMonths(row, rentalSubscriptionSchema.parse(row.record), now));
      } catch (error) {
        failed.add(row.id);
        context.logger.error({ subscriptionId: row.id, err: error }, "rental months to bill unknown");
      }
    }
    // One query for the whole run: which candidate months have no event yet.
    const missing = new Set(await missingOutboxDedupeKeys(context.database.db, candidates.map((candidate) => candidate.dedupeKey)));
    const due: OutboxEvent[] = [];
    let noCharge = 0;
    for (const candidate of candidates) {
      if (!missing.has(candidate.dedupeKey)) continue;
      try {
        const event = monthInvoiceDue(candidate, policies);
        if (event === undefined) noCharge += 1;
        else due.push(event);
      } catch (error) {
        // The rental's other months are still billed; this one stays missing and is retried.
        failed.add(candidate.row.id);
        context.logger.error({ subscriptionId: candidate.row.id, month: candidate.month, err: error }, "rental month charge failed");
      }
    }
    await appendToOutbox(context.database.db, due, now);
    if (failed.size > 0) throw new Error(`rental month billing failed for ${[...failed].join(", ")}`);
    return {
      rentals,
      monthsInWindow: candidates.length,
      monthsBilledBefore: candidates.length - missing.size,
      monthsWithoutCharge: noCharge,
      chargesDue: due.length,
    };
  },
};
