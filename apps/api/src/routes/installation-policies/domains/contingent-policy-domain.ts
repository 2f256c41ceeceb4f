import { DEFAULT_POLICY_SET, policySetSchema, type PolicySet } from "@kontor/contingent";
import type { Executor } from "@kontor/db";
import { installationPolicies } from "../installation-policies.js";
import type { InstallationPolicyDomain } from "../policy-domain.js";

/** The contingent policies (P1): time billing (C6 increments) and contingents (C4 corrections, warnings, flags). */
export const CONTINGENT_POLICY_DOMAIN: InstallationPolicyDomain<PolicySet> = {
  domain: "contingent",
  path: "/v1/contingent-policies",
  tag: "contingent",
  what: "Contingent policies",
  invalidCode: "CONTINGENT_POLICIES_INVALID",
  schemaId: "ContingentPolicies",
  rules: "C4, C6",
  describes: "the time billing and contingent policies",
  schema: policySetSchema,
  defaults: DEFAULT_POLICY_SET,
  readers: ["admin", "account-manager", "back-office"],
  requiredHistories: (policies) => [
    { path: ["timeBilling"], versions: policies.timeBilling },
    { path: ["contingent"], versions: policies.contingent },
  ],
};

/**
 * The contingent policies of the installation (P1): the set an admin stored with
 * `PUT /v1/contingent-policies`, else the shipped `DEFAULT_POLICY_SET`. Read it once per request
 * or job run and pass it to every contingent command as `policies`.
 *
 * @throws ProblemError (500, `CONTINGENT_POLICIES_INVALID`) when the stored row no longer parses.
 */
export function installationContingentPolicies(executor: Executor): Promise<PolicySet> {
  return installationPolicies(executor, CONTINGENT_POLICY_DOMAIN);
}
