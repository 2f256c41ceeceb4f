import { seedDemoData } from "@kontor/api";
import { inboundMailsWithStatus, schema, type DatabaseHandle } from "@kontor/db";
import type { Ticket } from "@kontor/ticketing";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketMailHandler } from "../mail-out/ticket-mail-handler.js";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { startDovecotServer, type DovecotServer } from "../testing/dovecot-server.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { imapMailboxSettingsSchema, type ImapMailboxSettings } from "./imap-mailbox-settings.js";
import { pollImapMailbox } from "./imap-poller.js";
import { startMailIntake, type MailIntake } from "./mail-intake.js";

const RECEIVED = new Date("2026-06-03T07:40:00Z");

// A customer's mail as it sits in the hosted support mailbox (CRLF, as IMAP stores it).
const CUSTOMER_MAIL = [
  "From: Anna Becker <anna.becker@mueller-gmbh.de>",
  "To: kundensupport@meinsystemhaus.de",
  "Subject: Scanner im Lager verbindet sich nicht",
  "Date: Wed, 03 Jun 2026 09:35:00 +0200",
  "Message-ID: <scanner-lager@mueller-gmbh.de>",
  "MIME-Version: 1.0",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Der Handscanner im Lager findet das WLAN nicht mehr.",
  "",
].join("\r\n");

let dovecot: DovecotServer;
let worker: TestWorker;
let database: DatabaseHandle;
let inbox: CaptureSmtpServer;
let context: WorkerContext;
let intake: MailIntake;
let settings: ImapMailboxSettings;

beforeAll(async () => {
  dovecot = await startDovecotServer();
  worker = await startTestWorker({ now: RECEIVED });
  ({ database, smtp: inbox, context } = worker);
  await seedDemoData(database, RECEIVED);
  intake = startMailIntake(context, { intervalMs: 50 });
  settings = imapMailboxSettingsSchema.parse({ host: dovecot.host, port: dovecot.port, user: dovecot.user, password: dovecot.password });
});

afterAll(async () => {
  await intake.stop();
  await worker.close();
  await dovecot.stop();
});

describe("IMAP intake into the service desk (K2) against a real Dovecot", () => {
  it("a mail in the hosted mailbox is stored once, opens a ticket and is confirmed to the customer", async () => {
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
    await client.append("INBOX", Buffer.from(CUSTOMER_MAIL));
    await client.logout();

    const store = async (raw: Buffer, envelope: Parameters<MailIntake["receive"]>[1], sourceKey: string) => {
      await intake.receive(raw, envelope, sourceKey);
    };
    expect(await pollImapMailbox(settings, store)).toMatchObject({ unseen: 1, stored: 1, failed: 0 });
    for (let attempt = 0; attempt < 200 && (await inboundMailsWithStatus(database.db, "received")).length > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [created] = await inboundMailsWithStatus(database.db, "ticket-created");
    expect(created?.source).toBe("imap");
    expect(created?.sourceKey).toMatch(/^imap:.+\/INBOX\/\d+\/1$/);
    expect(Buffer.from(created?.raw ?? new Uint8Array()).toString("utf8")).toBe(CUSTOMER_MAIL);

    const tickets = (await database.db.select().from(schema.tickets)).map((row) => row.document as Ticket);
    expect(tickets.map((ticket) => [ticket.subject, ticket.organizationId, ticket.channel])).toEqual([["Scanner im Lager verbindet sich nicht", "org-mueller", "mail"]]);

    await deliverDueOutboxEvents(context, outboxRouting([ticketMailHandler]));
    const [confirmation] = await inbox.waitFor(1);
    expect(confirmation?.parsed.subject).toBe(`[#${tickets[0]?.number ?? ""}] Eingangsbestätigung: Scanner im Lager verbindet sich nicht`);
    expect(confirmation?.parsed.inReplyTo).toBe("<scanner-lager@mueller-gmbh.de>");

    // Seen now: the next poll brings nothing, and nothing is stored or opened twice.
    expect(await pollImapMailbox(settings, store)).toMatchObject({ unseen: 0, stored: 0 });
    expect(await database.db.select().from(schema.inboundMails)).toHaveLength(1);
  });
});
