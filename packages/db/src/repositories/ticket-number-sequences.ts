import { eq } from "drizzle-orm";
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
