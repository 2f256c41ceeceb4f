import { seedDemoData } from "@kontor/api";
import { wordDocumentEntries, zipArchive } from "@kontor/api/testing";
import { fixedClock, listTicketAttachments, schema, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { Ticket, TicketAttachment } from "@kontor/ticketing";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { intakeSettled, sendToSupport } from "../testing/support-mailbox.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { WorkerContext } from "../worker-context.js";
import { startMailIntake, type MailIntake } from "./mail-intake.js";
import { startSmtpListener, type SmtpListener } from "./smtp-listener.js";

const RECEIVED = new Date("2026-06-03T07:15:00Z");
const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ANNA = "Anna Becker <anna.becker@mueller-gmbh.de>";

let database: DatabaseHandle;
let customerInbox: CaptureSmtpServer;
let context: WorkerContext;
let intake: MailIntake;
let listener: SmtpListener;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database, RECEIVED);
  customerInbox = await startCaptureSmtpServer();
  context = testWorkerContext(database, customerInbox, { clock: fixedClock(RECEIVED) });
  intake = startMailIntake(context, { intervalMs: 50 });
  listener = await startSmtpListener({ host: "127.0.0.1", port: 0, maxMessageBytes: 1_000_000 }, async (raw, envelope) => {
    await intake.receive(raw, envelope);
  }, pino({ level: "silent" }));
});

afterAll(async () => {
  await intake.stop();
  await listener.close();
  await context.mail.close();
  await customerInbox.close();
  await database.close();
});

async function ticketWithSubject(subject: string): Promise<Ticket> {
  const [row] = await database.db.select().from(schema.tickets).where(eq(schema.tickets.subject, subject));
  if (row === undefined) throw new Error(`no ticket "${subject}"`);
  return row.document as Ticket;
}

const docxWithScreenshot = zipArchive(wordDocumentEntries({ image: true }));
const docxWithoutImages = zipArchive(wordDocumentEntries());

describe("mail intake of Word attachments over SMTP (K3)", () => {
  it("K3: a mail with a .docx holding word/media/image1.png opens a ticket whose attachment is kept and flagged", async () => {
    await sendToSupport(listener, {
      from: ANNA,
      subject: "Fehlermeldung beim Drucken",
      text: "Guten Morgen,\nim Anhang die Fehlermeldung als Word-Datei.\nGruß Anna Becker",
      attachments: [{ filename: "Fehlermeldung.docx", content: docxWithScreenshot, contentType: WORD }],
    });
    await intakeSettled(database);

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
    const [stored] = await database.db.select().from(schema.ticketAttachments).where(eq(schema.ticketAttachments.ticketId, ticket.id));
    expect(Buffer.from(stored?.content ?? new Uint8Array()).equals(Buffer.from(docxWithScreenshot))).toBe(true);
    expect((stored?.meta as TicketAttachment | undefined)?.flags).toEqual(["screenshot-in-word-document"]);
  });

  it("K3: a .docx sent as application/octet-stream in a reply is flagged on the comment", async () => {
    const ticket = await ticketWithSubject("Fehlermeldung beim Drucken");
    await sendToSupport(listener, {
      from: ANNA,
      subject: `AW: [#${ticket.number}] Fehlermeldung beim Drucken`,
      text: "Hier noch ein zweiter Screenshot.",
      attachments: [{ filename: "Screenshot 2.docx", content: docxWithScreenshot, contentType: "application/octet-stream" }],
    });
    await intakeSettled(database);

    const after = await ticketWithSubject("Fehlermeldung beim Drucken");
    const [comment] = after.comments;
    expect(comment?.attachments).toMatchObject([{ filename: "Screenshot 2.docx", kind: "word-document", flags: ["screenshot-in-word-document"] }]);
    const stored = await listTicketAttachments(database.db, ticket.id);
    expect(stored.map((row) => (row.meta as TicketAttachment).flags)).toEqual([["screenshot-in-word-document"], ["screenshot-in-word-document"]]);
  });

  it("K3: a .docx without images is inspected and not flagged", async () => {
    await sendToSupport(listener, {
      from: ANNA,
      subject: "Protokoll der Serverwartung",
      text: "Anbei das Protokoll.",
      attachments: [{ filename: "Protokoll.docx", content: docxWithoutImages, contentType: WORD }],
    });
    await intakeSettled(database);

    const ticket = await ticketWithSubject("Protokoll der Serverwartung");
    expect(ticket.attachments).toMatchObject([{ filename: "Protokoll.docx", kind: "word-document", containedContentTypes: ["application/xml"], flags: [] }]);
  });

  it("K3: a broken .docx is still accepted, not inspected and not flagged", async () => {
    await sendToSupport(listener, {
      from: ANNA,
      subject: "Defekte Word-Datei",
      text: "Die Datei lässt sich nicht öffnen.",
      attachments: [{ filename: "Kaputt.docx", content: docxWithScreenshot.subarray(0, 200), contentType: WORD }],
    });
    await intakeSettled(database);

    const ticket = await ticketWithSubject("Defekte Word-Datei");
    expect(ticket.attachments).toHaveLength(1);
    expect(ticket.attachments[0]).toMatchObject({ filename: "Kaputt.docx", kind: "word-document", flags: [] });
    expect(ticket.attachments[0]?.containedContentTypes).toBeUndefined();
  });
});
