import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { licensingPolicies } from "../schema/licensing-policies.js";

/** The one row's id: the policies are the installation's (the table's CHECK allows no other). */
const INSTALLATION_LICENSING_POLICIES_ID = "installation";

/**
 * The stored licensing policies of the installation (P1). `policies` is `unknown`: check it with
 * `@kontor/licensing`'s `policySetSchema` before use (a row written by an older release, or by
 * hand, may no longer parse).
 */
export type LicensingPoliciesRow = typeof licensingPolicies.$inferSelect;

/** The installation's stored licensing policies (P1), or `undefined` when none were stored yet. */
export async function findLicensingPolicies(executor: Executor): Promise<LicensingPoliciesRow | undefined> {
  const [row] = await executor.select().from(licensingPolicies).where(eq(licensingPolicies.id, INSTALLATION_LICENSING_POLICIES_ID));
  return row;
}

/**
 * What {@link saveLicensingPolicies} writes: a policy set checked with `policySetSchema` (its
 * JSON form; this package does not depend on `@kontor/licensing`) and who wrote it.
 */
export interface LicensingPoliciesChange {
  readonly policies: object;
  readonly updatedBy: string;
}

/**
 * Stores the installation's licensing policies if they are still at `expectedVersion`
 * (optimistic locking): `0` means "none stored yet" and inserts version 1; `n ≥ 1` replaces
 * version `n` with `n + 1`. One statement each, so of two concurrent writes on one version
 * exactly one wins. Returns the stored row, or `undefined` when the version moved on (or a row
 * exists for `0`).
 */
export async function saveLicensingPolicies(executor: Executor, change: LicensingPoliciesChange, expectedVersion: number, now: Date): Promise<LicensingPoliciesRow | undefined> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`expectedVersion must be an integer ≥ 0, not ${String(expectedVersion)}`);
  if (expectedVersion === 0) {
    const [inserted] = await executor
      .insert(licensingPolicies)
      .values({ id: INSTALLATION_LICENSING_POLICIES_ID, policies: change.policies, version: 1, updatedBy: change.updatedBy, updatedAt: now })
      .onConflictDoNothing({ target: licensingPolicies.id })
      .returning();
    return inserted;
  }
  const [updated] = await executor
    .update(licensingPolicies)
    .set({ policies: change.policies, version: expectedVersion + 1, updatedBy: change.updatedBy, updatedAt: now })
    .where(and(eq(licensingPolicies.id, INSTALLATION_LICENSING_POLICIES_ID), eq(licensingPolicies.version, expectedVersion)))
    .returning();
  return updated;
}
