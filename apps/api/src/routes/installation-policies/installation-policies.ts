import { findInstallationPolicies, type Executor, type InstallationPoliciesRow } from "@kontor/db";
import { DateTime } from "luxon";
import { ProblemError, ruleViolation } from "../../http/problem.js";
import { INSTALLATION_ZONE } from "../tickets/service-desk-settings.js";
import type { InstallationPolicyDomain, RequiredHistory } from "./policy-domain.js";

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

/** A rule violation of a policy set, as {@link ruleViolation} takes it. */
interface PolicyViolation {
  readonly code: string;
  readonly message: string;
  readonly path: readonly string[];
}

/**
 * When a version's `effectiveFrom` starts (P1): a calendar day (`2026-02-01`) at the start of that
 * day in the installation's zone, an instant with offset (`2026-02-01T00:00:00+01:00`) as given.
 * `NaN` for a value that is neither (only a stored row that no longer parses holds one).
 */
function startsAt(effectiveFrom: string): number {
  return effectiveFrom.length === 10 ? DateTime.fromISO(effectiveFrom, { zone: INSTALLATION_ZONE }).toMillis() : Date.parse(effectiveFrom);
}

/** The earliest version of a history by {@link startsAt}, or `undefined` when it has none that parses. */
function earliestVersion(history: RequiredHistory): { readonly effectiveFrom: string; readonly at: number } | undefined {
  let earliest: { readonly effectiveFrom: string; readonly at: number } | undefined;
  for (const { effectiveFrom } of history.versions) {
    const at = startsAt(effectiveFrom);
    if (!Number.isNaN(at) && (earliest === undefined || at < earliest.at)) earliest = { effectiveFrom, at };
  }
  return earliest;
}

/**
 * `P1_NO_POLICY_IN_FORCE`, one per history the domain's rules always need that has no version in
 * force at `now`: stored, the set would fail every command from that moment.
 */
function versionsNotInForce<Policies>(domain: InstallationPolicyDomain<Policies>, policies: Policies, now: Date): PolicyViolation[] {
  const today = DateTime.fromJSDate(now, { zone: INSTALLATION_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
  return domain
    .requiredHistories(policies)
    .filter((history) => !history.versions.some((version) => startsAt(version.effectiveFrom) <= now.getTime()))
    .map((history) => ({
      code: "P1_NO_POLICY_IN_FORCE",
      message: `No version of ${history.path.join(".")} is in force on ${today}: keep the version in force now and add later ones beside it`,
      path: ["policies", ...history.path],
    }));
}

/**
 * `P1_HISTORY_SHORTENED`, one per required history that starts later in the new set than in the
 * set in force. Rules evaluate records at their own dates (P1), and records keep arriving for past
 * dates (a time entry worked in January, a month closed afterwards, a due date from an earlier
 * invoice date): under a history starting later they would find no version, for good. A history
 * may grow backwards and forwards, never lose its start. `current` and `next` are
 * the required histories of the set in force and of the new one, matched by `path`.
 */
function historiesShortened(current: readonly RequiredHistory[], next: readonly RequiredHistory[]): PolicyViolation[] {
  const key = (path: readonly string[]): string => path.join("\u0000");
  const currentByPath = new Map(current.map((history) => [key(history.path), history]));
  return next.flatMap((history) => {
    const currentHistory = currentByPath.get(key(history.path));
    const kept = currentHistory === undefined ? undefined : earliestVersion(currentHistory);
    if (kept === undefined) return [];
    const starts = earliestVersion(history);
    if (starts !== undefined && starts.at <= kept.at) return [];
    const name = history.path.join(".");
    const shortened =
      starts === undefined
        ? `${name} would have no version, the current set's earliest is from ${kept.effectiveFrom}`
        : `${name} would start on ${starts.effectiveFrom}, later than the current set's earliest version (from ${kept.effectiveFrom}), and records dated before ${starts.effectiveFrom} would find no version`;
    return [
      {
        code: "P1_HISTORY_SHORTENED",
        message: `${shortened}: keep the earliest version (from ${kept.effectiveFrom}) and add later versions beside it`,
        path: ["policies", ...history.path],
      },
    ];
  });
}

/** The versions stored at `path` of a row's JSON, as far as they carry an `effectiveFrom` string. */
function storedVersionsAt(policies: unknown, path: readonly string[]): { readonly effectiveFrom: string }[] {
  let value: unknown = policies;
  for (const key of path) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((version: unknown) => {
    const effectiveFrom: unknown = typeof version === "object" && version !== null ? (version as Record<string, unknown>).effectiveFrom : undefined;
    return typeof effectiveFrom === "string" ? [{ effectiveFrom }] : [];
  });
}

/**
 * The required histories of the set in force now: the stored row's, else the defaults'. A row
 * that no longer parses still has dated versions: its histories are read from its JSON at the
 * defaults' paths, so repairing it with `PUT` (as its 500 asks) cannot shorten them either.
 */
function historiesInForce<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow | undefined): readonly RequiredHistory[] {
  const defaults = domain.requiredHistories(domain.defaults);
  if (row === undefined) return defaults;
  const parsed = domain.schema.safeParse(row.policies);
  if (parsed.success) return domain.requiredHistories(parsed.data);
  return defaults.map((history) => ({ path: history.path, versions: storedVersionsAt(row.policies, history.path) }));
}

/**
 * Both guards of a `PUT` (P1), in one 422 naming every history at fault: the new set must have
 * a version in force at `now` and must not start any history later than the set it replaces,
 * `row` (`undefined` while the defaults apply). Days count from their start in the
 * installation's zone, instants as given.
 */
export function requireStorablePolicies<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow | undefined, next: Policies, now: Date): void {
  const violations = [...versionsNotInForce(domain, next, now), ...historiesShortened(historiesInForce(domain, row), domain.requiredHistories(next))];
  if (violations.length > 0) throw ruleViolation(violations);
}
