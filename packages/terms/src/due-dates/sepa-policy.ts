import { calendarRefSchema } from "@kontor/calendar";
import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";

/** SEPA direct-debit pre-notification policy (RULES.md T7), in force from `effectiveFrom` (P1). */
export const sepaPolicySchema = policyHeaderSchema.extend({
  /** Calendar days between pre-notification and collection when nothing shorter is agreed (14). */
  preNotificationDays: z.number().int().min(1).max(366),
  /** The shortest period that may be agreed instead (1 day). */
  minimumAgreedDays: z.number().int().min(1).max(366),
  /** Calendar of collection (debit) days: TARGET2. */
  collectionCalendar: calendarRefSchema,
});

/** See {@link sepaPolicySchema}. */
export type SepaPolicy = z.infer<typeof sepaPolicySchema>;
