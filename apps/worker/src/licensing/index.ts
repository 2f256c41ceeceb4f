import type { ScheduledJob } from "../jobs/scheduled-job.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { licensePurchaseJob } from "./license-purchase-job.js";
import { purchaseDueHandler } from "./purchase-due-handler.js";
import { renewalReminderOutboxHandler } from "./renewal-reminder-handler.js";
import { renewalReminderJob } from "./renewal-reminder-job.js";
import { rentalMonthBillingJob } from "./rental-month-billing-job.js";

/** The scheduled licensing rules: renewal reminders (L15), rental month billing (M5), due purchases (L3, L5). */
export const licensingJobs: ScheduledJob[] = [renewalReminderJob, rentalMonthBillingJob, licensePurchaseJob];

/** Consumers of the licensing outbox topics the worker owns: the renewal reminder mails and the purchase once it is due (L3). */
export const licensingOutboxHandlers: OutboxHandler[] = [renewalReminderOutboxHandler, purchaseDueHandler];

export { renewalReminderJob } from "./renewal-reminder-job.js";
export { renewalReminderOutboxHandler } from "./renewal-reminder-handler.js";
export { RENEWAL_REMINDER_TOPIC } from "./renewal-reminder-event.js";
export { rentalMonthBillingJob } from "./rental-month-billing-job.js";
export { RENTAL_INVOICE_DUE_TOPIC, type RentalInvoiceDuePayload } from "./rental-invoice-due-event.js";
export { licensePurchaseJob } from "./license-purchase-job.js";
