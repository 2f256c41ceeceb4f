import { findInstallationPolicies, type Executor, type InstallationPoliciesRow } from "@kontor/db";
import { DateTime } from "luxon";
import { ProblemError, ruleViolation } from "../../http/problem.js";
import { INSTALLATION_ZONE } from "../tickets/service-desk-settings.js";
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
 * `defaults` (the package's shipped ones unless the caller has its own, e.g. from settings). The stored set replaces the defaults as a whole (it is the
 * complete list of versions the rules pick from). One query: read it once per request or job
 * run and pass it to every rule.
 *
 * @throws ProblemError (500, the domain's `invalidCode`) when the stored row no longer parses.
 */
export async function installationPolicies<Policies>(executor: Executor, domain: InstallationPolicyDomain<Policies>, defaults: Policies = domain.defaults): Promise<Policies> {
  const row = await findInstallationPolicies(executor, domain.domain);
  return row === undefined ? defaults : storedPolicies(domain, row);
}

/**
 * Refuses (422 `P1_NO_POLICY_IN_FORCE`, naming `body.policies.<history>`) a set in which a
 * history the domain's rules always need has no version in force at `now`: stored, it would fail
 * every command from that moment. A day counts in the installation's zone.
 */
export function requireVersionsInForce<Policies>(domain: InstallationPolicyDomain<Policies>, policies: Policies, now: Date): void {
  const today = DateTime.fromJSDate(now, { zone: INSTALLATION_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
  const started = (effectiveFrom: string): boolean => (effectiveFrom.length === 10 ? effectiveFrom <= today : Date.parse(effectiveFrom) <= now.getTime());
  const missing = domain
    .requiredHistories(policies)
    .filter((history) => !history.versions.some((version) => started(version.effectiveFrom)))
    .map((history) => ({
      code: "P1_NO_POLICY_IN_FORCE",
      message: `No version of ${history.path.join(".")} is in force on ${today}: keep the version in force now and add later ones beside it`,
      path: ["policies", ...history.path],
    }));
  if (missing.length > 0) throw ruleViolation(missing);
}
