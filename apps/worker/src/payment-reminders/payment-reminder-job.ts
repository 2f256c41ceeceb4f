import { fromEpochDay, toEpochDay } from "@kontor/calendar";
import { appendToOutbox, listOverdueInvoices, missingOutboxDedupeKeys, type OutboxEvent } from "@kontor/db";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import { localDay } from "../licensing/local-day.js";
import type { WorkerContext } from "../worker-context.js";
import { paymentReminderEvent } from "./payment-reminder-event.js";
import { FIRST_REMINDER_DAYS_OVERDUE, daysOverdue, duePaymentReminder } from "./payment-reminder-schedule.js";

/** Overdue invoices are read in pages of this size. */
export const PAYMENT_REMINDER_PAGE_SIZE = 200;

/**
 * Writes the payment reminders due on the local day of `now` in the installation's zone: pages
 * through every overdue invoice with `listOverdueInvoices` (one statement per page, open amounts
 * included, keyset by due date and id; `pageSize + 1` rows tell whether another page follows),
 * decides the stage due by days overdue ({@link duePaymentReminder}), asks the outbox once per
 * page which of the page's keys are missing and appends only those.
 */
export async function writeDuePaymentReminders(context: WorkerContext, now: Date, pageSize = PAYMENT_REMINDER_PAGE_SIZE): Promise<JobSummary> {
  const today = localDay(now, context.settings.zone);
  // Only invoices due at least FIRST_REMINDER_DAYS_OVERDUE days before today: listOverdueInvoices
  // lists due dates before `asOf`.
  const asOf = fromEpochDay(toEpochDay(today) - FIRST_REMINDER_DAYS_OVERDUE + 1);
  let overdueInvoices = 0;
  let remindersDue = 0;
  const written: string[] = [];
  let after: { dueDate: string; id: string } | undefined;
  for (;;) {
    const rows = await listOverdueInvoices(context.database.db, { asOf, limit: pageSize + 1, after });
    const page = rows.slice(0, pageSize);
    overdueInvoices += page.length;
    const events: OutboxEvent[] = [];
    for (const row of page) {
      const stage = duePaymentReminder(row.dueDate, today);
      if (stage !== undefined) events.push(paymentReminderEvent(row, stage, today, daysOverdue(row.dueDate, today)));
    }
    remindersDue += events.length;
    const missing = new Set(await missingOutboxDedupeKeys(context.database.db, events.map((event) => event.dedupeKey)));
    const fresh = events.filter((event) => missing.has(event.dedupeKey));
    // The dedupe key stays the guarantee: a concurrent run that wrote the same key meanwhile adds nothing.
    await appendToOutbox(context.database.db, fresh, now);
    written.push(...fresh.map((event) => event.dedupeKey));
    const last = page.at(-1);
    if (rows.length <= pageSize || last === undefined) break;
    after = { dueDate: last.dueDate, id: last.id };
  }
  if (written.length > 0) context.logger.info({ reminders: written }, "payment reminders due");
  return { today, overdueInvoices, remindersDue, remindersWritten: written.length };
}

/**
 * Payment reminders (dunning) for finalized invoices left unpaid: every day, for every invoice
 * with an open amount at least 7 days past its due date (reversed payments count for nothing, so
 * a returned direct debit brings its invoice back), the highest stage reached goes to the
 * outbox as `invoicing.payment-reminder-mail`: a Zahlungserinnerung from 7 days overdue, a
 * Mahnung with the T6 claim from 30 days. Keyed `payment-reminder:<invoiceId>:<1|2>`: each stage
 * at most once per invoice, and a second run the same day writes nothing.
 */
export const paymentReminderJob: ScheduledJob = {
  name: "invoicing.payment-reminders",
  cron: "45 6 * * *",
  expireInSeconds: 15 * 60,
  run(context, now): Promise<JobSummary> {
    return writeDuePaymentReminders(context, now);
  },
};
