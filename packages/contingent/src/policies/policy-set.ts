import { z } from "zod";
import { parseWith, type Result } from "../errors/contingent-issue.js";
import { contingentPolicySchema, type ContingentPolicy } from "./contingent-policy.js";
import { DEFAULT_CONTINGENT_POLICY, DEFAULT_TIME_BILLING_POLICY } from "./default-policies.js";
import { timeBillingPolicySchema, type TimeBillingPolicy } from "./time-billing-policy.js";

/** zod schema of a {@link PolicySet}: every version of every policy this package evaluates (P1). */
export const policySetSchema = z.strictObject({
  timeBilling: z.array(timeBillingPolicySchema).min(1),
  contingent: z.array(contingentPolicySchema).min(1),
});

/** JSON form of a {@link PolicySet}. */
export type PolicySetInput = z.input<typeof policySetSchema>;

/** All policy versions; each evaluation picks the version in force on its day. */
export interface PolicySet {
  readonly timeBilling: readonly TimeBillingPolicy[];
  readonly contingent: readonly ContingentPolicy[];
}

/** The shipped defaults of RULES.md C4 and C6. */
export const DEFAULT_POLICY_SET: PolicySet = Object.freeze({
  timeBilling: Object.freeze([DEFAULT_TIME_BILLING_POLICY]),
  contingent: Object.freeze([DEFAULT_CONTINGENT_POLICY]),
});

/** Validates a user's policy JSON (P1: policies load without code changes). */
export function parsePolicySet(input: unknown): Result<PolicySet> {
  return parseWith(policySetSchema, input);
}
