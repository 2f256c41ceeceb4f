import { and, asc, eq, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { outbox } from "../schema/core.js";

/** An event to deliver after the transaction that caused it commits. */
export interface OutboxEvent {
  /** What kind of event, e.g. `ticket.confirmation-mail`. */
  readonly topic: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** Unique per event: writing the same key twice keeps the first (consumers dedupe on it too). */
  readonly dedupeKey: string;
  readonly payload: unknown;
  /** Not before this instant (defaults to now). */
  readonly availableAt?: Date;
}

/** A stored outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Writes events in the caller's transaction (ARCHITECTURE "Runtime"): they commit or roll back
 * with the state change. An event whose dedupe key exists already is skipped.
 */
export async function appendToOutbox(executor: Executor, events: readonly OutboxEvent[], now: Date): Promise<void> {
  if (events.length === 0) return;
  // One JSON parameter for all events: the statement costs the same to build for one as for many;
  // ids follow the order given, which is the order of delivery.
  const records = events.map((event) => ({
    topic: event.topic,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    dedupe_key: event.dedupeKey,
    payload: event.payload,
    available_at: (event.availableAt ?? now).toISOString(),
  }));
  await executor.execute(sql`
    insert into ${outbox} (topic, aggregate_type, aggregate_id, dedupe_key, payload, created_at, available_at)
    select e->>'topic', e->>'aggregate_type', e->>'aggregate_id', e->>'dedupe_key', e->'payload', ${now.toISOString()}::timestamptz,
           (e->>'available_at')::timestamptz
      from jsonb_array_elements(${JSON.stringify(records)}::jsonb) with ordinality as events(e, position)
     order by position
        on conflict (dedupe_key) do nothing`);
}

/**
 * Locks up to `limit` undelivered, due events for the calling transaction; other workers skip
 * them (SKIP LOCKED), so each event is handled by one worker at a time.
 */
export async function claimDueOutboxEvents(
  executor: Executor,
  options: { readonly now: Date; readonly limit: number; readonly topics?: readonly string[] },
): Promise<OutboxRow[]> {
  return executor
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.deliveredAt),
        lte(outbox.availableAt, options.now),
        options.topics === undefined ? undefined : inArray(outbox.topic, [...options.topics]),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
}

/**
 * Marks every due event whose topic no consumer handles (history events such as
 * `ticket.status-changed`) delivered in one statement, instead of one transaction each.
 * Returns how many.
 */
export async function markUnconsumedOutboxEventsDelivered(executor: Executor, consumedTopics: readonly string[], now: Date): Promise<number> {
  const rows = await executor
    .update(outbox)
    .set({ deliveredAt: now, attempts: sql`${outbox.attempts} + 1` })
    .where(
      and(
        isNull(outbox.deliveredAt),
        lte(outbox.availableAt, now),
        consumedTopics.length === 0 ? undefined : notInArray(outbox.topic, [...consumedTopics]),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Marks an event delivered. */
export async function markOutboxDelivered(executor: Executor, id: number, now: Date): Promise<void> {
  await executor.update(outbox).set({ deliveredAt: now, attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, id));
}

/** Records a failed attempt and when to try again. */
export async function markOutboxFailed(executor: Executor, id: number, error: string, retryAt: Date): Promise<void> {
  await executor
    .update(outbox)
    .set({ lastError: error.slice(0, 2000), availableAt: retryAt, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

/** Events of one aggregate in the order they were written (tests, audit views). */
export async function outboxEventsOf(executor: Executor, aggregateType: string, aggregateId: string): Promise<OutboxRow[]> {
  return executor
    .select()
    .from(outbox)
    .where(and(eq(outbox.aggregateType, aggregateType), eq(outbox.aggregateId, aggregateId)))
    .orderBy(asc(outbox.id));
}

/** Makes a delivered event due again (its mail was refused after the commit), recording why. */
export async function reopenOutboxEvent(executor: Executor, id: number, error: string, retryAt: Date): Promise<void> {
  await executor.update(outbox).set({ deliveredAt: null, lastError: error.slice(0, 2000), availableAt: retryAt }).where(eq(outbox.id, id));
}
