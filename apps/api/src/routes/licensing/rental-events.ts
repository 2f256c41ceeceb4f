import type { OutboxEvent } from "@kontor/db";
import type { RentalEvent } from "@kontor/licensing";
import { toJson } from "./licensing-context.js";

/**
 * The outbox events of a rental transition (M*): one per domain event, topic
 * `licensing.<type>`, deduped by the subscription's version after the change and the event's
 * position. The worker's demo data writes its rentals' events with it too.
 */
export function rentalOutboxEvents(subscriptionId: string, version: number, events: readonly RentalEvent[]): OutboxEvent[] {
  return events.map((event, index) => ({
    topic: `licensing.${event.type}`,
    aggregateType: "rental-subscription",
    aggregateId: subscriptionId,
    dedupeKey: `rental-subscription:${subscriptionId}:v${version}:${index}:${event.type}`,
    payload: toJson(event),
  }));
}
