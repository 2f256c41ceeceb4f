import { DEFAULT_POLICY_SET } from "@kontor/contingent";
import { CONTINGENT_POLICY_DOMAIN } from "./domains/contingent-policy-domain.js";
import { installationPoliciesContract } from "./installation-policies.contract.js";

const defaults = JSON.parse(JSON.stringify(DEFAULT_POLICY_SET)) as { timeBilling: { effectiveFrom: string }[]; contingent: unknown[] };

/** Contract cases of `/v1/contingent-policies` (P1, C4, C6). */
export const contingentPoliciesContract = installationPoliciesContract(
  CONTINGENT_POLICY_DOMAIN,
  defaults,
  { ...defaults, timeBilling: defaults.timeBilling.map((policy) => ({ ...policy, effectiveFrom: "2024-13-01" })) },
  "body.policies.timeBilling.0.effectiveFrom",
);
