import { DEFAULT_TERMS_POLICY_SET } from "@kontor/terms";
import { TERMS_POLICY_DOMAIN } from "./domains/terms-policy-domain.js";
import { installationPoliciesContract } from "./installation-policies.contract.js";

const defaults = JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as { sepa: { effectiveFrom: string }[] } & Record<string, unknown>;

/** Contract cases of `/v1/terms-policies` (P1, T1–T7). */
export const termsPoliciesContract = installationPoliciesContract(
  TERMS_POLICY_DOMAIN,
  defaults,
  { ...defaults, sepa: defaults.sepa.map((policy) => ({ ...policy, effectiveFrom: "2024-13-01" })) },
  "body.policies.sepa.0.effectiveFrom",
);
