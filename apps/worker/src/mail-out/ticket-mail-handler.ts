import { CONFIRMATION_MAIL_TOPIC, NOTIFICATION_MAIL_TOPIC } from "@kontor/api";
import type { OutgoingMail, TicketConfirmationEvent } from "@kontor/ticketing";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { sendMailOnce } from "./send-mail-once.js";

/**
 * Sends the service desk's mails: the K2 confirmation (ticket number and receipt timestamp,
 * threaded to the customer's mail) and the K5 notifications. Both are composed by
 * `@kontor/ticketing` when the ticket changes; here they only go out, once per dedupe key.
 */
export const ticketMailHandler: OutboxHandler = {
  topics: [CONFIRMATION_MAIL_TOPIC, NOTIFICATION_MAIL_TOPIC],
  async handle(tx, event, context) {
    const mail: OutgoingMail = event.topic === CONFIRMATION_MAIL_TOPIC ? (event.payload as TicketConfirmationEvent).mail : (event.payload as OutgoingMail);
    await sendMailOnce(tx, context, mail, event.id);
  },
};
