import type { KontorTransaction, OutboxRow } from "@kontor/db";
import { outgoingTicketHeaders } from "@kontor/ticketing";
import { sendMailOnce } from "../../mail-out/send-mail-once.js";
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
    if (to.length === 0) {
      // No dispatcher and no assignee: retrying would not change that.
      context.logger.warn({ dedupeKey: event.dedupeKey }, "SLA alert has no recipient; not mailed");
      return;
    }
    const { subject, text } = slaAlertMailText(alert);
    const mailKey = `sla-${alert.clock}-${alert.kind}-${alert.at.replace(/[^0-9]/g, "").slice(0, 12)}`;
    await sendMailOnce(
      tx,
      context,
      {
        dedupeKey: event.dedupeKey,
        from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
        to,
        subject,
        text,
        headers: outgoingTicketHeaders({ ticketNumber: alert.ticketNumber, mailKey }, context.settings.mail),
      },
      event.id,
    );
  },
};
