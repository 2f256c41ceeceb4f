import type { ScheduledJob } from "../jobs/scheduled-job.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { paymentReminderOutboxHandler } from "./payment-reminder-handler.js";
import { paymentReminderJob } from "./payment-reminder-job.js";

/** The scheduled dunning rule: the daily payment reminders of overdue invoices (Zahlungserinnerung, Mahnung with T6). */
export const paymentReminderJobs: ScheduledJob[] = [paymentReminderJob];

/** Consumers of the payment reminder topic: the reminder mails to the billing recipient. */
export const paymentReminderOutboxHandlers: OutboxHandler[] = [paymentReminderOutboxHandler];

export { paymentReminderJob, writeDuePaymentReminders, PAYMENT_REMINDER_PAGE_SIZE } from "./payment-reminder-job.js";
export { paymentReminderOutboxHandler } from "./payment-reminder-handler.js";
export { PAYMENT_REMINDER_TOPIC, paymentReminderDedupeKey, type PaymentReminderPayload } from "./payment-reminder-event.js";
export { PAYMENT_REMINDER_STAGES, duePaymentReminder, type PaymentReminderStage } from "./payment-reminder-schedule.js";
