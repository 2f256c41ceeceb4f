import { z } from "zod";
import { isoInstantSchema } from "../time/instant.js";
import { actorRefSchema } from "./actor-ref.js";
import { ticketChannelSchema, ticketKindSchema, ticketPrioritySchema } from "./ticket-classification.js";
import { ticketStatusSchema } from "./ticket-status.js";

const base = {
  ticketId: z.string().min(1),
  /** Position in the ticket's history, 1-based; ties on `at` are ordered by it. */
  seq: z.number().int().positive(),
  at: isoInstantSchema,
  by: actorRefSchema,
};

/**
 * zod schema of a ticket history entry. The history is the source of truth: SLA clocks (K7) and
 * statistics (K13) are recomputed from it, never stored beside it.
 */
export const ticketEventSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("ticket-created"),
      ...base,
      number: z.string().min(1),
      kind: ticketKindSchema,
      channel: ticketChannelSchema,
      priority: ticketPrioritySchema,
      organizationId: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal("status-changed"), ...base, from: ticketStatusSchema, to: ticketStatusSchema }).strict(),
  z.object({ type: z.literal("assigned"), ...base, assigneeId: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal("comment-added"),
      ...base,
      commentId: z.string().min(1),
      visibility: z.enum(["public", "internal"]),
    })
    .strict(),
  z
    .object({ type: z.literal("customer-contacted"), ...base, via: z.enum(["phone", "on-site", "remote", "mail"]) })
    .strict(),
  z.object({ type: z.literal("priority-changed"), ...base, from: ticketPrioritySchema, to: ticketPrioritySchema }).strict(),
  z.object({ type: z.literal("feedback-given"), ...base, rating: z.number().int().min(1).max(5) }).strict(),
  /** K1, K2: dispatch qualified the ticket; the customer, kind and branch it has from now on. */
  z
    .object({
      type: z.literal("qualified"),
      ...base,
      organizationId: z.string().min(1).optional(),
      kind: ticketKindSchema,
      branchId: z.string().min(1).optional(),
    })
    .strict(),
]);

/** One entry of a ticket's history (and the event a command emits). */
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** The `type` of a {@link TicketEvent}. */
export type TicketEventType = TicketEvent["type"];
