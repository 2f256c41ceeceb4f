import { gte, notInArray, or } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { tickets } from "../schema/tickets.js";
import type { TicketRow } from "./tickets.js";

/**
 * The tickets whose K7 clocks the worker checks, with their documents, in one query: every open
 * ticket, plus tickets resolved or closed since `changedSince`, so a breach that happened shortly
 * before the resolution is still reported when a run was late or failed.
 */
export async function slaWatchedTickets(executor: Executor, changedSince: Date): Promise<TicketRow[]> {
  return executor
    .select()
    .from(tickets)
    .where(or(notInArray(tickets.status, ["resolved", "closed"]), gte(tickets.updatedAt, changedSince)))
    .orderBy(tickets.createdAt, tickets.id);
}
