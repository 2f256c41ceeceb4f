import type { TicketColumns } from "@kontor/db";
import type { Ticket } from "@kontor/ticketing";

/** The stored columns of a ticket: copies of the fields lists filter on, and the document. */
export function ticketColumns(ticket: Ticket): TicketColumns {
  return {
    organizationId: ticket.organizationId ?? null,
    kind: ticket.kind,
    channel: ticket.channel,
    status: ticket.status,
    priority: ticket.priority,
    subject: ticket.subject,
    requesterEmail: ticket.requester.email,
    requesterPortalUserId: ticket.requester.portalUserId ?? null,
    assigneeId: ticket.assigneeId ?? null,
    sensorId: ticket.sensorId ?? null,
    document: ticket,
  };
}
