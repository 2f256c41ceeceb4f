import { appendToOutbox, listLicensesEndingBetween, type OutboxEvent } from "@kontor/db";
import { addDays } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import type { JobSummary, ScheduledJob } from "../jobs/scheduled-job.js";
import { localDay } from "./local-day.js";
import { renewalReminderEvent } from "./renewal-reminder-event.js";
import { RENEWAL_REMINDER_DAYS, dueRenewalReminder } from "./renewal-reminder-schedule.js";

/** Billing models with a yearly term to renew (L15 maintenance; annual subscriptions). */
const RENEWABLE_BILLING_MODELS: ReadonlySet<string> = new Set(["perpetual-maintenance", "annual-subscription"]);

/** Zones are at most a day apart: the query reads one day more on each side and the zone decides. */
const ZONE_SLACK_DAYS = 1;

/**
 * Maintenance and subscription renewal reminders (L15): for every license whose current term
 * ends within the next 90 days, the reminder due today in the organization's zone
 * ({@link dueRenewalReminder}) goes to the outbox as `licensing.renewal-reminder-mail`, keyed
 * `renewal-reminder:<licenseId>:<90|30>:<term end>`. Idempotent: a second run the same day
 * finds the keys and writes nothing.
 */
export const renewalReminderJob: ScheduledJob = {
  name: "licensing.renewal-reminders",
  cron: "30 6 * * *",
  expireInSeconds: 15 * 60,
  async run(context, now): Promise<JobSummary> {
    const today = localDay(now, context.settings.zone);
    const [longest] = RENEWAL_REMINDER_DAYS;
    const candidates = await listLicensesEndingBetween(context.database.db, addDays(today, 1 - ZONE_SLACK_DAYS), addDays(today, longest + ZONE_SLACK_DAYS));
    const events: OutboxEvent[] = [];
    for (const { license, organization, termEnd } of candidates) {
      const billingModel = (license.record as { billingModel?: string }).billingModel;
      if (billingModel !== undefined && !RENEWABLE_BILLING_MODELS.has(billingModel)) continue;
      const zone = (organization as Partial<Organization>).zone ?? context.settings.zone;
      const threshold = dueRenewalReminder(termEnd, localDay(now, zone));
      if (threshold !== undefined) events.push(renewalReminderEvent(license, threshold, termEnd));
    }
    await appendToOutbox(context.database.db, events, now);
    if (events.length > 0) context.logger.info({ reminders: events.map((event) => event.dedupeKey) }, "renewal reminders due");
    return { licensesEndingSoon: candidates.length, remindersDue: events.length };
  },
};
