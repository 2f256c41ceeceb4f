import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";

/**
 * zod schema of a maintenance plan or needs-analysis item (K9, C1): recurring checks that are
 * "gladly forgotten" (backup, antivirus, firewall updates) and that produce a ticket on schedule.
 */
export const maintenancePlanSchema = z
  .object({
    id: z.string().min(1),
    organizationId: z.string().min(1),
    source: z.enum(["maintenance-plan", "needs-analysis"]),
    title: z.string().min(1),
    checklist: z.array(z.string().min(1)).min(1),
    recurrence: z
      .object({
        unit: z.enum(["day", "week", "month", "year"]),
        interval: z.number().int().positive(),
      })
      .strict(),
    /** First due day, `YYYY-MM-DD`; later occurrences step from it (no month-end drift). */
    firstDue: isoDateSchema,
    /** Last day an occurrence may fall on. */
    endsOn: isoDateSchema.optional(),
    active: z.boolean(),
  })
  .strict();

/** A maintenance plan or needs-analysis item (K9). */
export type MaintenancePlan = z.infer<typeof maintenancePlanSchema>;
