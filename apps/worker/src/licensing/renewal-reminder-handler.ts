import { findOrganization, type KontorTransaction, type OutboxRow } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import { sendEventMail } from "../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { organizationAdminAddresses } from "../seats/organization-admin-addresses.js";
import type { WorkerContext } from "../worker-context.js";
import { RENEWAL_REMINDER_TOPIC, type RenewalReminderPayload } from "./renewal-reminder-event.js";
import { renewalReminderText } from "./renewal-reminder-text.js";

/**
 * Sends a renewal reminder (90 or 30 days before a term ends, L15) to the organization's
 * administrators, once per dedupe key `renewal-reminder:<licenseId>:<90|30>:<term end>`.
 */
export const renewalReminderOutboxHandler: OutboxHandler = {
  topics: [RENEWAL_REMINDER_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const reminder = event.payload as RenewalReminderPayload;
    const row = await findOrganization(tx, reminder.organizationId);
    if (row === undefined) throw new Error(`renewal reminder ${event.dedupeKey}: organization ${reminder.organizationId} not found`);
    const { subject, text } = renewalReminderText(reminder);
    await sendEventMail(tx, context, event, { to: await organizationAdminAddresses(tx, row.record as Organization), subject, text });
  },
};
