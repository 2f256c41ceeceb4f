import { eq, sql } from "drizzle-orm";
import type { KontorTransaction } from "../connection/database.js";
import { ticketNumberSequences } from "../schema/tickets.js";

/** The persisted state of a ticket number sequence (`@kontor/ticketing`'s `TicketNumberSequence`). */
export interface StoredTicketNumberSequence {
  readonly year?: number | undefined;
  readonly lastSequence: number;
}

/**
 * Reads a ticket number sequence and locks it until the caller's transaction ends, creating it
 * empty on first use. Concurrent ticket creations queue up here, so numbers stay unique.
 */
export async function lockTicketNumberSequence(tx: KontorTransaction, id: string, now: Date): Promise<StoredTicketNumberSequence> {
  await tx.insert(ticketNumberSequences).values({ id, year: null, lastSequence: 0, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(ticketNumberSequences).where(eq(ticketNumberSequences.id, id)).for("update");
  if (row === undefined) throw new Error(`ticket number sequence ${id} vanished`);
  return row.year === null ? { lastSequence: row.lastSequence } : { year: row.year, lastSequence: row.lastSequence };
}

/** Stores the sequence state after a number was handed out (same transaction as the lock). */
export async function storeTicketNumberSequence(tx: KontorTransaction, id: string, sequence: StoredTicketNumberSequence, now: Date): Promise<void> {
  await tx
    .update(ticketNumberSequences)
    .set({ year: sequence.year ?? null, lastSequence: sequence.lastSequence, updatedAt: now })
    .where(eq(ticketNumberSequences.id, id));
}

/**
 * Advances a ticket number sequence by `count` (default 1) in one statement and returns its new
 * state: creates it on first use, counts up within `year` (or always, when `year` is `undefined`:
 * a format without a year) and restarts at `count` when `year` differs from the stored one. The
 * numbers handed out are `lastSequence - count + 1` … `lastSequence`. The row stays locked until the
 * caller's transaction ends, so concurrent ticket creations queue up only from here to their
 * commit, and a rollback gives the number back. Returns `undefined` and changes nothing when the
 * stored year is later than `year` (a number for an earlier year would collide).
 *
 * The caller checks the result with `@kontor/ticketing`'s `allocateTicketNumber` (sequence digits
 * exhausted, …) and rolls back when it disagrees.
 */
export async function advanceTicketNumberSequence(
  tx: KontorTransaction,
  id: string,
  year: number | undefined,
  now: Date,
  count = 1,
): Promise<StoredTicketNumberSequence | undefined> {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, not ${count}`);
  const table = ticketNumberSequences;
  const [row] = await tx
    .insert(table)
    .values({ id, year: year ?? null, lastSequence: count, updatedAt: now })
    .onConflictDoUpdate({
      target: table.id,
      set: {
        // Every right-hand side sees the row as it was before this update.
        lastSequence: sql`CASE WHEN excluded.year IS NULL OR ${table.year} = excluded.year THEN ${table.lastSequence} + excluded.last_sequence ELSE excluded.last_sequence END`,
        year: sql`excluded.year`,
        updatedAt: now,
      },
      setWhere: sql`excluded.year IS NULL OR ${table.year} IS NULL OR ${table.year} <= excluded.year`,
    })
    .returning({ year: table.year, lastSequence: table.lastSequence });
  if (row === undefined) return undefined;
  return row.year === null ? { lastSequence: row.lastSequence } : { year: row.year, lastSequence: row.lastSequence };
}
