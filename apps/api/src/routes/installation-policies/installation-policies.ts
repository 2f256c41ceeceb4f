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

/** How a history is named in errors and matched across two sets. */
function nameOf(history: RequiredHistory): string {
  return history.name ?? history.path.join(".");
}

/**
 * `P1_HISTORY_SHORTENED`, one per history of the set in force (`current`) that starts later in
 * the new set (`next`) or is missing from it. Rules evaluate records at their own dates (P1), and
 * records keep arriving for past dates (a time entry worked in January, a month closed
 * afterwards, a due date from an earlier invoice date): under a history starting later they would
 * find no version, for good. A history may grow backwards and forwards, never lose its start.
 * Histories are matched by {@link nameOf}.
 */
function historiesShortened(current: readonly RequiredHistory[], next: readonly RequiredHistory[]): PolicyViolation[] {
  const nextByName = new Map(next.map((history) => [nameOf(history), history]));
  return current.flatMap((currentHistory) => {
    const kept = earliestVersion(currentHistory);
    if (kept === undefined) return [];
    const name = nameOf(currentHistory);
    const history = nextByName.get(name);
    const starts = history === undefined ? undefined : earliestVersion(history);
    if (starts !== undefined && starts.at <= kept.at) return [];
    const shortened =
      starts === undefined
        ? `${name} would have no version, the current set's earliest is from ${kept.effectiveFrom}`
        : `${name} would start on ${starts.effectiveFrom}, later than the current set's earliest version (from ${kept.effectiveFrom}), and records dated before ${starts.effectiveFrom} would find no version`;
    return [
      {
        code: "P1_HISTORY_SHORTENED",
        message: `${shortened}: keep the earliest version (from ${kept.effectiveFrom}) and add later versions beside it`,
        path: ["policies", ...currentHistory.path],
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
 * The histories of the set in force now that keep their start (required and kept ones): the
 * stored row's, else the defaults'. A row that no longer parses still has dated versions: its
 * required histories are read from its JSON at the defaults' paths, so repairing it with `PUT`
 * (as its 500 asks) cannot shorten them either.
 */
function historiesInForce<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow | undefined): readonly RequiredHistory[] {
  if (row === undefined) return keptHistories(domain, domain.defaults);
  const parsed = domain.schema.safeParse(row.policies);
  if (parsed.success) return keptHistories(domain, parsed.data);
  return domain.requiredHistories(domain.defaults).map((history) => ({ path: history.path, versions: storedVersionsAt(row.policies, history.path) }));
}

/** Every history of `policies` that keeps its start: the required ones and the domain's kept ones (a vendor's). */
function keptHistories<Policies>(domain: InstallationPolicyDomain<Policies>, policies: Policies): readonly RequiredHistory[] {
  return [...domain.requiredHistories(policies), ...(domain.keptHistories?.(policies) ?? [])];
}

/**
 * Both guards of a `PUT` (P1), in one 422 naming every history at fault: the new set must have
 * a version of every required history in force at `now`, and must not start any history of the
 * set it replaces (required or kept, such as a vendor's) later, nor drop it,
 * `row` (`undefined` while the defaults apply). Days count from their start in the
 * installation's zone, instants as given.
 */
export function requireStorablePolicies<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow | undefined, next: Policies, now: Date): void {
  const violations = [...versionsNotInForce(domain, next, now), ...historiesShortened(historiesInForce(domain, row), keptHistories(domain, next))];
  if (violations.length > 0) throw ruleViolation(violations);
}
