import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { assets } from "../schema/service-desk-schedules.js";
import { findTicketByScheduleKey } from "./tickets.js";

/** A stored asset row; `record` is `@kontor/ticketing`'s `Asset`. */
export type AssetRow = typeof assets.$inferSelect;

/** The fields of an asset record this repository reads (the rest is stored as given). */
export interface AssetRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly warrantyEnd?: string | undefined;
  readonly licenses: readonly { readonly expiresOn?: string | undefined }[];
}

/** The earliest warranty end or license expiry (`YYYY-MM-DD`), or `null` when nothing expires. */
export function earliestExpiryOf(record: AssetRecord): string | null {
  const days = [record.warrantyEnd, ...record.licenses.map((license) => license.expiresOn)].filter((day): day is string => day !== undefined);
  // ISO days sort as strings.
  return days.length === 0 ? null : days.reduce((earliest, day) => (day < earliest ? day : earliest));
}

/** Inserts an asset (K11), recorded on goods receipt or by an inventory. */
export async function insertAsset(executor: Executor, record: AssetRecord, now: Date): Promise<AssetRow> {
  const [row] = await executor
    .insert(assets)
    .values({ id: record.id, organizationId: record.organizationId, record, earliestExpiry: earliestExpiryOf(record), createdAt: now, updatedAt: now })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/**
 * Inserts the assets of one goods receipt (K11) in one statement, all or none: a taken id fails
 * the statement with a unique violation. The rows come back in the order given.
 */
export async function insertAssets(executor: Executor, records: readonly AssetRecord[], now: Date): Promise<AssetRow[]> {
  if (records.length === 0) return [];
  const inserted = await executor
    .insert(assets)
    .values(records.map((record) => ({ id: record.id, organizationId: record.organizationId, record, earliestExpiry: earliestExpiryOf(record), createdAt: now, updatedAt: now })))
    .returning();
  // RETURNING promises no order.
  const byId = new Map(inserted.map((row) => [row.id, row]));
  return records.map((record) => {
    const row = byId.get(record.id);
    if (row === undefined) throw new Error(`insert returned no row for asset ${record.id}`);
    return row;
  });
}

/** Which of `ids` already name a stored asset, in one query (a goods receipt checks its items before booking). */
export async function takenAssetIds(executor: Executor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await executor.select({ id: assets.id }).from(assets).where(inArray(assets.id, unique));
  return rows.map((row) => row.id);
}

// Lock space of goods-receipt bookings (first key of the two-key advisory lock), apart from the
// migrator's one-key lock.
const GOODS_RECEIPT_LOCK_SPACE = 11_009;

/**
 * K9, K11: serialises the bookings of one goods receipt and returns the pick-and-pack ticket an
 * earlier booking opened (its `scheduleKey`, e.g. `goods-receipt:WE-4711`), if any. The lock is
 * a transaction-scoped advisory lock on the key, held until `tx` ends, so a concurrent booking
 * of the same receipt waits and then finds this one's ticket: call it first in the transaction
 * that books the receipt. The key lives in the ticket document; the unique index on it
 * (`tickets_schedule_key_idx`) answers the lookup and forbids a second ticket with the key.
 */
export async function lockGoodsReceiptBooking(tx: KontorTransaction, scheduleKey: string): Promise<{ readonly id: string; readonly number: string } | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${GOODS_RECEIPT_LOCK_SPACE}::int4, hashtext(${scheduleKey}::text))`);
  return findTicketByScheduleKey(tx, scheduleKey);
}

/** An asset by id. */
export async function findAsset(executor: Executor, id: string): Promise<AssetRow | undefined> {
  const [row] = await executor.select().from(assets).where(eq(assets.id, id));
  return row;
}

/**
 * Assets in creation order, one keyset page (K11: the customer's inventory); `organizationId`
 * restricts the list to one customer (a portal manager's own, or a staff filter).
 */
export async function listAssets(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<AssetRow>> {
  const rows = await executor
    .select()
    .from(assets)
    .where(and(afterPosition(assets.createdAt, assets.id, options.after), options.organizationId === undefined ? undefined : eq(assets.organizationId, options.organizationId)))
    .orderBy(asc(assets.createdAt), asc(assets.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Replaces an asset record if it is still at `expectedVersion` (optimistic locking), e.g. after a
 * warranty extension. Returns the new row, or `undefined` when the id is unknown or the version moved on.
 */
export async function updateAsset(executor: Executor, record: AssetRecord, expectedVersion: number, now: Date): Promise<AssetRow | undefined> {
  const [row] = await executor
    .update(assets)
    .set({ record, earliestExpiry: earliestExpiryOf(record), version: sql`${assets.version} + 1`, updatedAt: now })
    .where(and(eq(assets.id, record.id), eq(assets.version, expectedVersion)))
    .returning();
  return row;
}

/**
 * Assets with a warranty end or license expiry on or before `lastDay` (`YYYY-MM-DD`), in one
 * query: the candidates of the K11 expiry check, whose lead time ends on `lastDay`.
 */
export async function assetsExpiringBy(executor: Executor, lastDay: string): Promise<AssetRow[]> {
  return executor
    .select()
    .from(assets)
    .where(and(isNotNull(assets.earliestExpiry), lte(assets.earliestExpiry, lastDay)))
    .orderBy(asc(assets.organizationId), asc(assets.id));
}
