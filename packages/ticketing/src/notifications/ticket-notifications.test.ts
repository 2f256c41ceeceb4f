import { describe, expect, it } from "vitest";
import { decideMailIntake, type MailIntakeContext, type TicketRef } from "../mail/decide-mail-intake.js";
import type { OutgoingMail } from "../mail/outgoing-mail.js";
import { parsedMailSchema } from "../mail/parsed-mail.js";
import { ticketNumberFromSubject } from "../mail/subject-tag.js";
import { ANNA, CUSTOMER, DIRECTORY, DISPATCHER, MUELLER, BAECKEREI, SETTINGS, TECHNICIAN, newTicket, run, unwrap } from "../test-support/fixtures.js";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import { createTicket } from "../tickets/create-ticket.js";
import type { TicketCommand } from "../tickets/ticket-command.js";
import { DEFAULT_TICKET_NUMBER_FORMAT } from "../tickets/ticket-number.js";
import type { Ticket } from "../tickets/ticket.js";
import { notificationRecipients, ticketNotifications } from "./ticket-notifications.js";

describe("notifications (K5, O1)", () => {
  it("O1: recipients come from the customer record, de-duplicated case-insensitively", () => {
    expect(notificationRecipients(MUELLER, "new-ticket")).toEqual(["it-leitung@mueller-maschinenbau.de"]);
    expect(notificationRecipients(MUELLER, "status-changed")).toEqual(["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"]);
    expect(notificationRecipients(MUELLER, "service-report")).toEqual(["buchhaltung@mueller-maschinenbau.de"]);
    expect(notificationRecipients(BAECKEREI, "new-ticket")).toEqual([]);
  });

  it("K5: a new portal ticket notifies the new-ticket recipients; status changes notify the status recipients", () => {
    const created = unwrap(
      createTicket(
        { id: "t-5", number: "T-2026-000125-1", kind: "incident", channel: "portal", organizationId: MUELLER.id, requester: { email: "it-leitung@mueller-maschinenbau.de" }, subject: "VPN", description: "", by: { kind: "customer", id: "pu-x" } },
        "2026-06-08T09:00:00+02:00",
      ),
    );
    const newMails = ticketNotifications(created.ticket, created.events, MUELLER, SETTINGS);
    expect(newMails).toHaveLength(1);
    expect(newMails[0]).toMatchObject({
      from: { address: "kundensupport@meinsystemhaus.de" },
      to: ["it-leitung@mueller-maschinenbau.de"],
      subject: "[#T-2026-000125-1] Neues Ticket: VPN",
      dedupeKey: "notification:t-5:ticket-created-1",
      headers: { "Auto-Submitted": "auto-generated", "Message-ID": "<T-2026-000125-1.ticket-created-1@tickets.meinsystemhaus.de>" },
    });
    const assigned = unwrap(applyTicketCommand(created.ticket, { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } }, "2026-06-08T09:10:00+02:00"));
    const statusMails = ticketNotifications(assigned.ticket, assigned.events, MUELLER, SETTINGS);
    expect(statusMails.map((mail) => [mail.to, mail.subject])).toEqual([
      [["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"], "[#T-2026-000125-1] Status: Zugewiesen – VPN"],
    ]);
  });

  it("K5: a mail requester is not notified twice (they got the K2 confirmation); no recipients → no mail", () => {
    const ticket = newTicket("2026-06-08T09:00:00+02:00", { requester: { email: "IT-Leitung@mueller-maschinenbau.de" } });
    expect(ticketNotifications(ticket, ticket.history, MUELLER, SETTINGS)).toEqual([]);
    const bakery = newTicket("2026-06-08T09:00:00+02:00", { organizationId: BAECKEREI.id });
    expect(ticketNotifications(bakery, bakery.history, BAECKEREI, SETTINGS)).toEqual([]);
  });
});

/** A ticket Anna opened by mail, assigned to the technician who called her (K6). */
function assignedMailTicket(overrides: Parameters<typeof newTicket>[1] = {}): Ticket {
  return run(newTicket("2026-06-08T09:00:00+02:00", overrides), [
    ["2026-06-08T09:10:00+02:00", { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } }],
    ["2026-06-08T09:20:00+02:00", { type: "record-customer-contact", by: TECHNICIAN, via: "phone" }],
  ]);
}

const publicStaffComment = (commentId: string, text: string): TicketCommand => ({ type: "add-comment", by: TECHNICIAN, commentId, visibility: "public", text, attachments: [] });

/** Every address the mails go to, one entry per mail and recipient. */
const addressed = (mails: readonly OutgoingMail[]): string[] => mails.flatMap((mail) => mail.to);

describe("mails to the requester (seed 004: answer the ticket mail; K3, K4, K5)", () => {
  it("K3: a public staff comment is mailed to the requester alone, with the ticket tag and threaded after the K2 confirmation", () => {
    const ticket = assignedMailTicket();
    const change = unwrap(applyTicketCommand(ticket, publicStaffComment("c-1", "Welches Druckermodell steht im Lager?"), "2026-06-08T10:00:00+02:00"));
    const mails = ticketNotifications(change.ticket, change.events, MUELLER, SETTINGS);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      from: { address: "kundensupport@meinsystemhaus.de", name: "CSM Kundensupport" },
      to: ["a.becker@mueller-maschinenbau.de"],
      subject: "[#T-2026-000123-8] Neue Nachricht zu Ihrem Ticket: Drucker im Lager druckt nicht",
      dedupeKey: "notification:t-1:comment-5",
      headers: {
        "Message-ID": "<T-2026-000123-8.comment-5@tickets.meinsystemhaus.de>",
        "In-Reply-To": "<T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>",
        References: "<T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>",
        // K4: marked as automatic, and recognisable as ours if it ever comes back.
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
        "X-Kontor-Ticket": "T-2026-000123-8",
      },
    });
    expect(mail?.text).toContain("zu Ihrem Ticket T-2026-000123-8 („Drucker im Lager druckt nicht“) hat unser Serviceteam geschrieben:\n\nWelches Druckermodell steht im Lager?");
    expect(mail?.text).toContain("Antworten Sie einfach auf diese E-Mail");
    expect(ticketNumberFromSubject(mail?.subject ?? "", DEFAULT_TICKET_NUMBER_FORMAT)).toBe("T-2026-000123-8");
    // Redelivering the change composes the very same mail (same key, same Message-ID).
    expect(ticketNotifications(change.ticket, change.events, MUELLER, SETTINGS)).toEqual(mails);
  });

  it("K3: the requester's answer to that mail is threaded onto the ticket by its In-Reply-To", () => {
    const ticket = assignedMailTicket();
    const change = unwrap(applyTicketCommand(ticket, publicStaffComment("c-1", "Welches Druckermodell steht im Lager?"), "2026-06-08T10:00:00+02:00"));
    const [mail] = ticketNotifications(change.ticket, change.events, MUELLER, SETTINGS);
    const ref: TicketRef = { id: ticket.id, number: ticket.number, organizationId: MUELLER.id, requesterEmail: ANNA.email, status: change.ticket.status };
    const context: MailIntakeContext = {
      settings: SETTINGS,
      directory: DIRECTORY,
      // As the worker does: any of our Message-IDs names the ticket by its number.
      findTicketByMessageId: (id) => (id.startsWith(`${ticket.number}.`) && id.endsWith(`@${SETTINGS.messageIdDomain}`) ? ref : undefined),
      findTicketByNumber: () => undefined,
    };
    const reply = parsedMailSchema.parse({
      messageId: "<antwort-1@mueller-maschinenbau.de>",
      from: { address: ANNA.email, name: "Anna Becker" },
      to: [{ address: SETTINGS.supportAddress }],
      subject: `AW: ${mail?.subject ?? ""}`,
      inReplyTo: mail?.headers["Message-ID"],
      references: mail?.headers.References,
      text: "Ein HP LaserJet M404.",
    });
    expect(decideMailIntake(reply, context, "2026-06-08T10:30:00+02:00")).toMatchObject({
      action: "append-to-ticket",
      ticketId: "t-1",
      threadedBy: "in-reply-to",
      reason: { code: "K3_REPLY_BY_HEADER" },
    });
  });

  it("K5: an internal comment is never mailed, to the requester or anyone", () => {
    const ticket = assignedMailTicket();
    const change = unwrap(
      applyTicketCommand(ticket, { type: "add-comment", by: TECHNICIAN, commentId: "c-2", visibility: "internal", text: "Toner bestellen", attachments: [] }, "2026-06-08T10:00:00+02:00"),
    );
    expect(ticketNotifications(change.ticket, change.events, MUELLER, SETTINGS)).toEqual([]);
  });

  it("K3: the requester's own comment, by portal or by mail, is not mailed back to them", () => {
    const ticket = assignedMailTicket();
    const portal = unwrap(applyTicketCommand(ticket, { type: "add-comment", by: { kind: "customer", id: ANNA.id }, commentId: "c-3", visibility: "public", text: "Es ist ein HP.", attachments: [] }, "2026-06-08T10:00:00+02:00"));
    expect(ticketNotifications(portal.ticket, portal.events, MUELLER, SETTINGS)).toEqual([]);
    const byMail = unwrap(applyTicketCommand(ticket, { type: "add-comment", by: CUSTOMER, commentId: "c-4", visibility: "public", text: "Es ist ein HP.", attachments: [] }, "2026-06-08T10:00:00+02:00"));
    expect(ticketNotifications(byMail.ticket, byMail.events, MUELLER, SETTINGS)).toEqual([]);
  });

  it("K4: a customer's answer while the ticket waits for them mails them nothing (no mail loop); the status-change recipients hear of it", () => {
    const waiting = run(assignedMailTicket(), [["2026-06-08T10:00:00+02:00", { type: "wait-for-customer", by: TECHNICIAN }]]);
    const answered = unwrap(applyTicketCommand(waiting, { type: "add-comment", by: CUSTOMER, commentId: "c-5", visibility: "public", text: "Ein HP LaserJet.", attachments: [] }, "2026-06-08T11:00:00+02:00"));
    const mails = ticketNotifications(answered.ticket, answered.events, MUELLER, SETTINGS);
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      [["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"], "[#T-2026-000123-8] Status: In Bearbeitung – Drucker im Lager druckt nicht"],
    ]);
  });

  it("K5: resolving mails the requester and the status-change recipients, nobody twice", () => {
    // The requester is one of the status-change recipients, spelled differently.
    const ticket = run(assignedMailTicket({ requester: { email: "IT-Leitung@Mueller-Maschinenbau.de", name: "IT-Leitung" } }), [
      ["2026-06-08T10:00:00+02:00", { type: "start-work", by: TECHNICIAN }],
    ]);
    const change = unwrap(applyTicketCommand(ticket, { type: "resolve", by: TECHNICIAN }, "2026-06-08T12:00:00+02:00"));
    const mails = ticketNotifications(change.ticket, change.events, MUELLER, SETTINGS);
    expect(mails.map((mail) => [mail.to, mail.subject, mail.dedupeKey])).toEqual([
      [["it-leitung@mueller-maschinenbau.de"], "[#T-2026-000123-8] Status: Gelöst – Drucker im Lager druckt nicht", "notification:t-1:status-6"],
      [["assistenz@mueller-maschinenbau.de"], "[#T-2026-000123-8] Status: Gelöst – Drucker im Lager druckt nicht", "notification:t-1:status-changed-6"],
    ]);
    const all = addressed(mails);
    expect(new Set(all).size).toBe(all.length);
    expect(mails[0]?.text).toContain("wurde als gelöst markiert");
    expect(mails[0]?.text).toContain("Sollte das Problem weiterhin bestehen: Antworten Sie einfach auf diese E-Mail");
    expect(mails[0]?.headers["Auto-Submitted"]).toBe("auto-generated");
  });

  it("K3: the requester's mails form one thread: each answers the one before, back to the K2 confirmation", () => {
    let ticket = assignedMailTicket();
    const sent: OutgoingMail[] = [];
    const steps: readonly (readonly [string, TicketCommand])[] = [
      ["2026-06-08T10:00:00+02:00", publicStaffComment("c-1", "Welches Modell?")],
      ["2026-06-08T10:01:00+02:00", { type: "wait-for-customer", by: TECHNICIAN }],
      ["2026-06-08T11:00:00+02:00", { type: "add-comment", by: CUSTOMER, commentId: "c-2", visibility: "public", text: "HP", attachments: [] }],
      ["2026-06-08T12:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
    ];
    for (const [at, command] of steps) {
      const change = unwrap(applyTicketCommand(ticket, command, at));
      ticket = change.ticket;
      sent.push(...ticketNotifications(change.ticket, change.events, BAECKEREI, SETTINGS));
    }
    const id = (key: string): string => `<T-2026-000123-8.${key}@tickets.meinsystemhaus.de>`;
    expect(sent.map((mail) => [mail.to, mail.headers["Message-ID"], mail.headers["In-Reply-To"], mail.headers.References])).toEqual([
      [[ANNA.email], id("comment-5"), id("confirmation"), id("confirmation")],
      [[ANNA.email], id("status-6"), id("comment-5"), `${id("confirmation")} ${id("comment-5")}`],
      [[ANNA.email], id("status-9"), id("status-6"), `${id("confirmation")} ${id("comment-5")} ${id("status-6")}`],
    ]);
    expect(sent[1]?.subject).toBe("[#T-2026-000123-8] Status: Wartet auf Ihre Rückmeldung – Drucker im Lager druckt nicht");
  });

  it("K5: moves that need nothing from the customer mail only the status-change recipients", () => {
    const ticket = assignedMailTicket();
    const started = unwrap(applyTicketCommand(ticket, { type: "start-work", by: TECHNICIAN }, "2026-06-08T10:00:00+02:00"));
    expect(addressed(ticketNotifications(started.ticket, started.events, MUELLER, SETTINGS))).toEqual(["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"]);
  });

  it("K8: a monitoring ticket's requester is the system and gets no mail; a ticket without organization still mails its requester", () => {
    const alert = newTicket("2026-06-08T09:00:00+02:00", { channel: "monitoring", requester: { email: "monitoring@kontor.invalid", name: "Monitoring" } });
    const noted = unwrap(applyTicketCommand(alert, publicStaffComment("c-6", "Platte getauscht"), "2026-06-08T10:00:00+02:00"));
    expect(ticketNotifications(noted.ticket, noted.events, MUELLER, SETTINGS)).toEqual([]);
    const unknown = newTicket("2026-06-08T09:00:00+02:00", { organizationId: undefined, requester: { email: "info@neukunde.example" } });
    const answered = unwrap(applyTicketCommand(unknown, publicStaffComment("c-7", "Wer ist Ihr Ansprechpartner?"), "2026-06-08T10:00:00+02:00"));
    expect(addressed(ticketNotifications(answered.ticket, answered.events, undefined, SETTINGS))).toEqual(["info@neukunde.example"]);
  });
});
