import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
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
