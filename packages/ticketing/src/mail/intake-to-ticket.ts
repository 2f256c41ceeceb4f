import { SYSTEM_ACTOR } from "../tickets/actor-ref.js";
import type { TicketInput } from "../tickets/create-ticket.js";
import type { TicketCommand } from "../tickets/ticket-command.js";
import type { AppendToTicketDecision, CreateTicketDecision } from "./mail-intake-decision.js";

/**
 * The `createTicket` input for a K2 create decision, with the id and number the app allocated.
 * The ticket is opened by the system on the mail channel.
 */
export function ticketInputFromMail(decision: CreateTicketDecision, id: string, number: string): TicketInput {
  const ticket = decision.ticket;
  return {
    id,
    number,
    kind: ticket.kind,
    channel: "mail",
    ...(ticket.organizationId === undefined ? {} : { organizationId: ticket.organizationId }),
    requester: ticket.requester,
    subject: ticket.subject,
    description: ticket.description,
    attachments: ticket.attachments.map(({ kind: _kind, flags: _flags, ...meta }) => meta),
    ...(ticket.relatedTicketId === undefined ? {} : { relatedTicketId: ticket.relatedTicketId }),
    by: SYSTEM_ACTOR,
  };
}

/**
 * The `add-comment` command for a K3 append decision: a public comment by the customer, which
 * resumes a waiting ticket or reopens a resolved one through the normal workflow.
 */
export function commentCommandFromMail(decision: AppendToTicketDecision, commentId: string): TicketCommand {
  return {
    type: "add-comment",
    by: { kind: "customer", id: decision.author.email },
    commentId,
    visibility: "public",
    text: decision.text,
    attachments: decision.attachments.map(({ kind: _kind, flags: _flags, ...meta }) => meta),
  };
}
