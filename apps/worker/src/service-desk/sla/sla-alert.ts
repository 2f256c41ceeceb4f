import { z } from "zod";

/**
 * The payload of a K7 SLA alert in the outbox: which clock of which ticket crossed its warning
 * point (the policy's share of the target, 80 % by default) or its breach point, when, and what
 * the mail needs to say. Written by the SLA job, read by its mail handler.
 */
export const slaAlertSchema = z
  .object({
    kind: z.enum(["warning", "breach"]),
    clock: z.enum(["first-response", "resolution"]),
    ticketId: z.string().min(1),
    ticketNumber: z.string().min(1),
    subject: z.string(),
    organizationId: z.string().min(1),
    organizationName: z.string().min(1),
    priority: z.string().min(1),
    /** When the point was crossed (ISO, UTC, whole minute); for a breach the deadline itself. */
    at: z.string().min(1),
    targetMinutes: z.number().int().positive(),
    /** The deadline while the clock still runs towards it (warnings only; absent while paused). */
    dueAt: z.string().min(1).optional(),
    /** Zone the mail shows times in: the customer's (their business hours, K7). */
    zone: z.string().min(1),
    /**
     * A warning whose breach the same run found as well (the job ran late, or a raised priority
     * breached at once): recorded as an event, but only the breach is mailed.
     */
    superseded: z.boolean(),
  })
  .strict();

/** A K7 SLA warning or breach as the outbox carries it. */
export type SlaAlert = z.infer<typeof slaAlertSchema>;

/**
 * The dedupe key of an alert: `sla:<ticketId>:<clock>:<warning|breach>:<at>`. One per crossing:
 * recomputing the clocks every few minutes finds the same crossing again and writes nothing; a
 * new crossing (a raised priority moves the deadline) is a new alert.
 */
export function slaAlertDedupeKey(alert: Pick<SlaAlert, "ticketId" | "clock" | "kind" | "at">): string {
  return `sla:${alert.ticketId}:${alert.clock}:${alert.kind}:${alert.at}`;
}
