/**
 * Outbox topics of the license order lifecycle this folder consumes. The API's
 * `orderOutboxEvents` (and the worker's purchase job, which reuses it) writes them as
 * `licensing.<OrderEvent type>`.
 */

/** L5: the invoice of a purchased order is due (payload: the `invoice-due` order event). */
export const LICENSE_INVOICE_DUE_TOPIC = "licensing.invoice-due";

/** L5: the delivery note of a delivered order is to be sent (payload: the event with sealed keys). */
export const DELIVERY_NOTE_TO_SEND_TOPIC = "licensing.delivery-note-to-send";
