import { maintenanceTicketsDue, type ContractOf } from "@kontor/contingent";
import { SYSTEM_ACTOR, type ScheduledTicket } from "@kontor/ticketing";
import { DateTime } from "luxon";

/**
 * C1, K9: the maintenance tickets a needs analysis's checklist asks for whose month began
 * (local midnight of the 1st in `zone`) after `since` and at or before `asOf`, as scheduled
 * tickets like a maintenance plan's: one per contract, check and month, due on the 1st, under
 * the plan id `needs-analysis:<contract>:<check>` so the job claims each occurrence once.
 */
export function needsAnalysisOccurrences(contracts: readonly ContractOf<"needs-analysis">[], since: Date, asOf: Date, zone: string): ScheduledTicket[] {
  const months: string[] = [];
  // The months whose 1st lies in (since, asOf]: a catch-up window of a week holds one at most, a longer one more.
  for (let month = DateTime.fromJSDate(since, { zone }).startOf("month"); month.toMillis() <= asOf.getTime(); month = month.plus({ months: 1 })) {
    if (month.toMillis() > since.getTime()) months.push(month.toFormat("yyyy-MM"));
  }
  const result: ScheduledTicket[] = [];
  for (const month of months) {
    const dueDate = `${month}-01`;
    for (const contract of contracts) {
      for (const due of maintenanceTicketsDue(contract, month)) {
        const planId = `needs-analysis:${due.contractId}:${due.checkId}`;
        const scheduleKey = `${planId}:${dueDate}`;
        result.push({
          planId,
          dueDate,
          scheduleKey,
          ticket: {
            kind: "request",
            channel: "schedule",
            organizationId: due.customerId,
            requester: { email: "schedule@kontor.invalid", name: "Bedarfsanalyse" },
            subject: `Bedarfsanalyse: ${due.title} (${dueDate})`,
            description: `Wiederkehrende Prüfung aus der Bedarfsanalyse ${due.contractId} (${due.checkId}), fällig im Monat ${month}.`,
            scheduleKey,
            by: SYSTEM_ACTOR,
          },
        });
      }
    }
  }
  return result;
}
