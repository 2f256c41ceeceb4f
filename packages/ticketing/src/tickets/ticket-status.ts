import { z } from "zod";

/** The K1 workflow: new → assigned → in progress → waiting for customer → resolved → closed. */
export const TICKET_STATUSES = ["new", "assigned", "in-progress", "waiting-for-customer", "resolved", "closed"] as const;

/** A ticket status (K1). */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** zod schema of a {@link TicketStatus}. */
export const ticketStatusSchema = z.enum(TICKET_STATUSES);

/**
 * Allowed status transitions (K1). `in-progress → assigned` is a reassignment: the new technician
 * has to contact the customer again before starting (K6). `resolved → in-progress`/`new` is a reopen (window checked by
 * the command); `closed` is final: a reply to a closed ticket becomes a follow-up ticket.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ["assigned", "resolved"],
  assigned: ["assigned", "in-progress", "waiting-for-customer", "resolved"],
  "in-progress": ["assigned", "waiting-for-customer", "resolved"],
  "waiting-for-customer": ["in-progress", "resolved"],
  resolved: ["closed", "in-progress", "new"],
  closed: [],
};

/** Whether the K1 workflow allows `from → to`. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Statuses in which a ticket counts as open (monitoring dedupe K8, statistics K13). */
export function isOpenStatus(status: TicketStatus): boolean {
  return status !== "resolved" && status !== "closed";
}
