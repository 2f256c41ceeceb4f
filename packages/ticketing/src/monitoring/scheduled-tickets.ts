import { DateTime } from "luxon";
import { SYSTEM_ACTOR } from "../tickets/actor-ref.js";
import type { TicketInput } from "../tickets/create-ticket.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, type Instant } from "../time/instant.js";
import type { MaintenancePlan } from "./maintenance-plan.js";

/** A ticket a plan produces; `scheduleKey` (`planId:date`) makes creation idempotent. */
export interface ScheduledTicket {
  readonly planId: string;
  readonly dueDate: string;
  readonly scheduleKey: string;
  readonly ticket: Omit<TicketInput, "id" | "number">;
}

/** Safety stop for plans with a tiny interval over a long gap. */
const MAX_OCCURRENCES_PER_PLAN = 1000;

/**
 * The occurrences of active plans that became due in `(since, asOf]` (K9): each at local midnight
 * of its due day in `zone`. Running it twice over the same window yields the same keys, so the
 * app creates each ticket once; a worker that was down catches up on every missed occurrence.
 *
 * @param plans maintenance plans and needs-analysis items
 * @param since end of the previous run (exclusive)
 * @param asOf this run
 * @param zone zone whose days count (default `Europe/Berlin`)
 */
export function dueScheduledTickets(
  plans: readonly MaintenancePlan[],
  since: Instant,
  asOf: Instant,
  zone: string = DEFAULT_ZONE,
): ScheduledTicket[] {
  const sinceMs = toEpochMs(since, ["since"]);
  const asOfMs = toEpochMs(asOf);
  const tz = resolveZone(zone);
  const result: ScheduledTicket[] = [];
  for (const plan of plans) {
    if (!plan.active) continue;
    const first = DateTime.fromISO(plan.firstDue, { zone: tz }).startOf("day");
    const end = plan.endsOn === undefined ? undefined : DateTime.fromISO(plan.endsOn, { zone: tz }).startOf("day");
    // Start near `since` instead of at the first occurrence: a daily plan from years ago must not
    // walk (or be cut off by the cap) through every past day.
    const unitsSince = DateTime.fromMillis(sinceMs, { zone: tz }).diff(first, plan.recurrence.unit).as(plan.recurrence.unit);
    const startN = Math.max(0, Math.floor(unitsSince / plan.recurrence.interval) - 1);
    for (let n = startN; n < startN + MAX_OCCURRENCES_PER_PLAN; n += 1) {
      const due = first.plus({ [plan.recurrence.unit]: n * plan.recurrence.interval });
      const dueMs = due.toMillis();
      if (dueMs > asOfMs || (end !== undefined && due > end)) break;
      if (dueMs <= sinceMs) continue;
      const dueDate = due.toISODate() ?? plan.firstDue;
      const label = plan.source === "needs-analysis" ? "Bedarfsanalyse" : "Wartung";
      result.push({
        planId: plan.id,
        dueDate,
        scheduleKey: `${plan.id}:${dueDate}`,
        ticket: {
          kind: "request",
          channel: "schedule",
          organizationId: plan.organizationId,
          requester: { email: "schedule@kontor.invalid", name: label },
          subject: `${label}: ${plan.title} (${dueDate})`,
          description: plan.checklist.map((item) => `[ ] ${item}`).join("\n"),
          scheduleKey: `${plan.id}:${dueDate}`,
          by: SYSTEM_ACTOR,
        },
      });
    }
  }
  return result.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.planId < b.planId ? -1 : 1));
}
