import type { OutboxEvent } from "@kontor/db";
import type { OrderEvent, RentalEvent } from "@kontor/licensing";
import { toStoredJson } from "./stored-json.js";

/**
 * The outbox events of a license-order transition, in the API's form (topic `licensing.<type>`,
 * dedupe key per order version and position), so the worker sees demo orders exactly like
 * orders placed through `POST /v1/orders`. Demo orders never reach delivery, so no delivery
 * note with keys (which the API seals) passes through here.
 */
export function orderOutboxEvents(orderId: string, version: number, events: readonly OrderEvent[]): OutboxEvent[] {
  return events.map((event, index) => ({
    topic: `licensing.${event.type}`,
    aggregateType: "license-order",
    aggregateId: orderId,
    dedupeKey: `license-order:${orderId}:v${version}:${index}:${event.type}`,
    payload: toStoredJson(event),
  }));
}

/** The outbox events of a rental transition, in the form of the API's rental routes. */
export function rentalOutboxEvents(subscriptionId: string, version: number, events: readonly RentalEvent[]): OutboxEvent[] {
  return events.map((event, index) => ({
    topic: `licensing.${event.type}`,
    aggregateType: "rental-subscription",
    aggregateId: subscriptionId,
    dedupeKey: `rental-subscription:${subscriptionId}:v${version}:${index}:${event.type}`,
    payload: toStoredJson(event),
  }));
}
