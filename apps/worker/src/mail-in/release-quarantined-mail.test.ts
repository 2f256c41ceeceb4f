import { buildApi, seedDemoData } from "@kontor/api";
import { findInboundMail, inboundMailsWithStatus, schema, type Clock, type DatabaseHandle, type InboundMailRow } from "@kontor/db";
import { DEFAULT_TICKETING_POLICY, type Ticket, type TicketingPolicy } from "@kontor/ticketing";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketMailHandler } from "../mail-out/ticket-mail-handler.js";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { intakeSettled, sendToSupport } from "../testing/support-mailbox.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { startMailIntake, type MailIntake } from "./mail-intake.js";
import { startSmtpListener, type SmtpListener } from "./smtp-listener.js";

// 3 June 2026, 09:15 in Cologne: the receipt the K2 confirmation must state, however late staff release the mail.
const RECEIVED = new Date("2026-06-03T07:15:00Z");
// 12:30 in Cologne: when the dispatcher releases it.
const RELEASED = new Date("2026-06-03T10:30:00Z");

// An installation that holds mail from unknown senders for review instead of opening tickets without a customer (K2, P1).
const STRICT: TicketingPolicy = { ...DEFAULT_TICKETING_POLICY, intake: { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: "quarantine" } };

let now = RECEIVED;
const clock: Clock = { now: () => new Date(now.getTime()) };

let worker: TestWorker;
let database: DatabaseHandle;
let customerInbox: CaptureSmtpServer;
let context: WorkerContext;
let intake: MailIntake;
let listener: SmtpListener;
// The API the dispatcher releases through (the worker has no HTTP dependency of its own).
let api: Awaited<ReturnType<typeof buildApi>>;
let adminToken: string;

beforeAll(async () => {
  worker = await startTestWorker({ clock, settings: { ticketingPolicies: [STRICT] } });
  ({ database, smtp: customerInbox, context } = worker);
  adminToken = (await seedDemoData(database, RECEIVED)).adminToken;
  intake = startMailIntake(context, { intervalMs: 50 });
  listener = await startSmtpListener({ host: "127.0.0.1", port: 0, maxMessageBytes: 1_000_000 }, async (raw, envelope) => {
    await intake.receive(raw, envelope);
  }, pino({ level: "silent" }));
  api = await buildApi({ database, clock, logLevel: false, rateLimitPerMinute: false });
  await api.ready();
});

afterAll(async () => {
  await intake.stop();
  await listener.close();
  await api.close();
  await worker.close();
});

/** A mail client talking SMTP to our listener. */
async function onlyQuarantined(): Promise<InboundMailRow> {
  const quarantined = await inboundMailsWithStatus(database.db, "quarantined");
  expect(quarantined).toHaveLength(1);
  const [row] = quarantined;
  if (row === undefined) throw new Error("no quarantined mail");
  return row;
}

/** The dispatcher's release through the API (K2). */
async function release(id: string, organizationId: string) {
  const response = await api.inject({ method: "POST", url: `/v1/inbound-mails/${id}/release`, headers: { authorization: `Bearer ${adminToken}` }, payload: { organizationId } });
  expect(response.statusCode, response.body).toBe(202);
}

async function allTickets(): Promise<Ticket[]> {
  const rows = await database.db.select().from(schema.tickets).orderBy(schema.tickets.createdAt, schema.tickets.number);
  return rows.map((row) => row.document as Ticket);
}

const routing = outboxRouting([ticketMailHandler]);

describe("releasing quarantined mail back into intake (K2, K3)", () => {
  it("K2: a mail from an unknown sender is quarantined; released to Müller GmbH it opens Müller's ticket and the confirmation goes to the original sender", async () => {
    await sendToSupport(listener, {
      from: "Max Muster <max.muster@gmail.com>",
      subject: "Laptop startet nicht",
      text: "Hallo,\nmein Dienstlaptop startet seit heute nicht mehr.\nMax Muster, Müller GmbH",
      messageId: "<laptop-0603@gmail.com>",
    });
    await intakeSettled(database);
    const quarantined = await onlyQuarantined();
    expect(quarantined).toMatchObject({ reasonCode: "K2_UNKNOWN_SENDER", sender: "max.muster@gmail.com", assignedOrganizationId: null });
    expect(await allTickets()).toEqual([]);
    expect(await deliverDueOutboxEvents(context, routing)).toMatchObject({ failed: 0 });
    expect(customerInbox.mails).toHaveLength(0);

    now = RELEASED;
    await release(quarantined.id, "org-mueller");
    await intakeSettled(database);

    const decided = await findInboundMail(database.db, quarantined.id);
    expect(decided).toMatchObject({ status: "ticket-created", reasonCode: "K2_RELEASED_BY_STAFF", assignedOrganizationId: "org-mueller", sender: "max.muster@gmail.com" });
    const tickets = await allTickets();
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0];
    expect(decided?.ticketId).toBe(ticket?.id);
    expect(ticket).toMatchObject({ organizationId: "org-mueller", channel: "mail", subject: "Laptop startet nicht", requester: { email: "max.muster@gmail.com", name: "Max Muster" } });

    expect(await deliverDueOutboxEvents(context, routing)).toMatchObject({ failed: 0 });
    const [confirmation] = await customerInbox.waitFor(1);
    expect(confirmation?.envelopeTo).toEqual(["max.muster@gmail.com"]);
    expect(confirmation?.parsed.subject).toBe(`[#${ticket?.number}] Eingangsbestätigung: Laptop startet nicht`);
    expect(confirmation?.parsed.text).toContain(`als Ticket ${ticket?.number} erfasst`);
    // K2: the receipt timestamp is when the mail arrived, not when staff released it.
    expect(confirmation?.parsed.text).toContain("Eingang: 03.06.2026, 09:15 Uhr (Europe/Berlin)");
    expect(confirmation?.parsed.inReplyTo).toBe("<laptop-0603@gmail.com>");
  });

  it("K3: a reply by subject tag from an address of no organization is quarantined; released to Müller GmbH it is appended to the ticket", async () => {
    const [ticket] = await allTickets();
    await sendToSupport(listener, {
      from: "Moritz Muster <moritz.muster@t-online.de>",
      subject: `AW: [#${ticket?.number ?? ""}] Eingangsbestätigung: Laptop startet nicht`,
      text: "Der Laptop meines Kollegen zeigt jetzt einen Bluescreen.",
    });
    await intakeSettled(database);
    const quarantined = await onlyQuarantined();
    expect(quarantined.reasonCode).toBe("K2_UNKNOWN_SENDER");

    await release(quarantined.id, "org-mueller");
    await intakeSettled(database);

    expect(await findInboundMail(database.db, quarantined.id)).toMatchObject({ status: "appended", reasonCode: "K3_REPLY_BY_SUBJECT_TAG", ticketId: ticket?.id });
    const tickets = await allTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.comments.map((comment) => comment.text)).toEqual(["Der Laptop meines Kollegen zeigt jetzt einen Bluescreen."]);
  });

  it("a released unreadable mail ends quarantined again with its reason, and intake keeps running", async () => {
    await sendToSupport(listener, { from: "unknown@example.org", subject: "", raw: "\u0000\u0001 this is not a mail \r\n\r\n\u00ff" });
    await intakeSettled(database);
    const quarantined = await onlyQuarantined();
    expect(quarantined.reasonCode).toBe("K2_NO_SENDER");

    await release(quarantined.id, "org-mueller");
    await intakeSettled(database);

    const again = await findInboundMail(database.db, quarantined.id);
    expect(again).toMatchObject({ status: "quarantined", reasonCode: "K2_NO_SENDER", reason: "The mail has no usable From address", assignedOrganizationId: "org-mueller" });
    expect(Buffer.from(again?.raw ?? new Uint8Array()).toString("latin1")).toContain("this is not a mail");
    expect(await allTickets()).toHaveLength(1);

    // Still alive: the next mail is decided.
    await sendToSupport(listener, { from: "anna.becker@mueller-gmbh.de", subject: "VPN-Zugang für Azubi", text: "Bitte einen VPN-Zugang für unseren neuen Azubi einrichten." });
    await intakeSettled(database);
    expect(await allTickets()).toHaveLength(2);
  });

  it("K2: an incident written like a note for the account manager is kept unprocessed; released by staff it becomes Müller's ticket instead of being kept again", async () => {
    const before = (await allTickets()).length;
    await sendToSupport(listener, {
      from: "Anna Becker <anna.becker@mueller-gmbh.de>",
      subject: "z. Hd. Herrn Schulte",
      text: "Hallo Herr Schulte,\nunser Server ist seit 7 Uhr ausgefallen, niemand kann arbeiten.",
    });
    await intakeSettled(database);
    const kept = await inboundMailsWithStatus(database.db, "kept");
    expect(kept.map((row) => row.reasonCode)).toEqual(["K2_NOT_A_TICKET"]);
    const [mail] = kept;
    if (mail === undefined) throw new Error("no kept mail");
    expect(await allTickets()).toHaveLength(before);

    await release(mail.id, "org-mueller");
    await intakeSettled(database);

    const decided = await findInboundMail(database.db, mail.id);
    expect(decided).toMatchObject({ status: "ticket-created", reasonCode: "K2_RELEASED_BY_STAFF" });
    const ticket = (await allTickets()).find((candidate) => candidate.id === decided?.ticketId);
    expect(ticket).toMatchObject({ organizationId: "org-mueller", kind: "incident", subject: "z. Hd. Herrn Schulte", requester: { email: "anna.becker@mueller-gmbh.de" } });
  });
});
