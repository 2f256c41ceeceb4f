import type { Executor } from "@kontor/db";
import { DEFAULT_TERMS_POLICY_SET, termsPolicySetSchema, type TermsPolicySet } from "@kontor/terms";
import { installationPolicies } from "../installation-policies.js";
import type { InstallationPolicyDomain } from "../policy-domain.js";

/** The terms policies (P1): payment terms, SEPA, late payment, tax and VAT rates (T1–T7). */
export const TERMS_POLICY_DOMAIN: InstallationPolicyDomain<TermsPolicySet> = {
  domain: "terms",
  path: "/v1/terms-policies",
  tag: "terms",
  what: "Terms policies",
  invalidCode: "TERMS_POLICIES_INVALID",
  schemaId: "TermsPolicies",
  rules: "T1–T7",
  describes: "the payment-terms, SEPA, late-payment, tax and VAT-rate policies",
  schema: termsPolicySetSchema,
  defaults: DEFAULT_TERMS_POLICY_SET,
  readers: ["admin", "account-manager", "back-office"],
  // US sales-tax tables only where the seller collects: none needed.
  requiredHistories: (policies) =>
    (["paymentTerms", "sepa", "latePayment", "tax", "vatRateTables"] as const).map((key) => ({ path: [key], versions: policies[key] })),
};

/**
 * The terms policies of the installation (P1): the set an admin stored with
 * `PUT /v1/terms-policies`, else the shipped `DEFAULT_TERMS_POLICY_SET`. Read it once per request
 * or job run and pass each history to the rule that takes it.
 *
 * @throws ProblemError (500, `TERMS_POLICIES_INVALID`) when the stored row no longer parses.
 */
export function installationTermsPolicies(executor: Executor): Promise<TermsPolicySet> {
  return installationPolicies(executor, TERMS_POLICY_DOMAIN);
}
