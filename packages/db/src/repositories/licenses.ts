import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { licenses } from "../schema/licensing.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";

/** A stored license; the key is sealed in `keySealed` and never part of `record`. */
export type LicenseRow = typeof licenses.$inferSelect;

/** A license to store, with its key in plain text (sealed before it reaches the database). */
export interface NewLicense {
  readonly id: string;
  readonly organizationId: string;
  readonly orderId: string | null;
  readonly vendorId: string;
  readonly productId: string;
  readonly edition: string;
  readonly originalPurchaserId: string;
  readonly key: string | null;
  readonly record: unknown;
}

/** Inserts licenses in one statement (an order's delivery creates one per line). */
export async function insertLicenses(executor: Executor, rows: readonly NewLicense[], now: Date): Promise<LicenseRow[]> {
  if (rows.length === 0) return [];
  return executor
    .insert(licenses)
    .values(rows.map(({ key, ...row }) => ({ ...row, keySealed: key === null ? null : sealSecret(key), createdAt: now, updatedAt: now })))
    .returning();
}

/** A license by id. */
export async function findLicense(executor: Executor, id: string): Promise<LicenseRow | undefined> {
  const [row] = await executor.select().from(licenses).where(eq(licenses.id, id));
  return row;
}

/**
 * Locks a license row for the rest of the transaction (`SELECT … FOR UPDATE`): a second refund
 * (L17) or delivery of the same license waits here and then sees the first one's record and
 * version. `undefined` when there is no such license.
 */
export async function lockLicense(tx: KontorTransaction, id: string): Promise<LicenseRow | undefined> {
  const [row] = await tx.select().from(licenses).where(eq(licenses.id, id)).for("update");
  return row;
}

/**
 * How an order line names an existing license (L9): a self-managed license by its SEN, a cloud
 * subscription by its site URL, always within one organization and product.
 */
export interface LicenseIdentity {
  readonly organizationId: string;
  readonly productId: string;
  readonly sen?: string | null | undefined;
  readonly siteUrl?: string | null | undefined;
}

/**
 * The licenses of an organization's product whose `record.sen` (or, without a SEN,
 * `record.siteUrl`) matches, oldest first; several rows mean the identity is ambiguous. Empty
 * when neither is given. Renewals and upgrades change the license found here instead of adding
 * one (L15, L19).
 */
export async function findLicensesByIdentity(executor: Executor, identity: LicenseIdentity): Promise<LicenseRow[]> {
  const sen = identity.sen ?? null;
  const siteUrl = identity.siteUrl ?? null;
  if (sen === null && siteUrl === null) return [];
  const match = sen !== null ? sql`${licenses.record} ->> 'sen' = ${sen}` : sql`${licenses.record} ->> 'siteUrl' = ${siteUrl}`;
  return executor
    .select()
    .from(licenses)
    .where(and(eq(licenses.organizationId, identity.organizationId), eq(licenses.productId, identity.productId), match))
    .orderBy(asc(licenses.createdAt), asc(licenses.id));
}

/** What a renewal or upgrade changes on a stored license. */
export interface LicenseUpdate {
  /** The new record (term, tier, …); replaces the stored one. */
  readonly record: unknown;
  /** A new key in plain text (sealed before it is stored); `undefined` keeps the stored key. */
  readonly key?: string | null | undefined;
}

/**
 * Replaces the record (and optionally the key) of a license if it still has `expectedVersion`,
 * bumping the version; `undefined` when it changed meanwhile (or does not exist). The id,
 * organization, order of origin and original purchaser (L13) never change: a renewal (L15) or
 * upgrade (L19) keeps the license, its SEN and who may read its key.
 */
export async function updateLicense(executor: Executor, id: string, next: LicenseUpdate, expectedVersion: number, now: Date): Promise<LicenseRow | undefined> {
  const [row] = await executor
    .update(licenses)
    .set({
      record: next.record,
      ...(next.key === undefined ? {} : { keySealed: next.key === null ? null : sealSecret(next.key) }),
      version: sql`${licenses.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(licenses.id, id), eq(licenses.version, expectedVersion)))
    .returning();
  return row;
}

/** Licenses in creation order, optionally of one organization. */
export async function listLicenses(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<LicenseRow>> {
  const rows = await executor
    .select()
    .from(licenses)
    .where(and(afterPosition(licenses.createdAt, licenses.id, options.after), options.organizationId === undefined ? undefined : eq(licenses.organizationId, options.organizationId)))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/** The plain key of a stored license, or `null`. Call only after L13 allowed the reader. */
export function openLicenseKey(row: LicenseRow): string | null {
  return row.keySealed === null ? null : openSecret(row.keySealed);
}
