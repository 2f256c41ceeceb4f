import type { KontorTransaction, OutboxRow } from "@kontor/db";
import { outgoingTicketHeaders } from "@kontor/ticketing";
import { sendEventMail } from "../../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../../outbox/outbox-handler.js";
import type { WorkerContext } from "../../worker-context.js";
import { SLA_ALERT_TOPIC } from "../service-desk-topics.js";
import { slaAlertSchema } from "./sla-alert.js";
import { slaAlertMailText } from "./sla-alert-mail.js";
import { slaAlertRecipients } from "./sla-alert-recipients.js";

/**
 * Mails a K7 SLA warning or breach to the service team and the assignee, once per alert (the
 * mail's dedupe key is the event's, claimed by {@link sendMailOnce}). The mail carries our ticket
 * headers (K4: auto-generated, our Message-ID per alert) so it never turns into a ticket if it
 * comes back to the support address. A warning superseded by its breach is not mailed.
 */
export const slaAlertMailHandler: OutboxHandler = {
  topics: [SLA_ALERT_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const alert = slaAlertSchema.parse(event.payload);
    if (alert.superseded) return;
    const to = await slaAlertRecipients(tx, alert.ticketId);
    const { subject, text } = slaAlertMailText(alert);
    const mailKey = `sla-${alert.clock}-${alert.kind}-${alert.at.replace(/[^0-9]/g, "").slice(0, 12)}`;
    await sendEventMail(tx, context, event, { to, subject, text, headers: outgoingTicketHeaders({ ticketNumber: alert.ticketNumber, mailKey }, context.settings.mail) });
  },
};
