/**
 * Billing of the licensing business (L3, L5, M5): the outbox handlers that invoice purchased
 * license orders, mail their delivery notes, and invoice rental months.
 */
export { licensingBillingOutboxHandlers } from "./licensing-billing-outbox-handlers.js";
export { DELIVERY_NOTE_TO_SEND_TOPIC, LICENSE_INVOICE_DUE_TOPIC } from "./licensing-billing-topics.js";
export { licenseOrderInvoiceSourceKey } from "./invoice-source-keys.js";
