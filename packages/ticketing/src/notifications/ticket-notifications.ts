import { ourMessageId, outgoingTicketHeaders, type OutgoingMail, type OutgoingMailSettings } from "../mail/outgoing-mail.js";
import { subjectTag } from "../mail/subject-tag.js";
import type { Organization } from "../organizations/organization.js";
import type { TicketChannel } from "../tickets/ticket-classification.js";
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

/**
 * Statuses the requester is told about by mail (seed 004: the customer talks to the technician
 * by answering the ticket mail): an answer is needed, or the ticket was resolved (the answer
 * reopens it within the K1 window). The other moves are the service desk's own business.
 */
const REQUESTER_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>(["waiting-for-customer", "resolved"]);

/**
 * Channels whose requester is a customer contact who can answer. Monitoring (K8) and schedule
 * (K9) tickets name the system as requester (`monitoring@kontor.invalid`).
 */
const CUSTOMER_CHANNELS: ReadonlySet<TicketChannel> = new Set<TicketChannel>(["mail", "portal", "phone"]);

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
 * confirmation, or their own mail about the event).
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
 * The mail key (part of the Message-ID, `comment-7`, `status-9`) of the requester's mail about
 * `event`, or `undefined` when the event mails the requester nothing: a public comment or a move
 * to one of `REQUESTER_STATUSES`, on a ticket of a customer channel, by staff or the
 * system. Nothing a customer does (their comment by portal or mail, K3) is mailed back to them,
 * so a customer's mail can never cause mail to the customer (K4: no loop through us).
 */
function requesterMailKey(ticket: Ticket, event: TicketEvent): string | undefined {
  if (!CUSTOMER_CHANNELS.has(ticket.channel) || event.by.kind === "customer") return undefined;
  if (event.type === "comment-added" && event.visibility === "public") return `comment-${event.seq}`;
  if (event.type === "status-changed" && REQUESTER_STATUSES.has(event.to)) return `status-${event.seq}`;
  return undefined;
}

/**
 * The thread the requester's mails about a ticket form (K3): the K2 confirmation first, then
 * every earlier requester mail in history order, as Message-IDs without brackets. Derived from the
 * history alone, so a redelivered event gets the same headers.
 */
function requesterThread(ticket: Ticket, settings: OutgoingMailSettings): { readonly seq: number; readonly messageId: string }[] {
  const thread = [{ seq: 0, messageId: ourMessageId(ticket.number, "confirmation", settings.messageIdDomain) }];
  for (const event of ticket.history) {
    const key = requesterMailKey(ticket, event);
    if (key !== undefined) thread.push({ seq: event.seq, messageId: ourMessageId(ticket.number, key, settings.messageIdDomain) });
  }
  return thread;
}

const REPLY_HINT = "Antworten Sie einfach auf diese E-Mail; Ihre Nachricht wird dann automatisch dem Ticket zugeordnet.";

function requesterText(lines: readonly string[], settings: OutgoingMailSettings): string {
  return ["Guten Tag,", "", ...lines, "", `Ihr Serviceteam – ${settings.supportName}`].join("\n");
}

/** Subject and text of the requester's mail about `event` (German, like the K2 confirmation). */
function requesterContent(ticket: Ticket, event: TicketEvent, settings: OutgoingMailSettings): { subject: string; text: string } | undefined {
  const tag = subjectTag(ticket.number);
  const named = `${ticket.number} („${ticket.subject}“)`;
  if (event.type === "comment-added") {
    const comment = ticket.comments.find((candidate) => candidate.id === event.commentId);
    const attachments = comment?.attachments.length ?? 0;
    return {
      subject: `${tag} Neue Nachricht zu Ihrem Ticket: ${ticket.subject}`,
      text: requesterText(
        [
          `zu Ihrem Ticket ${named} hat unser Serviceteam geschrieben:`,
          "",
          comment === undefined ? "(Die Nachricht finden Sie im Ticket im Kundenportal.)" : comment.text,
          ...(attachments === 0 ? [] : ["", `Anhänge: ${String(attachments)} (im Ticket im Kundenportal abrufbar)`]),
          "",
          REPLY_HINT,
        ],
        settings,
      ),
    };
  }
  if (event.type === "status-changed" && event.to === "waiting-for-customer") {
    return {
      subject: `${tag} Status: ${STATUS_LABELS[event.to]} – ${ticket.subject}`,
      text: requesterText(
        [
          `Ihr Ticket ${named} wartet auf Ihre Rückmeldung: Für die weitere Bearbeitung benötigt unser Techniker eine Antwort von Ihnen.`,
          "Die Rückfrage finden Sie im Ticket im Kundenportal.",
          "",
          REPLY_HINT,
        ],
        settings,
      ),
    };
  }
  if (event.type === "status-changed" && event.to === "resolved") {
    return {
      subject: `${tag} Status: ${STATUS_LABELS[event.to]} – ${ticket.subject}`,
      text: requesterText(
        [
          `Ihr Ticket ${named} wurde als gelöst markiert.`,
          "",
          `Sollte das Problem weiterhin bestehen: ${REPLY_HINT}`,
          "Im Kundenportal können Sie uns außerdem eine Rückmeldung zur Bearbeitung geben.",
        ],
        settings,
      ),
    };
  }
  return undefined;
}

/**
 * The mails a ticket change causes, one per event and recipient group, each with a `dedupeKey`
 * that makes delivery idempotent:
 *
 * - K5 `ticket-created` → the organization's new-ticket recipients (minus a mail requester, who
 *   already has the K2 confirmation);
 * - K5 `status-changed` → the status-change recipients;
 * - seed 004 / K3: a public comment by staff, and a move to waiting-for-customer or resolved →
 *   the ticket's requester (tickets of the mail, portal and phone channels), threaded after the
 *   K2 confirmation and the earlier requester mails (`In-Reply-To`/`References`), with the ticket
 *   tag in the subject, so the answer lands on the ticket. Internal comments and whatever the
 *   customer did themselves are never mailed to them. A requester who is also a status-change
 *   recipient gets only their own mail for the event.
 *
 * Sent from the support address (technicians are not addressed directly, K6) with our headers
 * (K4: `Auto-Submitted: auto-generated`).
 *
 * @param ticket the ticket after the change
 * @param events the events of the change
 * @param organization the ticket's organization; without one only the requester is mailed
 * @param settings support address and Message-ID domain
 */
export function ticketNotifications(
  ticket: Ticket,
  events: readonly TicketEvent[],
  organization: Organization | undefined,
  settings: OutgoingMailSettings,
): OutgoingMail[] {
  const mails: OutgoingMail[] = [];
  const from = { address: settings.supportAddress, name: settings.supportName };
  const tag = subjectTag(ticket.number);
  const requester = ticket.requester.email.toLowerCase();
  let thread: ReturnType<typeof requesterThread> | undefined;
  for (const event of events) {
    const requesterKey = requesterMailKey(ticket, event);
    const requesterMailContent = requesterKey === undefined ? undefined : requesterContent(ticket, event, settings);
    if (requesterKey !== undefined && requesterMailContent !== undefined) {
      thread ??= requesterThread(ticket, settings);
      const earlier = thread.filter((entry) => entry.seq < event.seq).map((entry) => entry.messageId);
      const inReplyTo = earlier[earlier.length - 1];
      mails.push({
        from,
        to: [requester],
        ...requesterMailContent,
        headers: outgoingTicketHeaders(
          { ticketNumber: ticket.number, mailKey: requesterKey, ...(inReplyTo === undefined ? {} : { inReplyTo, references: earlier.slice(0, -1) }) },
          settings,
        ),
        dedupeKey: `notification:${ticket.id}:${requesterKey}`,
      });
    }
    if (organization === undefined) continue;
    let to: string[] = [];
    let subject = "";
    let text = "";
    if (event.type === "ticket-created") {
      to = notificationRecipients(organization, "new-ticket", ticket.channel === "mail" ? [ticket.requester.email] : []);
      subject = `${tag} Neues Ticket: ${ticket.subject}`;
      text = `Für ${organization.name} wurde das Ticket ${ticket.number} erfasst.\nBetreff: ${ticket.subject}\nGemeldet von: ${ticket.requester.email}`;
    } else if (event.type === "status-changed") {
      // One mail per person and event: the requester already has their own.
      to = notificationRecipients(organization, "status-changed", requesterMailContent === undefined ? [] : [requester]);
      subject = `${tag} Status: ${STATUS_LABELS[event.to]} – ${ticket.subject}`;
      text = `Der Status von Ticket ${ticket.number} hat sich geändert: ${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}.`;
    }
    if (to.length === 0) continue;
    const mailKey = `${event.type}-${event.seq}`;
    mails.push({
      from,
      to,
      subject,
      text,
      headers: outgoingTicketHeaders({ ticketNumber: ticket.number, mailKey }, settings),
      dedupeKey: `notification:${ticket.id}:${mailKey}`,
    });
  }
  return mails;
}
