import type { KontorTransaction, OutboxRow } from "@kontor/db";
import { sendEventMail } from "../../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../../outbox/outbox-handler.js";
import type { WorkerContext } from "../../worker-context.js";
import { ASSET_EXPIRY_TOPIC } from "../service-desk-topics.js";
import { assetExpiryAlertSchema } from "./asset-expiry-alert.js";
import { assetExpiryMailText } from "./asset-expiry-mail.js";
import { assetExpiryRecipients } from "./asset-expiry-recipients.js";

/**
 * Mails a K11 warranty or license expiry warning to the customer's account manager, once per
 * warning (the mail's dedupe key is the event's, claimed by {@link sendMailOnce}). Marked
 * auto-generated (K4) so auto-replies stay silent.
 */
export const assetExpiryMailHandler: OutboxHandler = {
  topics: [ASSET_EXPIRY_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const alert = assetExpiryAlertSchema.parse(event.payload);
    const to = await assetExpiryRecipients(tx, alert.organizationId);
    const { subject, text } = assetExpiryMailText(alert);
    await sendEventMail(tx, context, event, { to, subject, text, headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" } });
  },
};
