import { findLicensingPolicies, type Executor, type LicensingPoliciesRow } from "@kontor/db";
import { DEFAULT_POLICIES, policySetSchema, type PolicySet } from "@kontor/licensing";
import { ProblemError } from "../../http/problem.js";

/**
 * The stored row's policy set, checked with `policySetSchema` (P1). A row that no longer parses
 * (written by hand or by an older release) throws a 500 naming the field: rules must not be
 * evaluated under the shipped defaults while the installation believes its own are in force.
 */
export function storedLicensingPolicies(row: LicensingPoliciesRow): PolicySet {
  const parsed = policySetSchema.safeParse(row.policies);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "(policies)" : issue.path.map(String).join(".");
  throw new ProblemError(500, "internal", "Internal Server Error", {
    detail:
      `The stored licensing policies (version ${String(row.version)}) are invalid at ${field}: ${issue?.message ?? "invalid"}; ` +
      `replace them with PUT /v1/licensing-policies (expectedVersion ${String(row.version)})`,
    code: "LICENSING_POLICIES_INVALID",
  });
}

/**
 * The licensing policies of the installation (P1): the set an admin stored with
 * `PUT /v1/licensing-policies`, else the shipped `DEFAULT_POLICIES`. The stored set replaces the
 * defaults as a whole (it is the complete list of versions the rules pick from). One query:
 * read it once per request or job run and pass it to every rule as `policies`.
 *
 * @throws ProblemError (500, `LICENSING_POLICIES_INVALID`) when the stored row no longer parses.
 */
export async function installationLicensingPolicies(executor: Executor): Promise<PolicySet> {
  const row = await findLicensingPolicies(executor);
  return row === undefined ? DEFAULT_POLICIES : storedLicensingPolicies(row);
}
