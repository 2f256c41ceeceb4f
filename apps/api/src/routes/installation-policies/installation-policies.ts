import { findInstallationPolicies, type Executor, type InstallationPoliciesRow } from "@kontor/db";
import { ProblemError } from "../../http/problem.js";
import type { InstallationPolicyDomain } from "./policy-domain.js";

/**
 * The stored row's policy set, checked with the domain's schema (P1). A row that no longer
 * parses (written by hand or by an older release) throws a 500 naming the field: rules must not
 * be evaluated under the shipped defaults while the installation believes its own are in force.
 */
export function storedPolicies<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow): Policies {
  const parsed = domain.schema.safeParse(row.policies);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "(policies)" : issue.path.map(String).join(".");
  throw new ProblemError(500, "internal", "Internal Server Error", {
    detail:
      `The stored ${domain.what.toLowerCase()} (version ${String(row.version)}) are invalid at ${field}: ${issue?.message ?? "invalid"}; ` +
      `replace them with PUT ${domain.path} (expectedVersion ${String(row.version)})`,
    code: domain.invalidCode,
  });
}

/**
 * The installation's policies of a domain (P1): the set an admin stored with `PUT <path>`, else
 * the package's shipped defaults. The stored set replaces the defaults as a whole (it is the
 * complete list of versions the rules pick from). One query: read it once per request or job
 * run and pass it to every rule.
 *
 * @throws ProblemError (500, the domain's `invalidCode`) when the stored row no longer parses.
 */
export async function installationPolicies<Policies>(executor: Executor, domain: InstallationPolicyDomain<Policies>): Promise<Policies> {
  const row = await findInstallationPolicies(executor, domain.domain);
  return row === undefined ? domain.defaults : storedPolicies(domain, row);
}
