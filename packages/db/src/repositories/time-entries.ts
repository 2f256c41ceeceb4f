import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { contingentTimeEntries } from "../schema/contingent.js";

/** A stored time entry; `entry` is `@kontor/contingent`'s `TimeEntry`. */
export type TimeEntryRow = typeof contingentTimeEntries.$inferSelect;

/** Every time entry of a contract, open and closed months alike, in recording order. */
export async function listTimeEntries(
  executor: Executor,
  contractId: string,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<TimeEntryRow>> {
  const rows = await executor
    .select()
    .from(contingentTimeEntries)
    .where(and(eq(contingentTimeEntries.contractId, contractId), afterPosition(contingentTimeEntries.createdAt, contingentTimeEntries.id, options.after)))
    .orderBy(asc(contingentTimeEntries.createdAt), asc(contingentTimeEntries.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Which of `entryIds` the contract has recorded already, closed months included: the package
 * checks only open months, the store keeps ids unique for good.
 */
export async function findRecordedEntryIds(executor: Executor, contractId: string, entryIds: readonly string[]): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const rows = await executor
    .select({ entryId: contingentTimeEntries.entryId })
    .from(contingentTimeEntries)
    .where(and(eq(contingentTimeEntries.contractId, contractId), inArray(contingentTimeEntries.entryId, [...entryIds])));
  return rows.map((row) => row.entryId);
}

/**
 * Replaces a recorded entry's document, e.g. with its cancellation (C6: the entry stays, marked
 * cancelled). Call it in the transaction that locked the contract (`loadContractAccount` with
 * `forUpdate`) and saved the account the change came from.
 */
export async function replaceTimeEntry(executor: Executor, contractId: string, entry: { readonly id: string }): Promise<void> {
  const updated = await executor
    .update(contingentTimeEntries)
    .set({ entry })
    .where(and(eq(contingentTimeEntries.contractId, contractId), eq(contingentTimeEntries.entryId, entry.id)))
    .returning({ id: contingentTimeEntries.id });
  if (updated.length !== 1) throw new Error(`time entry ${entry.id} of contract ${contractId} is not stored`);
}
