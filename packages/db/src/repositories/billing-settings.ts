import type { BillingSettings } from "@kontor/invoicing";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { billingSettings } from "../schema/billing-settings.js";

/** The one row's id: the settings are the installation's (the table's CHECK allows no other). */
const INSTALLATION_BILLING_SETTINGS_ID = "installation";

/**
 * The stored billing settings of the installation. `settings` is `unknown`: check it with
 * `billingSettingsSchema` before use (a row written by an older release, or by hand, may no
 * longer parse).
 */
export type BillingSettingsRow = typeof billingSettings.$inferSelect;

/** The installation's stored billing settings (C8, T1), or `undefined` when none were stored yet. */
export async function findBillingSettings(executor: Executor): Promise<BillingSettingsRow | undefined> {
  const [row] = await executor.select().from(billingSettings).where(eq(billingSettings.id, INSTALLATION_BILLING_SETTINGS_ID));
  return row;
}

/** What {@link saveBillingSettings} writes: checked settings and who wrote them. */
export interface BillingSettingsChange {
  readonly settings: BillingSettings;
  readonly updatedBy: string;
}

/**
 * Stores the installation's billing settings if they are still at `expectedVersion` (optimistic
 * locking): `0` means "none stored yet" and inserts version 1; `n ≥ 1` replaces version `n` with
 * `n + 1`. One statement each, so of two concurrent writes on one version exactly one wins.
 * Returns the stored row, or `undefined` when the version moved on (or a row exists for `0`).
 */
export async function saveBillingSettings(executor: Executor, change: BillingSettingsChange, expectedVersion: number, now: Date): Promise<BillingSettingsRow | undefined> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`expectedVersion must be an integer ≥ 0, not ${String(expectedVersion)}`);
  if (expectedVersion === 0) {
    const [inserted] = await executor
      .insert(billingSettings)
      .values({ id: INSTALLATION_BILLING_SETTINGS_ID, settings: change.settings, version: 1, updatedBy: change.updatedBy, updatedAt: now })
      .onConflictDoNothing({ target: billingSettings.id })
      .returning();
    return inserted;
  }
  const [updated] = await executor
    .update(billingSettings)
    .set({ settings: change.settings, version: expectedVersion + 1, updatedBy: change.updatedBy, updatedAt: now })
    .where(and(eq(billingSettings.id, INSTALLATION_BILLING_SETTINGS_ID), eq(billingSettings.version, expectedVersion)))
    .returning();
  return updated;
}
