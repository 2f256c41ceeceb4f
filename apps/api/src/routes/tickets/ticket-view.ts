import type { TicketAttachmentInfoRow, TicketRow, TicketSummaryRow } from "@kontor/db";
import {
  ticketAttachmentSchema,
  ticketChannelSchema,
  ticketKindSchema,
  ticketPrioritySchema,
  ticketSchema,
  ticketStatusSchema,
  type Ticket,
  type TicketAttachment,
} from "@kontor/ticketing";
import { z } from "zod";
import type { Principal } from "../../auth/principal.js";
import { instantSchema } from "../../http/route-schemas.js";

/** An uploaded attachment as listed on a ticket: the classified metadata (K1, K3) and its id. */
export const storedAttachmentSchema = ticketAttachmentSchema.extend({
  id: z.string(),
  uploadedBy: z.string(),
  createdAt: instantSchema,
});

/** A ticket as the API returns it: the domain ticket (K1), its version and uploaded attachments. */
export const ticketViewSchema = z.object({
  ticket: ticketSchema.describe("The ticket with its history; internal notes are left out for portal users (K10)"),
  version: z.number().int(),
  attachments: z.array(storedAttachmentSchema),
});

/** A ticket in a list: the stored columns without comments and history. */
export const ticketSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  organizationId: z.string().nullable(),
  kind: ticketKindSchema,
  channel: ticketChannelSchema,
  status: ticketStatusSchema,
  priority: ticketPrioritySchema,
  subject: z.string(),
  requesterEmail: z.string(),
  requesterPortalUserId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  version: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

/** A ticket as the API returns it. */
export type TicketView = z.infer<typeof ticketViewSchema>;

/** K10: customer staff never see internal notes, neither the text nor that one was written. */
function withoutInternalNotes(ticket: Ticket): Ticket {
  return {
    ...ticket,
    comments: ticket.comments.filter((comment) => comment.visibility === "public"),
    history: ticket.history.filter((event) => event.type !== "comment-added" || event.visibility === "public"),
  };
}

/** An attachment row as listed on a ticket. */
export function storedAttachment(row: TicketAttachmentInfoRow): z.infer<typeof storedAttachmentSchema> {
  return { ...(row.meta as TicketAttachment), id: row.id, uploadedBy: row.uploadedBy, createdAt: row.createdAt.toISOString() };
}

/** The view of a stored ticket for `who`: portal users get it without internal notes. */
export function ticketView(row: TicketRow, attachments: readonly TicketAttachmentInfoRow[], who: Principal): TicketView {
  const ticket = row.document as Ticket;
  return {
    ticket: who.actor.kind === "portal" ? withoutInternalNotes(ticket) : ticket,
    version: row.version,
    attachments: attachments.map(storedAttachment),
  };
}

/** A list item of a stored ticket. */
export function ticketSummary(row: TicketSummaryRow): z.infer<typeof ticketSummarySchema> {
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    kind: ticketKindSchema.parse(row.kind),
    channel: ticketChannelSchema.parse(row.channel),
    status: ticketStatusSchema.parse(row.status),
    priority: ticketPrioritySchema.parse(row.priority),
    subject: row.subject,
    requesterEmail: row.requesterEmail,
    requesterPortalUserId: row.requesterPortalUserId,
    assigneeId: row.assigneeId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
