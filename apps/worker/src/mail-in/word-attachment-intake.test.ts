import { wordDocumentEntries, zipArchive } from "@kontor/api/testing";
import { listTicketAttachments, schema } from "@kontor/db";
import type { Ticket, TicketAttachment } from "@kontor/ticketing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeSettled, sendToSupport, startSupportMailbox, type SupportMailbox } from "../testing/support-mailbox.js";

const RECEIVED = new Date("2026-06-03T07:15:00Z");
const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ANNA = "Anna Becker <anna.becker@mueller-gmbh.de>";

let mailbox: SupportMailbox;

beforeAll(async () => {
  mailbox = await startSupportMailbox(RECEIVED);
});

afterAll(async () => {
  await mailbox.close();
});

async function ticketWithSubject(subject: string): Promise<Ticket> {
  const [row] = await mailbox.database.db.select().from(schema.tickets).where(eq(schema.tickets.subject, subject));
  if (row === undefined) throw new Error(`no ticket "${subject}"`);
  return row.document as Ticket;
}

const docxWithScreenshot = zipArchive(wordDocumentEntries({ image: true }));
const docxWithoutImages = zipArchive(wordDocumentEntries());

describe("mail intake of Word attachments over SMTP (K3)", () => {
  it("K3: a mail with a .docx holding word/media/image1.png opens a ticket whose attachment is kept and flagged", async () => {
    await sendToSupport(mailbox.listener, {
      from: ANNA,
      subject: "Fehlermeldung beim Drucken",
      text: "Guten Morgen,\nim Anhang die Fehlermeldung als Word-Datei.\nGruß Anna Becker",
      attachments: [{ filename: "Fehlermeldung.docx", content: docxWithScreenshot, contentType: WORD }],
    });
    await intakeSettled(mailbox.database);

    const ticket = await ticketWithSubject("Fehlermeldung beim Drucken");
    expect(ticket.attachments).toEqual<TicketAttachment[]>([
      {
        filename: "Fehlermeldung.docx",
        contentType: WORD,
        size: docxWithScreenshot.length,
        containedContentTypes: ["application/xml", "image/png"],
        kind: "word-document",
        flags: ["screenshot-in-word-document"],
      },
    ]);
    // Accepted, not refused: the bytes are stored with the flagged metadata.
    const [stored] = await mailbox.database.db.select().from(schema.ticketAttachments).where(eq(schema.ticketAttachments.ticketId, ticket.id));
    expect(Buffer.from(stored?.content ?? new Uint8Array()).equals(Buffer.from(docxWithScreenshot))).toBe(true);
    expect((stored?.meta as TicketAttachment | undefined)?.flags).toEqual(["screenshot-in-word-document"]);
  });

  it("K3: a .docx sent as application/octet-stream in a reply is flagged on the comment", async () => {
    const ticket = await ticketWithSubject("Fehlermeldung beim Drucken");
    await sendToSupport(mailbox.listener, {
      from: ANNA,
      subject: `AW: [#${ticket.number}] Fehlermeldung beim Drucken`,
      text: "Hier noch ein zweiter Screenshot.",
      attachments: [{ filename: "Screenshot 2.docx", content: docxWithScreenshot, contentType: "application/octet-stream" }],
    });
    await intakeSettled(mailbox.database);

    const after = await ticketWithSubject("Fehlermeldung beim Drucken");
    const [comment] = after.comments;
    expect(comment?.attachments).toMatchObject([{ filename: "Screenshot 2.docx", kind: "word-document", flags: ["screenshot-in-word-document"] }]);
    const stored = await listTicketAttachments(mailbox.database.db, ticket.id);
    expect(stored.map((row) => (row.meta as TicketAttachment).flags)).toEqual([["screenshot-in-word-document"], ["screenshot-in-word-document"]]);
  });

  it("K3: a .docx without images is inspected and not flagged", async () => {
    await sendToSupport(mailbox.listener, {
      from: ANNA,
      subject: "Protokoll der Serverwartung",
      text: "Anbei das Protokoll.",
      attachments: [{ filename: "Protokoll.docx", content: docxWithoutImages, contentType: WORD }],
    });
    await intakeSettled(mailbox.database);

    const ticket = await ticketWithSubject("Protokoll der Serverwartung");
    expect(ticket.attachments).toMatchObject([{ filename: "Protokoll.docx", kind: "word-document", containedContentTypes: ["application/xml"], flags: [] }]);
  });

  it("K3: a broken .docx is still accepted, not inspected and not flagged", async () => {
    await sendToSupport(mailbox.listener, {
      from: ANNA,
      subject: "Defekte Word-Datei",
      text: "Die Datei lässt sich nicht öffnen.",
      attachments: [{ filename: "Kaputt.docx", content: docxWithScreenshot.subarray(0, 200), contentType: WORD }],
    });
    await intakeSettled(mailbox.database);

    const ticket = await ticketWithSubject("Defekte Word-Datei");
    expect(ticket.attachments).toHaveLength(1);
    expect(ticket.attachments[0]).toMatchObject({ filename: "Kaputt.docx", kind: "word-document", flags: [] });
    expect(ticket.attachments[0]?.containedContentTypes).toBeUndefined();
  });
});
