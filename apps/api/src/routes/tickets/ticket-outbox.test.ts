import { applyTicketCommand, createTicket, type OutgoingMail, type Ticket, type TicketChange } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { MUELLER } from "../../testing/fixtures.js";
import { NOTIFICATION_MAIL_TOPIC, ticketOutboxEvents } from "./ticket-outbox.js";

function ok<T>(result: { ok: true; value: T } | { ok: false; errors: readonly { code: string }[] }): T {
  if (!result.ok) throw new Error(result.errors.map((error) => error.code).join(", "));
  return result.value;
}

/** A mail ticket from a sender no organization knows (K2: `KONTOR_UNKNOWN_SENDER=create-ticket`), or Müller's. */
function mailTicket(organizationId?: string): Ticket {
  return ok(
    createTicket(
      {
        id: "t-9",
        number: "T-2026-000009-0",
        kind: "incident",
        channel: "mail",
        ...(organizationId === undefined ? {} : { organizationId }),
        requester: { email: "info@neukunde.example" },
        subject: "Server startet nicht",
        description: "",
        by: { kind: "system", id: "kontor" },
      },
      "2026-06-03T09:15:00+02:00",
    ),
  ).ticket;
}

function staffComment(ticket: Ticket): TicketChange {
  return ok(applyTicketCommand(ticket, { type: "add-comment", by: { kind: "staff", id: "staff-meier" }, commentId: "c-1", visibility: "public", text: "Welcher Server?", attachments: [] }, "2026-06-03T10:00:00+02:00"));
}

const notificationMails = (change: TicketChange, organization: typeof MUELLER | undefined): OutgoingMail[] =>
  ticketOutboxEvents(change, organization)
    .filter((event) => event.topic === NOTIFICATION_MAIL_TOPIC)
    .map((event) => event.payload as OutgoingMail);

describe("ticket outbox: the requester's mails (K3, K5)", () => {
  it("K3: a public staff comment on a ticket without organization still puts the requester's mail in the outbox", () => {
    const mails = notificationMails(staffComment(mailTicket()), undefined);
    expect(mails.map((mail) => [mail.to, mail.dedupeKey])).toEqual([[["info@neukunde.example"], "notification:t-9:comment-2"]]);
  });

  it("K3: with an organization the comment's mail goes to the requester once, under its dedupe key", () => {
    const events = ticketOutboxEvents(staffComment(mailTicket(MUELLER.id)), MUELLER).filter((event) => event.topic === NOTIFICATION_MAIL_TOPIC);
    expect(events.map((event) => [event.dedupeKey, (event.payload as OutgoingMail).to])).toEqual([["notification:t-9:comment-2", ["info@neukunde.example"]]]);
  });
});
