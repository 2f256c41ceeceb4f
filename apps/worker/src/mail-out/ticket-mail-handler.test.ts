import { changeTicket } from "@kontor/api";
import { findOrganization, findTicket, inboundMailsWithStatus, schema, updateOrganization } from "@kontor/db";
import type { Organization, Ticket, TicketCommand } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import type { CapturedMail } from "../testing/capture-smtp-server.js";
import { intakeSettled, sendToSupport, startSupportMailbox, type SupportMailbox } from "../testing/support-mailbox.js";
import { ticketMailHandler } from "./ticket-mail-handler.js";

// 3 June 2026, 09:15 in Cologne. The mailbox's clock stands here; every change happens at it.
const NOW = new Date("2026-06-03T07:15:00Z");
const REQUESTER = "anna.becker@mueller-gmbh.de";
const TECHNICIAN = { kind: "staff", id: "staff-meier" } as const;

let mailbox: SupportMailbox;
const routing = outboxRouting([ticketMailHandler]);

beforeAll(async () => {
  mailbox = await startSupportMailbox(NOW);
});

afterAll(async () => {
  await mailbox.close();
});

async function theTicket(): Promise<Ticket> {
  const rows = await mailbox.database.db.select().from(schema.tickets);
  expect(rows).toHaveLength(1);
  return rows[0]?.document as Ticket;
}

/** Applies staff commands the way the API's routes do: locked row, `changeTicket`, outbox in the same transaction. */
async function staffChanges(commands: readonly TicketCommand[]): Promise<void> {
  const { id } = await theTicket();
  await mailbox.database.db.transaction(async (tx) => {
    const row = await findTicket(tx, id, { forUpdate: true });
    if (row === undefined) throw new Error("ticket vanished");
    await changeTicket(tx, row, commands, NOW);
  });
}

/** Delivers the outbox with the ticket-mail handler and answers the mails that arrived since `before`. */
async function deliver(before: number): Promise<readonly CapturedMail[]> {
  expect(await deliverDueOutboxEvents(mailbox.context, routing)).toMatchObject({ failed: 0 });
  return mailbox.customerInbox.mails.slice(before);
}

describe("ticket mails to the requester through outbox, handler and SMTP (seed 004; K3–K5)", () => {
  it("K3: a public staff comment reaches the requester's mailbox threaded after the K2 confirmation; an internal note does not", async () => {
    await sendToSupport(mailbox.listener, {
      from: `Anna Becker <${REQUESTER}>`,
      subject: "Drucker im 2. OG druckt nicht",
      text: "Der HP-Drucker im 2. OG zeigt seit heute Papierstau.",
      messageId: "<drucker-0603@mueller-gmbh.de>",
    });
    await intakeSettled(mailbox.database);
    const [confirmation] = await deliver(0);
    const ticket = await theTicket();
    expect(confirmation?.parsed.messageId).toBe(`<${ticket.number}.confirmation@tickets.meinsystemhaus.de>`);

    await staffChanges([
      { type: "add-comment", by: TECHNICIAN, commentId: "c-note", visibility: "internal", text: "Wartungsvertrag prüfen", attachments: [] },
      { type: "add-comment", by: TECHNICIAN, commentId: "c-ask", visibility: "public", text: "Welche Fehlernummer zeigt das Display?", attachments: [] },
    ]);
    const mails = await deliver(1);
    expect(mails).toHaveLength(1);
    const [comment] = mails;
    expect(comment?.envelopeTo).toEqual([REQUESTER]);
    expect(comment?.envelopeFrom).toBe("kundensupport@meinsystemhaus.de");
    expect(comment?.parsed.subject).toBe(`[#${ticket.number}] Neue Nachricht zu Ihrem Ticket: Drucker im 2. OG druckt nicht`);
    expect(comment?.parsed.text).toContain("Welche Fehlernummer zeigt das Display?");
    expect(comment?.parsed.text).not.toContain("Wartungsvertrag");
    expect(comment?.parsed.inReplyTo).toBe(confirmation?.parsed.messageId);
    expect(comment?.parsed.references).toBe(confirmation?.parsed.messageId);
    expect(comment?.parsed.messageId).toMatch(new RegExp(`^<${ticket.number}\\.comment-\\d+@tickets\\.meinsystemhaus\\.de>$`));
    // K4: marked as automatic, so responders stay silent or are recognised.
    expect(comment?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(comment?.parsed.headers.get("x-auto-response-suppress")).toBe("All");

    // A second pass sends nothing again (dedupe key per event).
    expect(await deliver(2)).toHaveLength(0);
  });

  it("K3: the requester's answer to that mail lands on the ticket as their comment, and nothing is mailed back to them (K4: no loop)", async () => {
    const comment = mailbox.customerInbox.mails[1];
    await sendToSupport(mailbox.listener, {
      from: `Anna Becker <${REQUESTER}>`,
      subject: `AW: ${comment?.parsed.subject ?? ""}`,
      text: "E-203, Papierstau in Fach 2.\n\n> Welche Fehlernummer zeigt das Display?",
      messageId: "<antwort-0603@mueller-gmbh.de>",
      inReplyTo: comment?.parsed.messageId ?? "",
    });
    await intakeSettled(mailbox.database);
    const [appended] = await inboundMailsWithStatus(mailbox.database.db, "appended");
    expect(appended?.reasonCode).toBe("K3_REPLY_BY_HEADER");
    const ticket = await theTicket();
    expect(appended?.ticketId).toBe(ticket.id);
    expect(ticket.comments.map((entry) => [entry.author.kind, entry.visibility, entry.text])).toEqual([
      ["staff", "internal", "Wartungsvertrag prüfen"],
      ["staff", "public", "Welche Fehlernummer zeigt das Display?"],
      ["customer", "public", "E-203, Papierstau in Fach 2."],
    ]);
    expect(await deliver(2)).toHaveLength(0);
  });

  it("K5: resolving mails the requester once, though she is also a status-change recipient, and the other status-change recipient once", async () => {
    await mailbox.database.db.transaction(async (tx) => {
      const row = await findOrganization(tx, "org-mueller");
      if (row === undefined) throw new Error("demo organization missing");
      const record = { ...(row.record as Organization), statusChangeRecipients: ["Anna.Becker@mueller-gmbh.de", "it@mueller-gmbh.de"] };
      expect(await updateOrganization(tx, row.id, record, row.version, NOW)).toBeDefined();
    });
    await staffChanges([{ type: "resolve", by: TECHNICIAN }]);
    const mails = await deliver(2);
    expect(mails.map((mail) => mail.envelopeTo)).toEqual([[REQUESTER], ["it@mueller-gmbh.de"]]);
    const ticket = await theTicket();
    const [toRequester, toStatusRecipient] = mails;
    expect(toRequester?.parsed.subject).toBe(`[#${ticket.number}] Status: Gelöst – Drucker im 2. OG druckt nicht`);
    expect(toRequester?.parsed.text).toContain("wurde als gelöst markiert");
    // Threaded after the comment mail, the previous mail she got about the ticket.
    expect(toRequester?.parsed.inReplyTo).toBe(mailbox.customerInbox.mails[1]?.parsed.messageId);
    expect(toRequester?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(toStatusRecipient?.parsed.text).toContain("Neu → Gelöst");
    expect(await deliver(4)).toHaveLength(0);
  });
});
