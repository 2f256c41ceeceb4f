import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { usageRecords } from "../schema/usage-records.js";

/** A stored usage record of a managed-services contract (C9); `quantity` is a decimal string (P3). */
export type UsageRecordRow = typeof usageRecords.$inferSelect;

/** What recording one usage figure needs; the id and the instant are the store's. */
export interface NewUsageRecord {
  readonly contractId: string;
  readonly organizationId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** A `@kontor/contingent` meter, checked against the contract's price list by the caller. */
  readonly meter: string;
  /** A non-negative decimal string (P3: never a JS number); the table refuses negatives. */
  readonly quantity: string;
  /** Where the figure came from; `""` when not known. */
  readonly source?: string | undefined;
  /** The id of the user recording it. */
  readonly recordedBy: string;
}

/**
 * Inserts usage records in one statement, all or none (C9), at `now`, and returns them in the
 * order given (their ids follow that order). Call it in the transaction that holds the
 * contract's row lock and has checked that the records' months are open: the month close
 * takes the same lock, so no record lands in a month being closed.
 */
export async function insertUsageRecords(executor: Executor, records: readonly NewUsageRecord[], now: Date): Promise<UsageRecordRow[]> {
  if (records.length === 0) return [];
  const inserted = await executor
    .insert(usageRecords)
    .values(
      records.map((record) => ({
        contractId: record.contractId,
        organizationId: record.organizationId,
        month: record.month,
        meter: record.meter,
        quantity: record.quantity,
        source: record.source ?? "",
        recordedBy: record.recordedBy,
        recordedAt: now,
      })),
    )
    .returning();
  if (inserted.length !== records.length) throw new Error(`insert returned ${String(inserted.length)} of ${String(records.length)} usage records`);
  // RETURNING promises no order; the zero-padded sequence ids sort in the order the VALUES gave them.
  return inserted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every usage record of one contract month in recording order: what the month close prices
 * (C9). Read it in the close's transaction after locking the contract row.
 */
export async function usageRecordsOfMonth(executor: Executor, contractId: string, month: string): Promise<UsageRecordRow[]> {
  return executor
    .select()
    .from(usageRecords)
    .where(and(eq(usageRecords.contractId, contractId), eq(usageRecords.month, month)))
    .orderBy(asc(usageRecords.id));
}

/**
 * A contract's usage records in recording order, keyset-paginated on (recorded_at, id), closed
 * months included; `month` (`YYYY-MM`) restricts the list to one month. Migration 0017 indexes
 * both forms.
 */
export async function listUsageRecords(
  executor: Executor,
  contractId: string,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly month?: string | undefined },
): Promise<Page<UsageRecordRow>> {
  const rows = await executor
    .select()
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.contractId, contractId),
        options.month === undefined ? undefined : eq(usageRecords.month, options.month),
        afterPosition(usageRecords.recordedAt, usageRecords.id, options.after),
      ),
    )
    .orderBy(asc(usageRecords.recordedAt), asc(usageRecords.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  // The cursor is the generic keyset position: the recording instant stands in for `createdAt`.
  return { items, next: rows.length > options.limit && last !== undefined ? { createdAt: last.recordedAt, id: last.id } : undefined };
}
