import { openTicket } from "@kontor/api";
import { activeMaintenancePlans, claimScheduledTicketRun, findContractsOfKind, recordScheduledTicket } from "@kontor/db";
import type { ContractOf } from "@kontor/contingent";
import { dueScheduledTickets, maintenancePlanSchema, type MaintenancePlan } from "@kontor/ticketing";
import type { ScheduledJob } from "../../jobs/scheduled-job.js";
import type { WorkerContext } from "../../worker-context.js";
import { needsAnalysisOccurrences } from "./needs-analysis-occurrences.js";

/** How far back a run looks for occurrences: a worker that was down for up to a week catches up. */
const CATCH_UP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * K9: every night shortly after midnight, opens the tickets of maintenance plans,
 * needs-analysis items and the checklists of needs-analysis contracts (C1, due on the 1st of
 * their months) whose occurrences fell due (at local midnight of the due day in the
 * installation's zone) within the last week, one ticket per plan and due day. Each occurrence is
 * claimed in `scheduled_ticket_runs` (plan, due day unique) in the transaction that opens its
 * ticket, so a re-run, a retry or a second worker opens none twice; the ticket carries the
 * schedule key `<plan>:<day>` and comes without a K2 confirmation (nobody sent anything).
 */
export const scheduledTicketsJob: ScheduledJob = {
  name: "service-desk.scheduled-tickets",
  cron: "15 0 * * *",
  expireInSeconds: 600,
  async run(context: WorkerContext, now: Date) {
    const plans: MaintenancePlan[] = [];
    let invalidPlans = 0;
    for (const row of await activeMaintenancePlans(context.database.db)) {
      const parsed = maintenancePlanSchema.safeParse(row.record);
      if (parsed.success) plans.push(parsed.data);
      else {
        invalidPlans += 1;
        context.logger.error({ planId: row.id, issues: parsed.error.issues }, "maintenance plan does not match its schema; skipped");
      }
    }
    const since = new Date(now.getTime() - CATCH_UP_MS);
    // C1: the checklists of needs-analysis contracts, due on the 1st of their months.
    const needsAnalyses = (await findContractsOfKind(context.database.db, "needs-analysis")).map((row) => row.contract as ContractOf<"needs-analysis">);
    const due = [
      ...dueScheduledTickets(plans, since.toISOString(), now.toISOString(), context.settings.zone),
      ...needsAnalysisOccurrences(needsAnalyses, since, now, context.settings.zone),
    ];
    const opened: string[] = [];
    for (const occurrence of due) {
      const number = await context.database.db.transaction(async (tx) => {
        if (!(await claimScheduledTicketRun(tx, occurrence.planId, occurrence.dueDate, now))) return undefined;
        const ticket = await openTicket(tx, occurrence.ticket, now, { confirm: false });
        await recordScheduledTicket(tx, occurrence.planId, occurrence.dueDate, ticket.id);
        return ticket.number;
      });
      if (number !== undefined) opened.push(number);
    }
    return { plans: plans.length, invalidPlans, needsAnalyses: needsAnalyses.length, due: due.length, opened };
  },
};
