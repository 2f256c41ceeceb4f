/**
 * Month-end billing (C2–C8): the daily month-close job, the outbox handlers that mail the
 * service report and then bill the month (at month close, or once the back office released the
 * report, K1), and a data seeder for end-to-end tests and benchmarks.
 */
export { monthCloseJob } from "./month-close-job.js";
export { billingOutboxHandlers, INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC, SERVICE_REPORT_RELEASED_TOPIC } from "./billing-outbox-handlers.js";
export { billingSettingsSchema, DEFAULT_BILLING_SETTINGS, readBillingSettingsFile, type BillingSettings } from "./billing-settings.js";
export { seedBillingScenario, type BillingScenario } from "./billing-scenario.js";
