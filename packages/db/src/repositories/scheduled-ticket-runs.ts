import { and, asc, eq } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { scheduledTicketRuns } from "../schema/service-desk-schedules.js";

/** A stored occurrence of a maintenance plan and the ticket it opened (K9). */
export type ScheduledTicketRunRow = typeof scheduledTicketRuns.$inferSelect;

/**
 * Claims one occurrence of a plan (K9) in the caller's transaction. `true`: open its ticket now,
 * in the same transaction; `false`: it was opened before (or another worker holds it), open
 * nothing. Concurrent claims of one occurrence wait on the primary key, so only one opens.
 */
export async function claimScheduledTicketRun(tx: KontorTransaction, planId: string, dueDate: string, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(scheduledTicketRuns)
    .values({ planId, dueDate, createdAt: now })
    .onConflictDoNothing()
    .returning({ planId: scheduledTicketRuns.planId });
  return rows.length === 1;
}

/** Records the ticket a claimed occurrence opened (same transaction as the claim). */
export async function recordScheduledTicket(tx: KontorTransaction, planId: string, dueDate: string, ticketId: string): Promise<void> {
  await tx
    .update(scheduledTicketRuns)
    .set({ ticketId })
    .where(and(eq(scheduledTicketRuns.planId, planId), eq(scheduledTicketRuns.dueDate, dueDate)));
}

/** The occurrences of one plan, oldest first (tests, audit). */
export async function scheduledTicketRunsOf(executor: Executor, planId: string): Promise<ScheduledTicketRunRow[]> {
  return executor.select().from(scheduledTicketRuns).where(eq(scheduledTicketRuns.planId, planId)).orderBy(asc(scheduledTicketRuns.dueDate));
}
