import { installationSeatPolicies, seatMailEvents } from "@kontor/api";
import { appendToOutbox, listSeatHistoryOrganizations, loadSeatHistory } from "@kontor/db";
import { evaluateSeats, type PurchaseOrderWindowPolicy, type SeatEvent, type SeatMail } from "@kontor/seats";
import type { Organization } from "@kontor/ticketing";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import type { WorkerContext } from "../worker-context.js";

/**
 * The mails of one organization that fell due since its last seat event. Every seat command
 * the API stores writes the mails due up to that event's instant, so the job only has to look
 * after the last event (S10: `mailsAfter`); the dedupe keys absorb any overlap with a command
 * appended at the same time and with earlier runs.
 */
async function queueDueSeatMails(
  context: WorkerContext,
  organizationId: string,
  zone: string,
  policies: readonly PurchaseOrderWindowPolicy[],
  now: Date,
): Promise<readonly SeatMail[]> {
  return context.database.db.transaction(async (tx) => {
    const history = (await loadSeatHistory(tx, organizationId)).map((row) => row.event as SeatEvent);
    const lastEventAt = history.at(-1)?.at;
    const evaluation = evaluateSeats(history, { asOf: now.toISOString(), zone, policies, ...(lastEventAt === undefined ? {} : { mailsAfter: lastEventAt }) });
    if (!evaluation.ok) throw new Error(`seat history of ${organizationId} does not evaluate: ${evaluation.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
    await appendToOutbox(tx, seatMailEvents(organizationId, evaluation.value.mails), now);
    return evaluation.value.mails;
  });
}

/**
 * S4–S9 on a schedule: evaluates every organization's purchase-order windows at `now` and puts
 * the mails that fell due (S5 reminder after day 30; S8 suspension and withdrawals after day 60,
 * or the days of the installation's stored window policies, P1) in the outbox as
 * `seats.<kind>` events keyed `seats:<organization>:<mail id>`. Runs shortly
 * after midnight because a window day ends at local midnight. Idempotent: a second run at the
 * same instant writes no new event. One organization whose history does not evaluate does not
 * stop the others; the run then fails at the end so pg-boss retries it.
 */
export const seatWindowEvaluationJob: ScheduledJob = {
  name: "seats.evaluate-windows",
  cron: "5 0 * * *",
  expireInSeconds: 15 * 60,
  async run(context, now): Promise<JobSummary> {
    const organizations = await listSeatHistoryOrganizations(context.database.db);
    // P1: the stored window policies (S2, S5, S8), read once per run for every organization. A
    // stored set that no longer parses fails the run (SEAT_POLICIES_INVALID) rather than mailing
    // on the shipped 30/60 days.
    const { purchaseOrderWindows: policies } = await installationSeatPolicies(context.database.db);
    const failed: string[] = [];
    let mailsDue = 0;
    for (const { organizationId, record } of organizations) {
      // S2/S5 day boundaries are the organization's local days (P2).
      const zone = (record as Partial<Organization>).zone ?? context.settings.zone;
      try {
        const mails = await queueDueSeatMails(context, organizationId, zone, policies, now);
        mailsDue += mails.length;
        if (mails.length > 0) context.logger.info({ organizationId, mails: mails.map((mail) => mail.id) }, "seat mails due");
      } catch (error) {
        failed.push(organizationId);
        context.logger.error({ organizationId, err: error }, "seat window evaluation failed");
      }
    }
    if (failed.length > 0) throw new Error(`seat window evaluation failed for ${failed.join(", ")}`);
    return { organizations: organizations.length, mailsDue };
  },
};
