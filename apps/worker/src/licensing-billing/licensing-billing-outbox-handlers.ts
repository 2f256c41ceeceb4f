import type { OutboxRow } from "@kontor/db";
import { currentBillingSettings } from "../billing/current-billing-settings.js";
import { RENTAL_INVOICE_DUE_TOPIC } from "../licensing/rental-invoice-due-event.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { billRentalMonth } from "./bill-rental-month.js";
import { ensureOrderInvoiced } from "./ensure-order-invoiced.js";
import { DELIVERY_NOTE_TO_SEND_TOPIC, LICENSE_INVOICE_DUE_TOPIC } from "./licensing-billing-topics.js";
import { sendDeliveryNote } from "./send-delivery-note.js";

/** The order an order event belongs to: `orderOutboxEvents` keys them by the stored order's id. */
function licenseOrderIdOf(event: OutboxRow): string {
  if (event.aggregateType !== "license-order") throw new Error(`Outbox event ${event.id} (${event.topic}) is about a ${event.aggregateType}, not a license order`);
  return event.aggregateId;
}

/**
 * The outbox handlers that bill the licensing business, with the seller and payment
 * settings read per event ({@link currentBillingSettings}: the stored ones, else the worker's
 * `settings.billing`):
 * - `licensing.invoice-due` (L5): compose, number and store the purchased order's invoice and
 *   mail its PDF ({@link ensureOrderInvoiced});
 * - `licensing.delivery-note-to-send` (L3, L5): make sure of the invoice, then number, render
 *   and mail the delivery note with the keys ({@link sendDeliveryNote});
 * - `licensing.rental-invoice-due` (M5): invoice and mail one rental month ({@link billRentalMonth}).
 */
export const licensingBillingOutboxHandlers: readonly OutboxHandler[] = [
  {
    topics: [LICENSE_INVOICE_DUE_TOPIC],
    async handle(tx, event, context) {
      await ensureOrderInvoiced(tx, context, await currentBillingSettings(tx, context), licenseOrderIdOf(event), event.id);
    },
  },
  {
    topics: [DELIVERY_NOTE_TO_SEND_TOPIC],
    async handle(tx, event, context) {
      await sendDeliveryNote(tx, context, await currentBillingSettings(tx, context), licenseOrderIdOf(event), event);
    },
  },
  {
    topics: [RENTAL_INVOICE_DUE_TOPIC],
    async handle(tx, event, context) {
      await billRentalMonth(tx, context, await currentBillingSettings(tx, context), event);
    },
  },
];
