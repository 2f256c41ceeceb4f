import { DEFAULT_TICKETING_POLICIES } from "@kontor/ticketing";
import { TICKETING_POLICY_DOMAIN } from "./domains/ticketing-policy-domain.js";
import { installationPoliciesContract } from "./installation-policies.contract.js";

const versions = JSON.parse(JSON.stringify(DEFAULT_TICKETING_POLICIES)) as { effectiveFrom: string }[];

/** Contract cases of `/v1/ticketing-policies` (P1, K1–K11). */
export const ticketingPoliciesContract = installationPoliciesContract(
  TICKETING_POLICY_DOMAIN,
  { serviceDesk: versions },
  { serviceDesk: versions.map((policy) => ({ ...policy, effectiveFrom: "2024-13-01" })) },
  "body.policies.serviceDesk.0.effectiveFrom",
);
