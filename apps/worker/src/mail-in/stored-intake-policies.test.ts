import { seedDemoData } from "@kontor/api";
import { inboundMailsWithStatus, saveInstallationPolicies, schema, type DatabaseHandle, type InboundMailRow } from "@kontor/db";
import { DEFAULT_TICKETING_POLICY, type TicketingPolicy } from "@kontor/ticketing";
import { asc } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutableTestClock, type MutableTestClock } from "../service-desk/testing/mutable-test-clock.js";
import { intakeSettled, sendToSupport } from "../testing/support-mailbox.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import { workerSettingsFromEnvironment } from "../worker-settings.js";
import { startMailIntake, type MailIntake } from "./mail-intake.js";
import { startSmtpListener, type SmtpListener } from "./smtp-listener.js";

/**
 * P1: mail intake decides by the installation's stored ticketing policies; the worker's settings
 * (here `KONTOR_UNKNOWN_SENDER=quarantine`) apply only while none are stored. The stored set opens
 * tickets for unknown senders (K2) and accepts at most 2 mails per sender within 60 minutes (K4;
 * the shipped limit is 30).
 */
const STORED: TicketingPolicy = {
  ...DEFAULT_TICKETING_POLICY,
  intake: { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: "create-ticket", perSender: { maxMails: 2, windowMinutes: 60 } },
};

const ANNA = "anna.becker@mueller-gmbh.de";

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;
let intake: MailIntake;
let listener: SmtpListener;

beforeAll(async () => {
  clock = mutableTestClock("2026-06-03T07:00:00Z");
  const { ticketingPolicies } = workerSettingsFromEnvironment({ KONTOR_UNKNOWN_SENDER: "quarantine" });
  worker = await startTestWorker({ clock, settings: { ticketingPolicies } });
  database = worker.database;
  await seedDemoData(database, clock.now());
  intake = startMailIntake(worker.context, { intervalMs: 50 });
  listener = await startSmtpListener({ host: "127.0.0.1", port: 0, maxMessageBytes: 1_000_000 }, async (raw, envelope) => {
    await intake.receive(raw, envelope);
  }, pino({ level: "silent" }));
});

afterAll(async () => {
  await intake.stop();
  await listener.close();
  await worker.close();
});

/** Sends one incident mail at `instant` and waits until intake decided it; returns its row. */
async function mailAt(instant: string, from: string, subject: string): Promise<InboundMailRow> {
  clock.set(instant);
  await sendToSupport(listener, { from, subject, text: `${subject}: bitte prüfen.` });
  await intakeSettled(database);
  return latestMail();
}

async function latestMail(): Promise<InboundMailRow> {
  const rows = await database.db.select().from(schema.inboundMails).orderBy(asc(schema.inboundMails.receivedAt));
  const last = rows.at(-1);
  if (last === undefined) throw new Error("no inbound mail stored");
  return last;
}

async function ticketCount(): Promise<number> {
  return (await database.db.select({ id: schema.tickets.id }).from(schema.tickets)).length;
}

describe("mail intake with the installation's stored ticketing policies (P1, K2, K4)", () => {
  it("P1, K2: while none are stored, the worker's settings apply: mail from an unknown sender is quarantined (K2_UNKNOWN_SENDER)", async () => {
    const row = await mailAt("2026-06-03T07:15:00Z", "Max Muster <max.muster@gmail.com>", "Laptop startet nicht");
    expect(row).toMatchObject({ status: "quarantined", reasonCode: "K2_UNKNOWN_SENDER" });
    expect(await ticketCount()).toBe(0);
  });

  it("P1, K2: once a set is stored it replaces the settings: the next mail from an unknown sender opens a ticket", async () => {
    const saved = await saveInstallationPolicies(database.db, "ticketing", { policies: { serviceDesk: [STORED] }, updatedBy: "staff-admin" }, 0, clock.now());
    expect(saved?.version).toBe(1);
    const row = await mailAt("2026-06-03T07:30:00Z", "Moritz Muster <moritz.muster@t-online.de>", "Drucker offline");
    expect(row).toMatchObject({ status: "ticket-created", reasonCode: "K2_NEW_TICKET" });
    expect(await ticketCount()).toBe(1);
  });

  it("P1, K4: with the stored limit of 2 mails per sender in 60 minutes, Anna's mails at 08:00Z and 08:01Z open tickets, the one at 08:02Z is quarantined (the shipped 30 would accept it); at 09:01Z one is accepted again", async () => {
    expect(await mailAt("2026-06-03T08:00:00Z", ANNA, "VPN bricht ab")).toMatchObject({ status: "ticket-created" });
    expect(await mailAt("2026-06-03T08:01:00Z", ANNA, "Outlook hängt")).toMatchObject({ status: "ticket-created" });
    expect(await mailAt("2026-06-03T08:02:00Z", ANNA, "Scanner ohne Netz")).toMatchObject({
      status: "quarantined",
      reasonCode: "K4_SENDER_RATE_LIMIT",
      reason: `More than 2 mails from ${ANNA} in 60 minutes`,
    });
    expect(await ticketCount()).toBe(3);
    // Only the (quarantined) 08:02Z mail is within the 60 minutes up to 09:01Z.
    expect(await mailAt("2026-06-03T09:01:00Z", ANNA, "Monitor flackert")).toMatchObject({ status: "ticket-created" });
    expect(await ticketCount()).toBe(4);
  });

  it("P1: while the stored set no longer parses, mail stays received (not decided by the settings, not quarantined); once fixed (version 2) it is decided", async () => {
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{serviceDesk,0,intake,perSender,maxMails}', '0'::jsonb) WHERE domain = 'ticketing'");
    clock.set("2026-06-03T10:00:00Z");
    await sendToSupport(listener, { from: "Erika Muster <erika.muster@gmail.com>", subject: "Kein WLAN", text: "Seit heute kein WLAN." });
    // Several 50 ms intake passes fail on the stored set.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await inboundMailsWithStatus(database.db, "received")).toHaveLength(1);
    expect(await ticketCount()).toBe(4);

    const fixed = await saveInstallationPolicies(database.db, "ticketing", { policies: { serviceDesk: [STORED] }, updatedBy: "staff-admin" }, 1, clock.now());
    expect(fixed?.version).toBe(2);
    await intakeSettled(database);
    expect(await latestMail()).toMatchObject({ status: "ticket-created", sender: "erika.muster@gmail.com" });
    expect(await ticketCount()).toBe(5);
  });
});
