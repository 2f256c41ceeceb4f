export { buildApi, type ApiOptions } from "./app/build-api.js";
export type { ApiDeps } from "./app/api-deps.js";
export { ProblemError } from "./http/problem.js";
// Shared with the worker (apps/worker), which runs the same service-desk and invoice writes.
export { TICKET_MAIL_SETTINGS, INSTALLATION_ZONE } from "./routes/tickets/service-desk-settings.js";
export { changeTicket, openTicket, organizationOf } from "./routes/tickets/ticket-store.js";
export { ticketOutboxEvents, CONFIRMATION_MAIL_TOPIC, NOTIFICATION_MAIL_TOPIC, TICKET_EVENT_TOPIC_PREFIX } from "./routes/tickets/ticket-outbox.js";
export { ticketColumns } from "./routes/tickets/ticket-columns.js";
export { seedDemoData } from "./demo/seed-demo-data.js";
export { INVOICE_FINALIZED_TOPIC, finalizeStoredInvoice } from "./routes/invoices/finalize-stored-invoice.js";
export { contingentOutboxEvents } from "./routes/contingent/contingent-outbox.js";
export { seatMailEvents } from "./routes/seats/seat-mail-outbox.js";
export { defaultSlaTerms } from "./routes/tickets/default-sla-terms.js";
export { finalizeInvoiceInTransaction, type FinalizationDeps } from "./routes/invoices/finalize-stored-invoice.js";
export { type StoredInvoiceDocument, toStoredDocument } from "./routes/invoices/stored-invoice.js";
export { readApiConfig, type ApiConfig } from "./app/api-config.js";
export { orderOutboxEvents } from "./routes/licensing/order-events.js";
export { orderDocument } from "./routes/licensing/order-documents.js";
export { licensesFromDelivery } from "./routes/licensing/licenses-from-delivery.js";
