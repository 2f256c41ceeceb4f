import { inboundMailsWithStatus, schema } from "@kontor/db";
import type { Ticket } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketMailHandler } from "../mail-out/ticket-mail-handler.js";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { intakeSettled, sendToSupport, startSupportMailbox, type SupportMailbox } from "../testing/support-mailbox.js";

// 3 June 2026, 09:15 in Cologne: the receipt timestamp the K2 confirmation must state.
const RECEIVED = new Date("2026-06-03T07:15:00Z");

let mailbox: SupportMailbox;

beforeAll(async () => {
  mailbox = await startSupportMailbox(RECEIVED);
});

afterAll(async () => {
  await mailbox.close();
});

async function allTickets(): Promise<Ticket[]> {
  const rows = await mailbox.database.db.select().from(schema.tickets).orderBy(schema.tickets.createdAt, schema.tickets.number);
  return rows.map((row) => row.document as Ticket);
}

const routing = outboxRouting([ticketMailHandler]);

describe("mail intake over SMTP (K2–K4)", () => {
  it("K2: a customer's mail to the listener opens a ticket and the confirmation with number and receipt time arrives at the customer's SMTP server", async () => {
    const accepted = await sendToSupport(mailbox.listener, {
      from: "Anna Becker <anna.becker@mueller-gmbh.de>",
      subject: "Drucker im 2. OG druckt nicht",
      text: "Guten Morgen,\nder HP-Drucker im 2. OG zeigt seit heute Papierstau.\nGruß Anna Becker",
      messageId: "<drucker-0603@mueller-gmbh.de>",
    });
    expect(accepted.response).toMatch(/^250/);
    await intakeSettled(mailbox.database);

    const [created] = await inboundMailsWithStatus(mailbox.database.db, "ticket-created");
    expect(created?.reasonCode).toBe("K2_NEW_TICKET");
    const tickets = await allTickets();
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0];
    expect(ticket?.organizationId).toBe("org-mueller");
    expect(ticket?.channel).toBe("mail");
    expect(ticket?.subject).toBe("Drucker im 2. OG druckt nicht");

    expect(await deliverDueOutboxEvents(mailbox.context, routing)).toMatchObject({ failed: 0 });
    const [confirmation] = await mailbox.customerInbox.waitFor(1);
    expect(confirmation?.envelopeTo).toEqual(["anna.becker@mueller-gmbh.de"]);
    expect(confirmation?.parsed.subject).toBe(`[#${ticket?.number}] Eingangsbestätigung: Drucker im 2. OG druckt nicht`);
    expect(confirmation?.parsed.text).toContain(`als Ticket ${ticket?.number} erfasst`);
    expect(confirmation?.parsed.text).toContain("Eingang: 03.06.2026, 09:15 Uhr (Europe/Berlin)");
    expect(confirmation?.parsed.inReplyTo).toBe("<drucker-0603@mueller-gmbh.de>");
    expect(confirmation?.parsed.messageId).toBe(`<${ticket?.number}.confirmation@tickets.meinsystemhaus.de>`);
    expect(confirmation?.parsed.headers.get("auto-submitted")).toBe("auto-generated");

    // A second pass sends nothing again (dedupe per mail).
    await deliverDueOutboxEvents(mailbox.context, routing);
    expect(mailbox.customerInbox.mails).toHaveLength(1);
  });

  it("K3: a reply to the confirmation lands on the same ticket as a public comment, without a second ticket", async () => {
    const [confirmation] = mailbox.customerInbox.mails;
    const before = await allTickets();
    await sendToSupport(mailbox.listener, {
      from: "Anna Becker <anna.becker@mueller-gmbh.de>",
      subject: `AW: ${confirmation?.parsed.subject ?? ""}`,
      text: "Es ist der Drucker HP LaserJet M404 am Empfang.\n\n> Ihre Meldung ist bei uns eingegangen",
      inReplyTo: confirmation?.parsed.messageId ?? "",
    });
    await intakeSettled(mailbox.database);
    const [appended] = await inboundMailsWithStatus(mailbox.database.db, "appended");
    expect(appended?.reasonCode).toBe("K3_REPLY_BY_HEADER");
    expect(appended?.ticketId).toBe(before[0]?.id);
    const after = await allTickets();
    expect(after).toHaveLength(1);
    const comments = after[0]?.comments ?? [];
    expect(comments.map((comment) => comment.text)).toEqual(["Es ist der Drucker HP LaserJet M404 am Empfang."]);
    expect(comments[0]?.visibility).toBe("public");
  });

  it("K4: an out-of-office auto-reply creates no ticket, appends nothing and sends nothing", async () => {
    const mailsBefore = mailbox.customerInbox.mails.length;
    await sendToSupport(mailbox.listener, {
      from: "Bernd Schulz <bernd.schulz@mueller-gmbh.de>",
      subject: "Abwesenheitsnotiz: Ihre Anfrage",
      text: "Ich bin bis 15.06. nicht im Büro.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    await intakeSettled(mailbox.database);
    const [ignored] = await inboundMailsWithStatus(mailbox.database.db, "ignored");
    expect(ignored?.reasonCode).toBe("K4_AUTO_REPLY");
    expect(await allTickets()).toHaveLength(1);
    expect((await allTickets())[0]?.comments).toHaveLength(1);
    await deliverDueOutboxEvents(mailbox.context, routing);
    expect(mailbox.customerInbox.mails).toHaveLength(mailsBefore);
  });

  it("a malformed message is accepted, stored raw and quarantined with a reason; intake keeps running", async () => {
    const garbage = "\u0000\u0001 this is not a mail \r\n\r\n\u00ff";
    await sendToSupport(mailbox.listener, { from: "unknown@example.org", subject: "", raw: garbage });
    await intakeSettled(mailbox.database);
    const quarantined = await inboundMailsWithStatus(mailbox.database.db, "quarantined");
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.reasonCode).toBe("K2_NO_SENDER");
    expect(Buffer.from(quarantined[0]?.raw ?? new Uint8Array()).toString("latin1")).toContain("this is not a mail");
    // Still alive: the next mail is decided.
    await sendToSupport(mailbox.listener, { from: "anna.becker@mueller-gmbh.de", subject: "VPN-Zugang für Azubi", text: "Bitte einen VPN-Zugang für unseren neuen Azubi einrichten." });
    await intakeSettled(mailbox.database);
    expect(await allTickets()).toHaveLength(2);
  });
});
