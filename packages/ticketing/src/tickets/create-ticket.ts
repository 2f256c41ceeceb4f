import { z } from "zod";
import { parseWith, ok, type Result } from "../errors/result.js";
import { toEpochMs, toIsoInstant, type Instant } from "../time/instant.js";
import { actorRefSchema } from "./actor-ref.js";
import { attachmentMetaSchema } from "./attachment.js";
import { classifyAttachment } from "./classify-attachment.js";
import { ticketChannelSchema, ticketKindSchema, ticketPrioritySchema } from "./ticket-classification.js";
import type { TicketEvent } from "./ticket-event.js";
import { requesterSchema, type Ticket } from "./ticket.js";

/** zod schema of the input that opens a ticket (K1, K2). The number comes from `allocateTicketNumber`. */
export const ticketInputSchema = z
  .object({
    id: z.string().min(1),
    number: z.string().min(1),
    kind: ticketKindSchema,
    channel: ticketChannelSchema,
    organizationId: z.string().min(1).optional(),
    branchId: z.string().min(1).optional(),
    requester: requesterSchema,
    subject: z.string().min(1),
    description: z.string(),
    priority: ticketPrioritySchema.default("normal"),
    attachments: z.array(attachmentMetaSchema).default([]),
    relatedTicketId: z.string().min(1).optional(),
    sensorId: z.string().min(1).optional(),
    scheduleKey: z.string().min(1).optional(),
    by: actorRefSchema,
  })
  .strict();

/** Input that opens a ticket (before defaults are applied). */
export type TicketInput = z.input<typeof ticketInputSchema>;

/** A state change: the new ticket and the events it caused. */
export interface TicketChange {
  readonly ticket: Ticket;
  readonly events: readonly TicketEvent[];
}

/**
 * Opens a ticket in status `new` (K1). Attachments are classified on the way in (K3: a
 * screenshot inside a Word document is accepted but flagged). Emits `ticket-created`; the app
 * turns it into the K2 confirmation and K5 notifications.
 *
 * @param input the ticket input, validated with {@link ticketInputSchema}
 * @param asOf the receipt instant (the timestamp the K2 confirmation shows)
 */
export function createTicket(input: TicketInput, asOf: Instant): Result<TicketChange> {
  const parsed = parseWith(ticketInputSchema, input);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const at = toIsoInstant(toEpochMs(asOf));
  const created: TicketEvent = {
    type: "ticket-created",
    ticketId: value.id,
    seq: 1,
    at,
    by: value.by,
    number: value.number,
    kind: value.kind,
    channel: value.channel,
    priority: value.priority,
    ...(value.organizationId === undefined ? {} : { organizationId: value.organizationId }),
  };
  const ticket: Ticket = {
    id: value.id,
    number: value.number,
    kind: value.kind,
    channel: value.channel,
    ...(value.organizationId === undefined ? {} : { organizationId: value.organizationId }),
    ...(value.branchId === undefined ? {} : { branchId: value.branchId }),
    requester: value.requester,
    subject: value.subject,
    description: value.description,
    priority: value.priority,
    status: "new",
    createdAt: at,
    ...(value.relatedTicketId === undefined ? {} : { relatedTicketId: value.relatedTicketId }),
    ...(value.sensorId === undefined ? {} : { sensorId: value.sensorId }),
    ...(value.scheduleKey === undefined ? {} : { scheduleKey: value.scheduleKey }),
    attachments: value.attachments.map(classifyAttachment),
    comments: [],
    history: [created],
  };
  return ok({ ticket, events: [created] });
}
