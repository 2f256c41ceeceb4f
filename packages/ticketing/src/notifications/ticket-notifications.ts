import { outgoingTicketHeaders, type OutgoingMail, type OutgoingMailSettings } from "../mail/outgoing-mail.js";
import { subjectTag } from "../mail/subject-tag.js";
import type { Organization } from "../organizations/organization.js";
import type { TicketEvent } from "../tickets/ticket-event.js";
import type { TicketStatus } from "../tickets/ticket-status.js";
import type { Ticket } from "../tickets/ticket.js";

/** The notification kinds an organization configures (K5, O1). */
export type NotificationKind = "new-ticket" | "status-changed" | "service-report";

const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: "Neu",
  assigned: "Zugewiesen",
  "in-progress": "In Bearbeitung",
  "waiting-for-customer": "Wartet auf Ihre Rückmeldung",
  resolved: "Gelöst",
  closed: "Geschlossen",
};

function unique(addresses: readonly string[], exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude.map((address) => address.toLowerCase()));
  const result: string[] = [];
  for (const address of addresses) {
    const lower = address.toLowerCase();
    if (!skip.has(lower)) {
      skip.add(lower);
      result.push(lower);
    }
  }
  return result;
}

/**
 * Who receives a notification of `kind` for an organization (K5, O1): the optional new-ticket and
 * status-change recipients, or the service-report recipient. Addresses are de-duplicated
 * case-insensitively; `exclude` removes people who already got a mail (the requester's K2
 * confirmation).
 */
export function notificationRecipients(organization: Organization, kind: NotificationKind, exclude: readonly string[] = []): string[] {
  switch (kind) {
    case "new-ticket":
      return unique(organization.newTicketRecipients, exclude);
    case "status-changed":
      return unique(organization.statusChangeRecipients, exclude);
    case "service-report":
      return unique([organization.serviceReportRecipient], exclude);
  }
}

/**
 * The K5 mails a ticket change causes: `ticket-created` → the organization's new-ticket
 * recipients (minus a mail requester, who already has the K2 confirmation); `status-changed` →
 * the status-change recipients. Sent from the support address (technicians are not addressed
 * directly, K6) with our headers (K4). One mail per event; `dedupeKey` makes delivery idempotent.
 *
 * @param ticket the ticket after the change
 * @param events the events of the change
 * @param organization the ticket's organization
 * @param settings support address and Message-ID domain
 */
export function ticketNotifications(
  ticket: Ticket,
  events: readonly TicketEvent[],
  organization: Organization,
  settings: OutgoingMailSettings,
): OutgoingMail[] {
  const mails: OutgoingMail[] = [];
  const tag = subjectTag(ticket.number);
  for (const event of events) {
    let to: string[] = [];
    let subject = "";
    let text = "";
    if (event.type === "ticket-created") {
      to = notificationRecipients(organization, "new-ticket", ticket.channel === "mail" ? [ticket.requester.email] : []);
      subject = `${tag} Neues Ticket: ${ticket.subject}`;
      text = `Für ${organization.name} wurde das Ticket ${ticket.number} erfasst.\nBetreff: ${ticket.subject}\nGemeldet von: ${ticket.requester.email}`;
    } else if (event.type === "status-changed") {
      to = notificationRecipients(organization, "status-changed");
      subject = `${tag} Status: ${STATUS_LABELS[event.to]} – ${ticket.subject}`;
      text = `Der Status von Ticket ${ticket.number} hat sich geändert: ${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}.`;
    }
    if (to.length === 0) continue;
    const mailKey = `${event.type}-${event.seq}`;
    mails.push({
      from: { address: settings.supportAddress, name: settings.supportName },
      to,
      subject,
      text,
      headers: outgoingTicketHeaders({ ticketNumber: ticket.number, mailKey }, settings),
      dedupeKey: `notification:${ticket.id}:${mailKey}`,
    });
  }
  return mails;
}
