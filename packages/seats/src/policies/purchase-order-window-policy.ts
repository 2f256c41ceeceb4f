import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";

/**
 * How long a purchase order stays payable, as policy data (RULES.md P1). Seed 003 gives the
 * defaults: a reminder after day 30 (S5) and suspension after day 60 (S2, S8).
 */
export interface PurchaseOrderWindowPolicy {
  /** First local date (`YYYY-MM-DD`, organization zone) of purchase orders this policy governs. */
  readonly effectiveFrom: string;
  /** The day whose end triggers the reminder e-mail and scenario 2 (S5). */
  readonly reminderAfterDays: number;
  /** The day whose end closes the window: unpaid licenses are suspended (S2, S6, S8). */
  readonly windowDays: number;
}

/** zod schema of a {@link PurchaseOrderWindowPolicy}. */
export const purchaseOrderWindowPolicySchema = z
  .object({
    // A real calendar day: the pattern alone let 2027-02-30 through, a version never in force.
    effectiveFrom: isoDateSchema,
    reminderAfterDays: z.number().int().positive(),
    windowDays: z.number().int().positive(),
  })
  .strict()
  .refine((policy) => policy.reminderAfterDays < policy.windowDays, {
    message: "reminderAfterDays must be smaller than windowDays",
    path: ["reminderAfterDays"],
  });

/** zod schema of a list of policies: at least one, distinct `effectiveFrom` dates. */
export const purchaseOrderWindowPoliciesSchema = z
  .array(purchaseOrderWindowPolicySchema)
  .min(1)
  .refine((policies) => new Set(policies.map((p) => p.effectiveFrom)).size === policies.length, {
    message: "Two policies have the same effectiveFrom",
  });
