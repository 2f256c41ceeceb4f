import { schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { and, asc, eq } from "drizzle-orm";
import { billingOutboxHandlers } from "../billing/billing-outbox-handlers.js";
import { redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import type { WorkerContext } from "../worker-context.js";

/**
 * The first outbox event (lowest id) of `topic`, only among the events of the aggregate
 * `aggregateId` when one is given; throws when there is none.
 */
export async function firstOutboxEvent(database: DatabaseHandle, topic: string, aggregateId?: string): Promise<OutboxRow> {
  const ofTopic = eq(schema.outbox.topic, topic);
  const [event] = await database.db
    .select()
    .from(schema.outbox)
    .where(aggregateId === undefined ? ofTopic : and(ofTopic, eq(schema.outbox.aggregateId, aggregateId)))
    .orderBy(asc(schema.outbox.id));
  if (event === undefined) throw new Error(aggregateId === undefined ? `no ${topic} event` : `no ${topic} event of ${aggregateId}`);
  return event;
}

/**
 * Hands `event` to the month-end billing handler of its topic ({@link billingOutboxHandlers})
 * through {@link redeliverOutboxEvent}: in a transaction of its own, as an at-least-once
 * redelivery would. Throws when no billing handler takes the topic.
 */
export async function redeliverToBillingHandler(context: WorkerContext, event: OutboxRow): Promise<void> {
  const handler = billingOutboxHandlers.find((candidate) => candidate.topics.includes(event.topic));
  if (handler === undefined) throw new Error(`no handler for ${event.topic}`);
  await redeliverOutboxEvent(context, handler, event);
}
