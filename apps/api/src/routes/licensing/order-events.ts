import { sealSecret, type OutboxEvent } from "@kontor/db";
import type { OrderEvent } from "@kontor/licensing";
import { toJson } from "./licensing-context.js";

/**
 * The outbox events of an order transition: one per domain event, topic `licensing.<type>`
 * (confirmation to send, purchase due, invoice due, delivery note to send, …). The dedupe key is
 * the order's version after the change plus the event's position, unique per transition.
 * Keys on a delivery note are sealed (L13): the mailer opens them, the table never holds them plain.
 */
export function orderOutboxEvents(orderId: string, version: number, events: readonly OrderEvent[]): OutboxEvent[] {
  return events.map((event, index) => ({
    topic: `licensing.${event.type}`,
    aggregateType: "license-order",
    aggregateId: orderId,
    dedupeKey: `license-order:${orderId}:v${version}:${index}:${event.type}`,
    payload: event.type === "delivery-note-to-send" ? sealDeliveryNote(event) : toJson(event),
  }));
}

function sealDeliveryNote(event: Extract<OrderEvent, { type: "delivery-note-to-send" }>): Record<string, unknown> {
  return toJson({
    ...event,
    document: {
      ...event.document,
      items: event.document.items.map(({ key, ...item }) => ({ ...item, key: null, sealedKey: key === null ? null : sealSecret(key) })),
    },
  });
}
