import { DateTime } from "luxon";
import type { Ticket } from "../tickets/ticket.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, toIsoInstant, type Instant } from "../time/instant.js";
import { outgoingTicketHeaders, type OutgoingMail, type OutgoingMailSettings } from "./outgoing-mail.js";
import { subjectTag } from "./subject-tag.js";

/** K2: the confirmation sent when a mail became a ticket: ticket number and receipt timestamp. */
export interface TicketConfirmationEvent {
  readonly type: "ticket-confirmation";
  readonly ticketId: string;
  readonly ticketNumber: string;
  /** Receipt instant, ISO UTC. */
  readonly receivedAt: string;
  /** Receipt timestamp as shown to the customer, e.g. `03.06.2026, 09:15 Uhr (Europe/Berlin)`. */
  readonly receivedAtText: string;
  readonly mail: OutgoingMail;
}

/** The mail that opened the ticket, for threading the confirmation (a `ParsedMail` fits). */
export interface ConfirmedMail {
  /** Its Message-ID (no brackets), when it had one. */
  readonly messageId?: string | undefined;
  readonly references?: readonly string[] | undefined;
}

/**
 * Builds the K2 confirmation for a ticket opened from mail: addressed to the requester, from the
 * support address (K6), subject carrying the ticket tag, our `confirmation` Message-ID,
 * threaded to the customer's mail and marked auto-generated (K4).
 *
 * @param ticket the new ticket
 * @param receivedAt the receipt instant of the mail
 * @param source the customer's mail
 * @param settings support address and Message-ID domain
 * @param zone zone of the shown timestamp (default `Europe/Berlin`)
 */
export function ticketConfirmation(
  ticket: Ticket,
  receivedAt: Instant,
  source: ConfirmedMail,
  settings: OutgoingMailSettings,
  zone: string = DEFAULT_ZONE,
): TicketConfirmationEvent {
  const receivedMs = toEpochMs(receivedAt, ["receivedAt"]);
  const local = DateTime.fromMillis(receivedMs, { zone: resolveZone(zone) });
  const receivedAtText = `${local.toFormat("dd.MM.yyyy, HH:mm")} Uhr (${zone})`;
  const text = [
    "Guten Tag,",
    "",
    `Ihre Meldung ist bei uns eingegangen und wurde als Ticket ${ticket.number} erfasst.`,
    `Eingang: ${receivedAtText}`,
    `Betreff: ${ticket.subject}`,
    "",
    "Antworten Sie einfach auf diese E-Mail; Ihre Nachricht wird dann automatisch dem Ticket zugeordnet.",
    "",
    `Ihr Serviceteam – ${settings.supportName}`,
  ].join("\n");
  return {
    type: "ticket-confirmation",
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    receivedAt: toIsoInstant(receivedMs),
    receivedAtText,
    mail: {
      from: { address: settings.supportAddress, name: settings.supportName },
      to: [ticket.requester.email],
      subject: `${subjectTag(ticket.number)} Eingangsbestätigung: ${ticket.subject}`,
      text,
      headers: outgoingTicketHeaders(
        {
          ticketNumber: ticket.number,
          mailKey: "confirmation",
          ...(source.messageId === undefined ? {} : { inReplyTo: source.messageId }),
          ...(source.references === undefined ? {} : { references: source.references }),
        },
        settings,
      ),
      dedupeKey: `ticket-confirmation:${ticket.id}`,
    },
  };
}
