import { z } from "zod";
import { actorRefSchema } from "./actor-ref.js";
import { attachmentMetaSchema } from "./attachment.js";
import { ticketKindSchema, ticketPrioritySchema } from "./ticket-classification.js";

const staffActor = actorRefSchema.refine((actor) => actor.kind !== "customer", { message: "Only staff or the system can do this" });

/**
 * zod schema of every command that changes a ticket (K1, K6). Access is checked before with
 * `can()`; these schemas check the shape and the workflow checks the state.
 */
export const ticketCommandSchema = z.discriminatedUnion("type", [
  /** K6: dispatch assigns (or reassigns) a technician. */
  z
    .object({
      type: z.literal("assign"),
      by: staffActor,
      assignee: z.object({ id: z.string().min(1), role: z.string().min(1) }).strict(),
    })
    .strict(),
  /** K6: the technician called the customer (counts as first response, K7). */
  z
    .object({ type: z.literal("record-customer-contact"), by: staffActor, via: z.enum(["phone", "on-site", "remote", "mail"]) })
    .strict(),
  /** K6: work starts, only after the customer was contacted. */
  z.object({ type: z.literal("start-work"), by: staffActor }).strict(),
  /** K7: waiting for the customer pauses the SLA clocks. */
  z.object({ type: z.literal("wait-for-customer"), by: staffActor }).strict(),
  /** Work resumes without a customer reply (e.g. the answer came by phone). */
  z.object({ type: z.literal("resume-work"), by: staffActor }).strict(),
  /** K1: public or internal comment, with attachments. */
  z
    .object({
      type: z.literal("add-comment"),
      by: actorRefSchema,
      commentId: z.string().min(1),
      visibility: z.enum(["public", "internal"]),
      text: z.string(),
      attachments: z.array(attachmentMetaSchema).default([]),
    })
    .strict()
    .refine((command) => command.by.kind !== "customer" || command.visibility === "public", {
      message: "Customers can only write public comments",
      path: ["visibility"],
    }),
  z.object({ type: z.literal("set-priority"), by: staffActor, priority: ticketPrioritySchema }).strict(),
  z.object({ type: z.literal("resolve"), by: staffActor }).strict(),
  z.object({ type: z.literal("close"), by: actorRefSchema }).strict(),
  /** K1 reopen rules: customers within the reopen window, staff any time before closing. */
  z.object({ type: z.literal("reopen"), by: actorRefSchema }).strict(),
  /** K1: customer feedback on a resolved or closed ticket, once. */
  z
    .object({
      type: z.literal("give-feedback"),
      by: actorRefSchema,
      rating: z.number().int().min(1).max(5),
      text: z.string().optional(),
    })
    .strict(),
  /**
   * K1, K2: dispatch qualifies a ticket: the customer a mail from an unknown sender belongs to,
   * incident or request when the guess from the mail was wrong, the customer's branch (O1). An
   * omitted field stays; a new organization drops the old one's branch unless one is given.
   */
  z
    .object({
      type: z.literal("qualify"),
      by: staffActor,
      organizationId: z.string().min(1).optional(),
      kind: ticketKindSchema.optional(),
      branchId: z.string().min(1).nullable().optional(),
    })
    .strict()
    .refine((command) => command.organizationId !== undefined || command.kind !== undefined || command.branchId !== undefined, {
      message: "Name the organization, the kind or the branch",
    }),
]);

/** A command that changes a ticket (before defaults are applied). */
export type TicketCommand = z.input<typeof ticketCommandSchema>;
