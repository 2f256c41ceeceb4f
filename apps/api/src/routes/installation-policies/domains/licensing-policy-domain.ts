import type { Executor } from "@kontor/db";
import { DEFAULT_POLICIES, policySetSchema, type PolicySet } from "@kontor/licensing";
import { LICENSING_STAFF_ROLES } from "../../licensing/licensing-access.js";
import { installationPolicies } from "../installation-policies.js";
import type { InstallationPolicyDomain, RequiredHistory } from "../policy-domain.js";

/** The versions of `list` grouped by vendor, one history each (`vendors of atlassian`). */
function historiesByVendor(list: "vendors" | "rental", versions: readonly { readonly vendorId: string; readonly effectiveFrom: string }[]): RequiredHistory[] {
  const byVendor = new Map<string, { readonly effectiveFrom: string }[]>();
  for (const version of versions) byVendor.set(version.vendorId, [...(byVendor.get(version.vendorId) ?? []), version]);
  return [...byVendor].map(([vendorId, vendorVersions]) => ({ path: [list], name: `${list} of ${vendorId}`, versions: vendorVersions }));
}

/** The licensing policies (P1): vendor rules, the fulfilment policy and the rental marketplace policies. */
export const LICENSING_POLICY_DOMAIN: InstallationPolicyDomain<PolicySet> = {
  domain: "licensing",
  path: "/v1/licensing-policies",
  tag: "licensing",
  what: "Licensing policies",
  invalidCode: "LICENSING_POLICIES_INVALID",
  schemaId: "LicensingPolicies",
  rules: "L6, L12, L14, L16, M2",
  describes: "the vendor, fulfilment and rental policies",
  schema: policySetSchema,
  defaults: DEFAULT_POLICIES,
  readers: LICENSING_STAFF_ROLES,
  // Vendor and rental policies may start later (a vendor not sold yet); fulfilment is always needed.
  requiredHistories: (policies) => [{ path: ["fulfilment"], versions: policies.fulfilment }],
  // Once a vendor's or marketplace's policies are in the set, its licenses and rentals depend on them.
  keptHistories: (policies) => [...historiesByVendor("vendors", policies.vendors), ...historiesByVendor("rental", policies.rental)],
};

/**
 * The licensing policies of the installation (P1): the set an admin stored with
 * `PUT /v1/licensing-policies`, else the shipped `DEFAULT_POLICIES`. Read it once per request or
 * job run and pass it to every licensing rule as `policies`.
 *
 * @throws ProblemError (500, `LICENSING_POLICIES_INVALID`) when the stored row no longer parses.
 */
export function installationLicensingPolicies(executor: Executor): Promise<PolicySet> {
  return installationPolicies(executor, LICENSING_POLICY_DOMAIN);
}
