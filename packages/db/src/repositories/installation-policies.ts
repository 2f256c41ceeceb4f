import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { installationPolicies } from "../schema/installation-policies.js";

/** The packages whose policies an installation stores (P1); the table's CHECK allows no other. */
export const POLICY_DOMAINS = ["licensing", "contingent", "seats", "terms", "ticketing"] as const;

/** One of {@link POLICY_DOMAINS}. */
export type PolicyDomain = (typeof POLICY_DOMAINS)[number];

/**
 * The stored policies of one domain (P1). `policies` is `unknown`: check it with the domain
 * package's policy-set schema before use (a row written by an older release, or by hand, may no
 * longer parse).
 */
export type InstallationPoliciesRow = typeof installationPolicies.$inferSelect;

/** The installation's stored policies of `domain` (P1), or `undefined` when none were stored yet. */
export async function findInstallationPolicies(executor: Executor, domain: PolicyDomain): Promise<InstallationPoliciesRow | undefined> {
  const [row] = await executor.select().from(installationPolicies).where(eq(installationPolicies.domain, domain));
  return row;
}

/**
 * What {@link saveInstallationPolicies} writes: a policy set checked with the domain's schema
 * (its JSON form; this package depends on no domain package) and who wrote it.
 */
export interface InstallationPoliciesChange {
  readonly policies: object;
  readonly updatedBy: string;
}

/**
 * Stores the installation's policies of `domain` if they are still at `expectedVersion`
 * (optimistic locking): `0` means "none stored yet" and inserts version 1; `n ≥ 1` replaces
 * version `n` with `n + 1`. One statement each, so of two concurrent writes on one version
 * exactly one wins. Returns the stored row, or `undefined` when the version moved on (or a row
 * exists for `0`).
 */
export async function saveInstallationPolicies(
  executor: Executor,
  domain: PolicyDomain,
  change: InstallationPoliciesChange,
  expectedVersion: number,
  now: Date,
): Promise<InstallationPoliciesRow | undefined> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`expectedVersion must be an integer ≥ 0, not ${String(expectedVersion)}`);
  if (expectedVersion === 0) {
    const [inserted] = await executor
      .insert(installationPolicies)
      .values({ domain, policies: change.policies, version: 1, updatedBy: change.updatedBy, updatedAt: now })
      .onConflictDoNothing({ target: installationPolicies.domain })
      .returning();
    return inserted;
  }
  const [updated] = await executor
    .update(installationPolicies)
    .set({ policies: change.policies, version: expectedVersion + 1, updatedBy: change.updatedBy, updatedAt: now })
    .where(and(eq(installationPolicies.domain, domain), eq(installationPolicies.version, expectedVersion)))
    .returning();
  return updated;
}
