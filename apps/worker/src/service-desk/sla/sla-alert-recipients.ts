import { findTicket, staffMailRecipients, type KontorTransaction } from "@kontor/db";

/** Staff role of the service team that dispatches tickets (K1, K6) and watches reaction times. */
export const SERVICE_TEAM_ROLE = "dispatcher";

/**
 * Who gets a K7 alert: the active dispatchers (the service team) and the ticket's current
 * assignee, read when the mail is sent so a reassignment in between reaches the new assignee.
 * Lower-cased, without duplicates, sorted.
 */
export async function slaAlertRecipients(tx: KontorTransaction, ticketId: string): Promise<string[]> {
  const ticket = await findTicket(tx, ticketId);
  const staff = await staffMailRecipients(tx, { roles: [SERVICE_TEAM_ROLE], ids: ticket?.assigneeId == null ? [] : [ticket.assigneeId] });
  return [...new Set(staff.map((member) => member.email.toLowerCase()))].sort();
}
