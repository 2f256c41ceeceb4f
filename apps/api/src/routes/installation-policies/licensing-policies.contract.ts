import { LICENSING_POLICY_DOMAIN } from "./domains/licensing-policy-domain.js";
import { installationPoliciesContract } from "./installation-policies.contract.js";
import { ADOBE_TEST_POLICY, defaultsWithAdobe } from "./licensing-policies-fixtures.js";

/** Contract cases of `/v1/licensing-policies` (P1, L6, L12, L14, L16, M2). */
export const licensingPoliciesContract = installationPoliciesContract(
  LICENSING_POLICY_DOMAIN,
  defaultsWithAdobe(),
  { ...defaultsWithAdobe(), vendors: [{ ...ADOBE_TEST_POLICY, effectiveFrom: "2024-13-01" }] },
  "body.policies.vendors.0.effectiveFrom",
);
