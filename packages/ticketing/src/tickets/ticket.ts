import { z } from "zod";
import { isoInstantSchema } from "../time/instant.js";
import { actorRefSchema } from "./actor-ref.js";
import { ticketAttachmentSchema } from "./attachment.js";
import { ticketChannelSchema, ticketKindSchema, ticketPrioritySchema } from "./ticket-classification.js";
import { ticketEventSchema } from "./ticket-event.js";
import { ticketStatusSchema } from "./ticket-status.js";

/** zod schema of the person a ticket is for. */
export const requesterSchema = z
  .object({
    email: z.email(),
    name: z.string().optional(),
    portalUserId: z.string().optional(),
  })
  .strict();

/** The person a ticket is for (a customer contact). */
export type Requester = z.infer<typeof requesterSchema>;

/** zod schema of a ticket comment (K1): public (customer sees it) or internal. */
export const ticketCommentSchema = z
  .object({
    id: z.string().min(1),
    at: isoInstantSchema,
    author: actorRefSchema,
    visibility: z.enum(["public", "internal"]),
    text: z.string(),
    attachments: z.array(ticketAttachmentSchema),
  })
  .strict();

/** A ticket comment (K1). */
export type TicketComment = z.infer<typeof ticketCommentSchema>;

/** zod schema of customer feedback on a resolved ticket (K1). */
export const ticketFeedbackSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    text: z.string().optional(),
    at: isoInstantSchema,
    by: actorRefSchema,
  })
  .strict();

/** Customer feedback (K1). */
export type TicketFeedback = z.infer<typeof ticketFeedbackSchema>;

/** zod schema of a ticket (K1) including its full history. */
export const ticketSchema = z
  .object({
    id: z.string().min(1),
    number: z.string().min(1),
    kind: ticketKindSchema,
    channel: ticketChannelSchema,
    /** Absent while dispatch has not qualified a mail from an unknown sender (K2). */
    organizationId: z.string().min(1).optional(),
    branchId: z.string().min(1).optional(),
    requester: requesterSchema,
    subject: z.string(),
    description: z.string(),
    priority: ticketPrioritySchema,
    status: ticketStatusSchema,
    assigneeId: z.string().min(1).optional(),
    createdAt: isoInstantSchema,
    resolvedAt: isoInstantSchema.optional(),
    closedAt: isoInstantSchema.optional(),
    /** A follow-up ticket names the closed ticket it continues (K1 reopen rules). */
    relatedTicketId: z.string().min(1).optional(),
    /** K8: the monitoring sensor this ticket tracks. */
    sensorId: z.string().min(1).optional(),
    /** K9: the maintenance plan or needs-analysis item that produced it. */
    scheduleKey: z.string().min(1).optional(),
    attachments: z.array(ticketAttachmentSchema),
    comments: z.array(ticketCommentSchema),
    feedback: ticketFeedbackSchema.optional(),
    history: z.array(ticketEventSchema),
  })
  .strict();

/** A ticket (K1) with its complete history. */
export type Ticket = z.infer<typeof ticketSchema>;
