import { isoDateSchema, type IsoDate } from "@kontor/calendar";
import { z } from "zod";

/**
 * Names the policy a decision used (RULES.md P1), so that an invoice can show why: the policy's
 * id, its version label and the day from which the applied value was in force.
 */
export interface PolicyRef {
  /** Stable id of the policy family (`"kontor.payment-terms"`). */
  readonly id: string;
  /** Version label of the policy value (`"2024-01"`). */
  readonly version: string;
  /** First day the applied policy value (or table row) was in force. */
  readonly effectiveFrom: IsoDate;
}

/** Fields every policy value carries: identity, version and the first day it is in force. */
export const policyHeaderSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  effectiveFrom: isoDateSchema,
  /** Where the numbers come from (seed, statute, publication), for people. */
  source: z.string().optional(),
});

/** The identity part of {@link policyHeaderSchema}. */
export type PolicyHeader = z.infer<typeof policyHeaderSchema>;

/** The {@link PolicyRef} of a policy value. */
export function refOf(policy: PolicyHeader): PolicyRef {
  return { id: policy.id, version: policy.version, effectiveFrom: policy.effectiveFrom };
}
