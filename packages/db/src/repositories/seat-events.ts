import { and, asc, eq } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { seatEvents, seatHistories } from "../schema/seats.js";

/** A stored seat event; `event` is `@kontor/seats`'s `SeatEvent`. */
export type SeatEventRow = typeof seatEvents.$inferSelect;

/** What a seat event needs to be stored: the `SeatEvent` document and its id, type and instant. */
export interface NewSeatEvent {
  readonly id: string;
  readonly type: string;
  /** The event's `at`. */
  readonly at: Date;
  readonly event: unknown;
}

/**
 * Locks the organization's seat history for the calling transaction and returns its version
 * (the number of stored events). Every append takes this lock first, so appends of one
 * organization run one after the other and none is lost (S10).
 */
export async function lockSeatHistory(tx: KontorTransaction, organizationId: string, now: Date): Promise<number> {
  await tx.insert(seatHistories).values({ organizationId, version: 0, updatedAt: now }).onConflictDoNothing();
  const [head] = await tx.select().from(seatHistories).where(eq(seatHistories.organizationId, organizationId)).for("update");
  if (head === undefined) throw new Error(`seat history of ${organizationId} vanished`);
  return head.version;
}

/** The whole seat history of an organization in append order, in one query. */
export async function loadSeatHistory(executor: Executor, organizationId: string): Promise<SeatEventRow[]> {
  return executor.select().from(seatEvents).where(eq(seatEvents.organizationId, organizationId)).orderBy(asc(seatEvents.sequence));
}

/** The stored event of an organization with the given event id, if any. */
export async function findSeatEvent(executor: Executor, organizationId: string, eventId: string): Promise<SeatEventRow | undefined> {
  const [row] = await executor.select().from(seatEvents).where(and(eq(seatEvents.organizationId, organizationId), eq(seatEvents.eventId, eventId)));
  return row;
}

/** Row id of the `sequence`-th event: zero-padded, so (created_at, id) order is append order. */
function seatEventRowId(organizationId: string, sequence: number): string {
  return `${organizationId}:${String(sequence).padStart(10, "0")}`;
}

/**
 * Appends an event after `version` (from {@link lockSeatHistory}) and advances the head. The
 * unique (organization_id, sequence) rejects an append that did not hold the lock.
 */
export async function appendSeatEvent(tx: KontorTransaction, organizationId: string, version: number, event: NewSeatEvent, now: Date): Promise<SeatEventRow> {
  const sequence = version + 1;
  const [row] = await tx
    .insert(seatEvents)
    .values({ id: seatEventRowId(organizationId, sequence), organizationId, sequence, eventId: event.id, type: event.type, event: event.event, createdAt: event.at })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  await tx.update(seatHistories).set({ version: sequence, updatedAt: now }).where(eq(seatHistories.organizationId, organizationId));
  return row;
}

/** A page of an organization's seat events, oldest first. */
export async function listSeatEvents(
  executor: Executor,
  organizationId: string,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<SeatEventRow>> {
  const rows = await executor
    .select()
    .from(seatEvents)
    .where(and(eq(seatEvents.organizationId, organizationId), afterPosition(seatEvents.createdAt, seatEvents.id, options.after)))
    .orderBy(asc(seatEvents.createdAt), asc(seatEvents.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}
