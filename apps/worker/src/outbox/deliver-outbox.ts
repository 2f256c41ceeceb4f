import { claimDueOutboxEvents, forgetMailDelivery, markOutboxDelivered, markUnconsumedOutboxEventsDelivered, markOutboxFailed, reopenOutboxEvent, type OutboxRow } from "@kontor/db";
import { abortHeldMails, completeHeldMails, takeHeldMails, type HeldMail } from "../mail-out/mail-transaction.js";
import type { WorkerContext } from "../worker-context.js";
import type { OutboxHandler } from "./outbox-handler.js";

/** Handlers by topic; a topic without a handler is delivered to nobody (history events). */
export type OutboxRouting = ReadonlyMap<string, OutboxHandler>;

/** Builds the topic → handler map; two handlers for one topic are a wiring mistake. */
export function outboxRouting(handlers: readonly OutboxHandler[]): OutboxRouting {
  const routing = new Map<string, OutboxHandler>();
  for (const handler of handlers) {
    for (const topic of handler.topics) {
      if (routing.has(topic)) throw new Error(`Two outbox handlers for topic ${topic}`);
      routing.set(topic, handler);
    }
  }
  return routing;
}

/** Seconds until the next attempt after `attempts` failures: 10 s doubling up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.min(attempts, 12), 3_600_000);
}

/** What one delivery pass did. */
export interface OutboxPass {
  readonly delivered: number;
  readonly failed: number;
}

type Attempt = { readonly outcome: "none" } | { readonly outcome: "delivered" } | { readonly outcome: "failed"; readonly event: OutboxRow; readonly error: unknown };

/**
 * Delivers due outbox events one transaction each: claim the oldest due event (FOR UPDATE SKIP
 * LOCKED, so concurrent workers take different ones), run its handler in that transaction, mark
 * it delivered, commit. A failing handler rolls its writes back; the event is then marked with
 * the error and retried later with backoff. Stops after `limit` events or when none is due.
 * Events of topics without a handler are marked delivered first, all in one statement.
 */
export async function deliverDueOutboxEvents(context: WorkerContext, routing: OutboxRouting, options: { readonly limit?: number } = {}): Promise<OutboxPass> {
  const limit = options.limit ?? 100;
  // Events nobody consumes only need their mark: one statement for all of them.
  let delivered = await markUnconsumedOutboxEventsDelivered(context.database.db, [...routing.keys()], context.clock.now());
  let failed = 0;
  for (let index = 0; index < limit; index += 1) {
    const attempt = await deliverOne(context, routing);
    if (attempt.outcome === "none") break;
    if (attempt.outcome === "delivered") {
      delivered += 1;
      continue;
    }
    failed += 1;
    const message = attempt.error instanceof Error ? attempt.error.message : String(attempt.error);
    context.logger.warn({ outboxId: attempt.event.id, topic: attempt.event.topic, attempts: attempt.event.attempts + 1, err: message }, "outbox delivery failed; will retry");
    const now = context.clock.now();
    await markOutboxFailed(context.database.db, attempt.event.id, message, new Date(now.getTime() + retryDelayMs(attempt.event.attempts)));
  }
  // Handlers write events too (`invoice.finalized`); mark the unconsumed ones of this pass.
  delivered += await markUnconsumedOutboxEventsDelivered(context.database.db, [...routing.keys()], context.clock.now());
  return { delivered, failed };
}

async function deliverOne(context: WorkerContext, routing: OutboxRouting): Promise<Attempt> {
  let claimed: OutboxRow | undefined;
  let mails: HeldMail[] = [];
  try {
    await context.database.db.transaction(async (tx) => {
      const now = context.clock.now();
      const [event] = await claimDueOutboxEvents(tx, { now, limit: 1, topics: [...routing.keys()] });
      if (event === undefined) return;
      claimed = event;
      const handler = routing.get(event.topic);
      try {
        if (handler !== undefined) await handler.handle(tx, event, context);
      } finally {
        mails = takeHeldMails(tx);
      }
      await markOutboxDelivered(tx, event.id, now);
    });
  } catch (error) {
    abortHeldMails(mails);
    if (claimed === undefined) throw error;
    return { outcome: "failed", event: claimed, error };
  }
  if (claimed === undefined) return { outcome: "none" };
  // Committed: now the final dots. A refusal at this point re-opens the event for a retry.
  const { refused } = await completeHeldMails(mails);
  if (refused.length > 0) {
    const event = claimed;
    const message = refused.map((mail) => `${mail.dedupeKey}: ${mail.error instanceof Error ? mail.error.message : String(mail.error)}`).join("; ");
    await context.database.db.transaction(async (tx) => {
      for (const mail of refused) await forgetMailDelivery(tx, mail.dedupeKey);
      await reopenOutboxEvent(tx, event.id, message, new Date(context.clock.now().getTime() + retryDelayMs(event.attempts)));
    });
    context.logger.warn({ outboxId: event.id, topic: event.topic, err: message }, "mail refused after commit; event re-opened");
  }
  return { outcome: "delivered" };
}

/**
 * Hands one event to its handler again in a transaction of its own and completes the mails it
 * sent (an at-least-once redelivery, as after a crash; tests use it to prove handlers idempotent).
 * Does not touch the event's delivery mark.
 */
export async function redeliverOutboxEvent(context: WorkerContext, handler: OutboxHandler, event: OutboxRow): Promise<void> {
  let mails: HeldMail[] = [];
  try {
    await context.database.db.transaction(async (tx) => {
      try {
        await handler.handle(tx, event, context);
      } finally {
        mails = takeHeldMails(tx);
      }
    });
  } catch (error) {
    abortHeldMails(mails);
    throw error;
  }
  const { refused } = await completeHeldMails(mails);
  if (refused.length > 0) throw new Error(`mail refused: ${refused.map((mail) => mail.dedupeKey).join(", ")}`);
}
