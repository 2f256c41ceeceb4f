import { describe, expect, it } from "vitest";
import { DIRECTORY, SETTINGS, MUELLER, BAECKEREI, ANNA } from "../test-support/fixtures.js";
import {
  AUTO_SUBMITTED_AUTO_REPLIED,
  DELIVERY_STATUS_NOTIFICATION,
  EXCHANGE_OUT_OF_OFFICE,
  EXCHANGE_OUT_OF_OFFICE_STRIPPED,
  NOTE_FOR_ACCOUNT_MANAGER,
  REPLY_WITH_REFERENCES,
  SCREENSHOT_INCIDENT,
  SCREENSHOT_IN_WORD,
  TAG_ONLY_FROM_UNKNOWN_SENDER,
} from "../test-support/messages.js";
import { readRawMail } from "../test-support/raw-mail.js";
import { DEFAULT_TICKETING_POLICY } from "../policies/default-ticketing-policies.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import { decideMailIntake, type MailIntakeContext, type TicketRef } from "./decide-mail-intake.js";
import { createIntakeHistory } from "./intake-history.js";
import { parsedMailSchema, type ParsedMailInput } from "./parsed-mail.js";

const PRINTER_TICKET: TicketRef = {
  id: "t-1",
  number: "T-2026-000123-8",
  organizationId: MUELLER.id,
  requesterEmail: ANNA.email,
  status: "in-progress",
};

function context(ticket: TicketRef = PRINTER_TICKET, extra: Partial<MailIntakeContext> = {}): MailIntakeContext {
  // What the worker would pass: our Message-IDs and the customer's original mail, per ticket.
  const byMessageId = new Map<string, TicketRef>([
    ["T-2026-000123-8.confirmation@tickets.meinsystemhaus.de", ticket],
    ["T-2026-000123-8.status-changed-5@tickets.meinsystemhaus.de", ticket],
    ["CAJ7y3pN0vW1m@mail.mueller-maschinenbau.de", ticket],
  ]);
  const byNumber = new Map<string, TicketRef>([[ticket.number, ticket]]);
  return {
    settings: SETTINGS,
    directory: DIRECTORY,
    findTicketByMessageId: (id) => byMessageId.get(id),
    findTicketByNumber: (number) => byNumber.get(number),
    ...extra,
  };
}

const AS_OF = "2026-06-03T09:20:00+02:00";

function mail(overrides: Partial<ParsedMailInput>): ReturnType<typeof parsedMailSchema.parse> {
  return parsedMailSchema.parse({
    messageId: "<m1@mueller-maschinenbau.de>",
    from: { address: ANNA.email, name: "Anna Becker" },
    to: [{ address: SETTINGS.supportAddress }],
    subject: "Server startet nicht",
    text: "Der Server im Keller startet nicht mehr.",
    ...overrides,
  });
}

describe("K4: auto-replies, bounces and loops never create or reopen tickets", () => {
  it("K4: an Exchange out-of-office reply to our confirmation is ignored, linked to its ticket", () => {
    const decision = decideMailIntake(readRawMail(EXCHANGE_OUT_OF_OFFICE), context({ ...PRINTER_TICKET, status: "resolved", resolvedAt: "2026-06-03T07:00:00Z" }), AS_OF);
    expect(decision).toMatchObject({ action: "ignore", reason: { code: "K4_AUTO_REPLY" }, ticketId: "t-1" });
    expect(decision.reason.message).toContain("Auto-Submitted: auto-generated");
  });

  it("K4: an Exchange out-of-office without Auto-Submitted is still recognised by its subject", () => {
    const decision = decideMailIntake(readRawMail(EXCHANGE_OUT_OF_OFFICE_STRIPPED), context(), AS_OF);
    expect(decision).toMatchObject({ action: "ignore", reason: { code: "K4_AUTO_REPLY" } });
    expect(decision.reason.message).toContain("Automatic reply:");
  });

  it("K4: 'Automatische Antwort:' and Exchange's own headers are each enough", () => {
    expect(decideMailIntake(mail({ subject: "Automatische Antwort: Druckerproblem" }), context(), AS_OF).action).toBe("ignore");
    expect(decideMailIntake(mail({ headers: { "X-MS-Exchange-Inbox-Rules-Loop": "a.becker@mueller-maschinenbau.de" } }), context(), AS_OF).action).toBe("ignore");
  });

  it("K4: an 'Auto-Submitted: auto-replied' vacation answer is ignored and does not reopen the ticket", () => {
    const decision = decideMailIntake(readRawMail(AUTO_SUBMITTED_AUTO_REPLIED), context(), AS_OF);
    expect(decision).toMatchObject({ action: "ignore", reason: { code: "K4_AUTO_REPLY" }, ticketId: "t-1" });
    expect(decision.reason.message).toContain("Auto-Submitted: auto-replied");
  });

  it("K4: a delivery status notification (multipart/report) is a bounce", () => {
    const parsed = readRawMail(DELIVERY_STATUS_NOTIFICATION);
    expect(parsed.from?.address).toBe("mailer-daemon@mail.meinsystemhaus.de");
    const decision = decideMailIntake(parsed, context(), AS_OF);
    expect(decision).toMatchObject({ action: "ignore", reason: { code: "K4_BOUNCE" } });
    expect(decision.reason.message).toContain("delivery-status");
  });

  it.each([
    ["Auto-Submitted: auto-generated", { "Auto-Submitted": "auto-generated" }, "K4_AUTO_REPLY"],
    ["Auto-Submitted with an unknown keyword", { "auto-submitted": "auto-notified" }, "K4_AUTO_REPLY"],
    ["Precedence: bulk", { Precedence: "bulk" }, "K4_AUTO_REPLY"],
    ["Precedence: junk", { Precedence: "junk" }, "K4_AUTO_REPLY"],
    ["Precedence: list", { Precedence: "list" }, "K4_AUTO_REPLY"],
    ["Precedence: auto_reply", { Precedence: "auto_reply" }, "K4_AUTO_REPLY"],
    ["X-Auto-Response-Suppress: All", { "X-Auto-Response-Suppress": "All" }, "K4_AUTO_REPLY"],
    ["X-Auto-Response-Suppress: OOF, AutoReply", { "X-Auto-Response-Suppress": "OOF, AutoReply" }, "K4_AUTO_REPLY"],
    ["X-Autoreply", { "X-Autoreply": "yes" }, "K4_AUTO_REPLY"],
    ["X-Autorespond", { "X-Autorespond": "Abwesend" }, "K4_AUTO_REPLY"],
    ["an empty Return-Path", { "Return-Path": "<>" }, "K4_BOUNCE"],
  ])("K4: %s is automatic", (_label, headers, code) => {
    expect(decideMailIntake(mail({ headers }), context(), AS_OF)).toMatchObject({ action: "ignore", reason: { code } });
  });

  it("K4: a read receipt (multipart/report without delivery-status) is automatic too", () => {
    const receipt = mail({ contentType: 'multipart/report; report-type=disposition-notification; boundary="x"' });
    expect(decideMailIntake(receipt, context(), AS_OF)).toMatchObject({ action: "ignore", reason: { code: "K4_AUTO_REPLY" } });
  });

  it("K4: postmaster senders are bounces; 'Auto-Submitted: no' and read-receipt-only suppression are human mail", () => {
    expect(decideMailIntake(mail({ from: { address: "postmaster@mueller-maschinenbau.de" } }), context(), AS_OF)).toMatchObject({ reason: { code: "K4_BOUNCE" } });
    expect(decideMailIntake(mail({ headers: { "Auto-Submitted": "no" } }), context(), AS_OF).action).toBe("create-ticket");
    expect(decideMailIntake(mail({ headers: { "X-Auto-Response-Suppress": "RN, NRN" } }), context(), AS_OF).action).toBe("create-ticket");
  });

  it("K4: our own mail coming back is a loop (our header, our address, our Message-ID domain, X-Loop)", () => {
    expect(decideMailIntake(mail({ headers: { "X-Kontor-Ticket": "T-2026-000123-8" } }), context(), AS_OF)).toMatchObject({ action: "ignore", reason: { code: "K4_LOOP" } });
    expect(decideMailIntake(mail({ from: { address: "Kundensupport@MeinSystemhaus.de" } }), context(), AS_OF)).toMatchObject({ reason: { code: "K4_LOOP" } });
    expect(decideMailIntake(mail({ from: { address: "noreply@tickets.meinsystemhaus.de" } }), context(), AS_OF)).toMatchObject({ reason: { code: "K4_LOOP" } });
    expect(decideMailIntake(mail({ headers: { "X-Loop": "kundensupport@meinsystemhaus.de" } }), context(), AS_OF)).toMatchObject({ reason: { code: "K4_LOOP" } });
  });
});

describe("K3: threading replies onto tickets", () => {
  it("K3: a reply whose References names our Message-ID is appended, with the quoted history stripped", () => {
    const decision = decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), context(), AS_OF);
    expect(decision).toMatchObject({
      action: "append-to-ticket",
      reason: { code: "K3_REPLY_BY_HEADER" },
      ticketId: "t-1",
      ticketNumber: "T-2026-000123-8",
      threadedBy: "references",
      author: { email: ANNA.email, organizationId: MUELLER.id, portalUserId: ANNA.id },
      reopens: false,
    });
    if (decision.action !== "append-to-ticket") throw new Error("expected an append");
    expect(decision.text).toBe('Der Drucker zeigt jetzt "Papierstau Fach 2", obwohl kein Papier drin ist.');
  });

  it("K3: our own Message-IDs win over the customer's ids recorded for another ticket", () => {
    const other: TicketRef = { ...PRINTER_TICKET, id: "t-9", number: "T-2026-000009-9" };
    const ctx = context(PRINTER_TICKET, {
      findTicketByMessageId: (id) =>
        id === "T-2026-000123-8.confirmation@tickets.meinsystemhaus.de" ? PRINTER_TICKET : id.endsWith("@mueller-maschinenbau.de") ? other : undefined,
    });
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), ctx, AS_OF)).toMatchObject({ ticketId: "t-1", threadedBy: "references" });
  });

  it("K3: a reply with only the subject tag from an unknown sender opens a new ticket, not an append", () => {
    const decision = decideMailIntake(readRawMail(TAG_ONLY_FROM_UNKNOWN_SENDER), context(), AS_OF);
    expect(decision).toMatchObject({ action: "create-ticket", reason: { code: "K3_TAG_SENDER_NOT_IN_ORGANIZATION" } });
    if (decision.action !== "create-ticket") throw new Error("expected a new ticket");
    // No organization, no link to Müller's ticket: nothing leaks to the stranger.
    expect(decision.ticket.organizationId).toBeUndefined();
    expect(decision.ticket.relatedTicketId).toBeUndefined();
    expect(decision.ticket.subject).toBe("Drucker im Lager druckt nicht");
  });

  it("K3: the subject tag from another customer's address opens a ticket for that customer", () => {
    const decision = decideMailIntake(mail({ from: { address: "chef@baeckerei-kamps.de" }, subject: "AW: [#T-2026-000123-8] Drucker" }), context(), AS_OF);
    expect(decision).toMatchObject({ action: "create-ticket", ticket: { organizationId: BAECKEREI.id } });
  });

  it("K3: the subject tag from a colleague of the ticket's organization (domain) is appended", () => {
    const decision = decideMailIntake(mail({ from: { address: "it-leitung@mueller-maschinenbau.de" }, subject: "AW: [#T-2026-000123-8] Drucker" }), context(), AS_OF);
    expect(decision).toMatchObject({ action: "append-to-ticket", threadedBy: "subject-tag", reason: { code: "K3_REPLY_BY_SUBJECT_TAG" } });
  });

  it("K3: a known contact of the organization on a freemail address may use the tag; a mistyped number may not", () => {
    expect(decideMailIntake(mail({ from: { address: "k.wagner@gmx.de" }, subject: "[#T-2026-000123-8] Nachtrag" }), context(), AS_OF)).toMatchObject({ action: "append-to-ticket" });
    // 000123 typed as 000132: the Damm digit catches the swapped neighbours.
    const mistyped = decideMailIntake(mail({ subject: "[#T-2026-000132-8] Nachtrag" }), context(), AS_OF);
    expect(mistyped).toMatchObject({ action: "create-ticket", reason: { code: "K2_NEW_TICKET" } });
  });

  it("K1: a reply to a resolved ticket within the reopen window is appended and reopens it", () => {
    const resolved = { ...PRINTER_TICKET, status: "resolved" as const, resolvedAt: "2026-06-01T10:00:00+02:00" };
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), context(resolved), AS_OF)).toMatchObject({ action: "append-to-ticket", reopens: true });
  });

  it("K1: a reply to a closed ticket, or after the reopen window, opens a follow-up ticket linked to it", () => {
    const closed = { ...PRINTER_TICKET, status: "closed" as const };
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), context(closed), AS_OF)).toMatchObject({
      action: "create-ticket",
      reason: { code: "K3_FOLLOW_UP_OF_CLOSED_TICKET" },
      ticket: { organizationId: MUELLER.id, relatedTicketId: "t-1" },
    });
    const stale = { ...PRINTER_TICKET, status: "resolved" as const, resolvedAt: "2026-05-01T10:00:00+02:00" };
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), context(stale), AS_OF)).toMatchObject({ action: "create-ticket", ticket: { relatedTicketId: "t-1" } });
  });
});

describe("K2: new mail to the support address", () => {
  it("K2: an incident with a screenshot becomes a ticket; the screenshot is kept and not flagged", () => {
    const decision = decideMailIntake(readRawMail(SCREENSHOT_INCIDENT), context(), AS_OF);
    expect(decision).toMatchObject({
      action: "create-ticket",
      reason: { code: "K2_NEW_TICKET" },
      receivedAt: "2026-06-03T07:20:00.000Z",
      ticket: {
        kind: "incident",
        organizationId: MUELLER.id,
        requester: { email: ANNA.email, name: "Becker, Anna", portalUserId: ANNA.id },
        subject: "Fehlermeldung beim Start von DATEV",
        attachments: [{ filename: "Screenshot 2026-06-03 091212.png", contentType: "image/png", size: 70, kind: "screenshot", flags: [] }],
      },
    });
  });

  it("K3: a screenshot wrapped in a Word document is accepted but flagged", () => {
    const parsed = readRawMail(SCREENSHOT_IN_WORD, { "Fehler.docx": ["application/xml", "image/png"] });
    const decision = decideMailIntake(parsed, context(), AS_OF);
    expect(decision).toMatchObject({
      action: "create-ticket",
      ticket: { attachments: [{ filename: "Fehler.docx", kind: "word-document", flags: ["screenshot-in-word-document"] }] },
    });
  });

  it("K2: a note for the account manager is kept unprocessed, not turned into a ticket", () => {
    const decision = decideMailIntake(readRawMail(NOTE_FOR_ACCOUNT_MANAGER), context(), AS_OF);
    expect(decision).toMatchObject({ action: "keep-unprocessed", reason: { code: "K2_NOT_A_TICKET" }, organizationId: MUELLER.id });
    expect(decision.reason.message).toContain("Jörg Schulte");
  });

  it.each([
    ["z. Hd. Herrn Schulte", "Bitte um Rückruf wegen Vertrag."],
    ["Für meinen Kundenbetreuer", "Kurze Frage zum Angebot."],
    ["Vertrag", "Guten Tag, bitte an Herrn Schulte weiterleiten: wir möchten verlängern."],
  ])("K2: %s → unprocessed", (subject, text) => {
    expect(decideMailIntake(mail({ subject, text }), context(), AS_OF)).toMatchObject({ action: "keep-unprocessed" });
  });

  it("K2: a greeting to someone else is not a note for the account manager", () => {
    expect(decideMailIntake(mail({ text: "Hallo Herr Meier,\nder Server startet nicht." }), context(), AS_OF).action).toBe("create-ticket");
  });

  it("K1: requests are told apart from incidents; incidents win when both signals appear", () => {
    const request = decideMailIntake(mail({ subject: "Neuer Benutzer für Frau Schmidt", text: "Bitte ab 1.7. einrichten." }), context(), AS_OF);
    expect(request).toMatchObject({ ticket: { kind: "request" } });
    const incident = decideMailIntake(mail({ subject: "Neuer Benutzer kann sich nicht anmelden – Fehler 0x80070005", text: "" }), context(), AS_OF);
    expect(incident).toMatchObject({ ticket: { kind: "incident" } });
  });

  it("K2: an unknown sender opens an unassigned ticket by default, or is quarantined by policy", () => {
    const stranger = mail({ from: { address: "max@example.org" } });
    expect(decideMailIntake(stranger, context(), AS_OF)).toMatchObject({ action: "create-ticket", ticket: { requester: { email: "max@example.org" } } });
    const strict: TicketingPolicy = { ...DEFAULT_TICKETING_POLICY, effectiveFrom: "2026-01-01T00:00:00+01:00", intake: { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: "quarantine" } };
    const decision = decideMailIntake(stranger, context(PRINTER_TICKET, { policies: [DEFAULT_TICKETING_POLICY, strict] }), AS_OF);
    expect(decision).toMatchObject({ action: "quarantine", reason: { code: "K2_UNKNOWN_SENDER" } });
    // P1: before the strict policy took effect the old one applies.
    expect(decideMailIntake(stranger, context(PRINTER_TICKET, { policies: [DEFAULT_TICKETING_POLICY, strict] }), "2025-12-31T12:00:00+01:00").action).toBe("create-ticket");
  });

  it("K2: spam-flagged mail and mail without a sender are quarantined", () => {
    expect(decideMailIntake(mail({ headers: { "X-Spam-Flag": "YES" } }), context(), AS_OF)).toMatchObject({ action: "quarantine", reason: { code: "K2_SPAM" } });
    const anonymous = parsedMailSchema.parse({ subject: "Hilfe", text: "..." });
    expect(decideMailIntake(anonymous, context(), AS_OF)).toMatchObject({ action: "quarantine", reason: { code: "K2_NO_SENDER" } });
  });

  it("K2: the subject of a new ticket loses reply prefixes; an empty one gets a placeholder", () => {
    expect(decideMailIntake(mail({ subject: "AW: WG: Re: Drucker" }), context(), AS_OF)).toMatchObject({ ticket: { subject: "Drucker" } });
    expect(decideMailIntake(mail({ subject: "" }), context(), AS_OF)).toMatchObject({ ticket: { subject: "(ohne Betreff)" } });
  });

  it("K2: an HTML-only mail is read as text", () => {
    const decision = decideMailIntake(mail({ text: undefined, html: "<p>Der Scanner&nbsp;geht nicht.</p><p>Gruß</p>" }), context(), AS_OF);
    expect(decision).toMatchObject({ ticket: { description: "Der Scanner geht nicht.\nGruß" } });
  });
});

describe("K2: mail staff released", () => {
  const released = (extra: Partial<MailIntakeContext> = {}) => context(PRINTER_TICKET, { releasedByStaff: true, ...extra });

  it("K2: a note-like incident mail staff released becomes a ticket (the audit's 'Hallo Herr Schulte, unser Server ist ausgefallen')", () => {
    const note = mail({ subject: "z. Hd. Herrn Schulte", text: "Hallo Herr Schulte, unser Server ist seit 7 Uhr ausgefallen." });
    expect(decideMailIntake(note, context(), AS_OF)).toMatchObject({ action: "keep-unprocessed", reason: { code: "K2_NOT_A_TICKET" } });
    expect(decideMailIntake(note, released(), AS_OF)).toMatchObject({ action: "create-ticket", reason: { code: "K2_RELEASED_BY_STAFF" }, ticket: { organizationId: MUELLER.id } });
  });

  it("K2/K4: released, a spam-flagged mail or one held by the sender's rate limit is decided on its content; an auto-reply still never becomes a ticket", () => {
    expect(decideMailIntake(mail({ headers: { "X-Spam-Flag": "YES" } }), released(), AS_OF)).toMatchObject({ action: "create-ticket", reason: { code: "K2_RELEASED_BY_STAFF" } });
    const minuteBefore = (minutes: number): string => new Date(Date.parse(AS_OF) - minutes * 60_000).toISOString();
    const storm = createIntakeHistory(Array.from({ length: 30 }, (_, index) => ({ receivedAt: minuteBefore(index + 1), sender: ANNA.email })));
    expect(decideMailIntake(mail({}), context(PRINTER_TICKET, { history: storm }), AS_OF)).toMatchObject({ reason: { code: "K4_SENDER_RATE_LIMIT" } });
    expect(decideMailIntake(mail({}), released({ history: storm }), AS_OF).action).toBe("create-ticket");
    const autoReply = mail({ headers: { "Auto-Submitted": "auto-replied" } });
    expect(decideMailIntake(autoReply, released(), AS_OF)).toMatchObject({ action: "ignore", reason: { code: "K4_AUTO_REPLY" } });
  });
});

describe("K4: rate limits stop mail storms", () => {
  const minutesBefore = (minutes: number): string => new Date(Date.parse(AS_OF) - minutes * 60_000).toISOString();

  it("K4: the 21st mail on one ticket within an hour is quarantined; older mails do not count", () => {
    const records = Array.from({ length: 20 }, (_, index) => ({ receivedAt: minutesBefore(index * 2 + 1), sender: `user${index}@mueller-maschinenbau.de`, ticketId: "t-1" }));
    const busy = context(PRINTER_TICKET, { history: createIntakeHistory(records) });
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), busy, AS_OF)).toMatchObject({ action: "quarantine", reason: { code: "K4_TICKET_RATE_LIMIT" }, ticketId: "t-1" });
    const calm = context(PRINTER_TICKET, { history: createIntakeHistory(records.map((record, index) => (index === 0 ? { ...record, receivedAt: minutesBefore(60) } : record))) });
    expect(decideMailIntake(readRawMail(REPLY_WITH_REFERENCES), calm, AS_OF).action).toBe("append-to-ticket");
  });

  it("K4: one sender's storm is quarantined even when each mail would open a new ticket", () => {
    const records = Array.from({ length: 30 }, (_, index) => ({ receivedAt: minutesBefore(index + 1), sender: ANNA.email.toUpperCase() }));
    expect(decideMailIntake(mail({}), context(PRINTER_TICKET, { history: createIntakeHistory(records) }), AS_OF)).toMatchObject({ reason: { code: "K4_SENDER_RATE_LIMIT" } });
  });

  it("K4: above the global limit every new mail is quarantined", () => {
    const records = Array.from({ length: 600 }, (_, index) => ({ receivedAt: minutesBefore((index % 9) + 0.5), sender: `s${index}@example.org` }));
    expect(decideMailIntake(mail({}), context(PRINTER_TICKET, { history: createIntakeHistory(records) }), AS_OF)).toMatchObject({ reason: { code: "K4_GLOBAL_RATE_LIMIT" } });
    expect(decideMailIntake(mail({}), context(PRINTER_TICKET, { history: createIntakeHistory(records.slice(1)) }), AS_OF).action).toBe("create-ticket");
  });
});
