import type { OutboxEvent } from "@kontor/db";
import { ticketConfirmation, ticketNotifications, type Organization, type TicketChange } from "@kontor/ticketing";
import { INSTALLATION_ZONE, TICKET_MAIL_SETTINGS } from "./service-desk-settings.js";

/** Outbox topic of each ticket history event: `ticket.<type>`, e.g. `ticket.status-changed`. */
export const TICKET_EVENT_TOPIC_PREFIX = "ticket.";
/** Outbox topic of the K2 confirmation mail. */
export const CONFIRMATION_MAIL_TOPIC = "mail.ticket-confirmation";
/** Outbox topic of K5 notification mails and of the requester's mails about staff comments and status (K3). */
export const NOTIFICATION_MAIL_TOPIC = "mail.ticket-notification";

/**
 * The outbox events of a ticket change, written in the transaction that stores it: every
 * history event, the K2 confirmation to the requester (`confirm`, on creation), the K5
 * notifications to the organization's recipients and the requester's mails (a public staff
 * comment, waiting for the customer, resolved: `ticketNotifications`), the latter also for a
 * ticket without an organization. Dedupe keys come from the events and from
 * `@kontor/ticketing`'s mails, so a retried write never sends twice.
 */
export function ticketOutboxEvents(change: TicketChange, organization: Organization | undefined, options: { readonly confirm?: boolean } = {}): OutboxEvent[] {
  const { ticket } = change;
  const base = { aggregateType: "ticket", aggregateId: ticket.id } as const;
  const events: OutboxEvent[] = change.events.map((event) => ({
    ...base,
    topic: `${TICKET_EVENT_TOPIC_PREFIX}${event.type}`,
    dedupeKey: `ticket-event:${ticket.id}:${event.seq}`,
    payload: event,
  }));
  if (options.confirm === true) {
    // No thread to join: the ticket did not come in by mail through this route.
    const confirmation = ticketConfirmation(ticket, ticket.createdAt, {}, TICKET_MAIL_SETTINGS, organization?.zone ?? INSTALLATION_ZONE);
    events.push({ ...base, topic: CONFIRMATION_MAIL_TOPIC, dedupeKey: confirmation.mail.dedupeKey, payload: confirmation });
  }
  for (const mail of ticketNotifications(ticket, change.events, organization, TICKET_MAIL_SETTINGS)) {
    events.push({ ...base, topic: NOTIFICATION_MAIL_TOPIC, dedupeKey: mail.dedupeKey, payload: mail });
  }
  return events;
}
