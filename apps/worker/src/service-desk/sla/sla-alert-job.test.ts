import { findMailDelivery, type DatabaseHandle } from "@kontor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../../outbox/deliver-outbox.js";
import type { CaptureSmtpServer } from "../../testing/capture-smtp-server.js";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import type { WorkerContext } from "../../worker-context.js";
import { serviceDeskOutboxHandlers } from "../index.js";
import { SLA_ALERT_TOPIC } from "../service-desk-topics.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { outboxEventsOfTopic } from "../testing/service-desk-outbox.js";
import { ASSIGN_TECHNICIAN, DISPATCHER, TECHNICIAN, changeTestTicket, openTestTicket, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import type { SlaAlert } from "./sla-alert.js";
import { slaAlertJob } from "./sla-alert-job.js";

// Default K7 terms of the API: Mon–Fri 08:00–17:00 in the customer's calendar (Müller: DE-NW,
// Europe/Berlin), first response 240 and resolution 1080 business minutes, warning at 80 %.

let worker: TestWorker;
let database: DatabaseHandle;
let smtp: CaptureSmtpServer;
let clock: MutableTestClock;
let context: WorkerContext;
const routing = outboxRouting(serviceDeskOutboxHandlers);

beforeAll(async () => {
  clock = mutableTestClock("2026-03-01T00:00:00Z");
  worker = await startTestWorker({ clock });
  ({ database, smtp, context } = worker);
  await seedServiceDesk(database, new Date("2026-03-01T00:00:00Z"));
});

afterAll(() => worker.close());

/** Runs the job at `instant` (as pg-boss would) and returns the SLA alert keys of `ticketId`. */
async function runAt(instant: string, ticketId: string): Promise<string[]> {
  const now = clock.set(instant);
  await slaAlertJob.run(context, now);
  return alertKeysOf(ticketId);
}

async function alertKeysOf(ticketId: string): Promise<string[]> {
  return (await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).filter((row) => row.aggregateId === ticketId).map((row) => row.dedupeKey);
}

async function deliverAt(instant: string): Promise<void> {
  clock.set(instant);
  await deliverDueOutboxEvents(context, routing);
}

function mailsAbout(ticketNumber: string) {
  return smtp.mails.filter((mail) => mail.parsed.subject?.includes(ticketNumber) === true);
}

describe("K7 SLA alerts across a weekend (Friday 15:00 CET ticket)", () => {
  let ticketId = "";
  let ticketNumber = "";

  beforeAll(async () => {
    const row = await openTestTicket(database, "2026-03-06T15:00:00+01:00");
    await changeTestTicket(database, row.id, "2026-03-06T15:30:00+01:00", [ASSIGN_TECHNICIAN]);
    ticketId = row.id;
    ticketNumber = row.number;
  });

  it("K7: nothing on Saturday and nothing at Monday 09:10 (120 + 70 of 192 warning minutes used)", async () => {
    expect(await runAt("2026-03-07T12:00:00+01:00", ticketId)).toEqual([]);
    expect(await runAt("2026-03-09T09:10:00+01:00", ticketId)).toEqual([]);
  });

  it("K7: the 80 % warning (192 business minutes) is crossed Monday 09:12 CET; a re-run writes no second event", async () => {
    const keys = await runAt("2026-03-09T09:15:00+01:00", ticketId);
    expect(keys).toEqual([`sla:${ticketId}:first-response:warning:2026-03-09T08:12:00.000Z`]);
    expect(await runAt("2026-03-09T09:15:00+01:00", ticketId)).toEqual(keys);
    const [row] = (await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).filter((event) => event.aggregateId === ticketId);
    expect(row?.payload).toMatchObject({ kind: "warning", clock: "first-response", targetMinutes: 240, dueAt: "2026-03-09T09:00:00.000Z", superseded: false } satisfies Partial<SlaAlert>);
  });

  it("K7: the warning mail goes to the active dispatcher and the assignee, once", async () => {
    await deliverAt("2026-03-09T09:15:00+01:00");
    await deliverAt("2026-03-09T09:16:00+01:00");
    const mails = mailsAbout(ticketNumber);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.envelopeTo).toEqual([DISPATCHER.email.toLowerCase(), TECHNICIAN.email]);
    expect(mail?.parsed.subject).toBe(`[#${ticketNumber}] SLA-Warnung Erstreaktion – Drucker im Empfang druckt nicht`);
    expect(mail?.parsed.text).toContain("Zielzeit Erstreaktion: 240 Geschäftsminuten (4 Std.)");
    expect(mail?.parsed.text).toContain("Warnschwelle erreicht: 09.03.2026 09:12 (Europe/Berlin)");
    expect(mail?.parsed.text).toContain("Fällig bis: 09.03.2026 10:00 (Europe/Berlin)");
    expect(mail?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(await findMailDelivery(database.db, `sla:${ticketId}:first-response:warning:2026-03-09T08:12:00.000Z`)).toBeDefined();
  });

  it("K7: the breach is due Monday 10:00 CET (Fri 120 + Mon 120 business minutes) and mailed once", async () => {
    expect(await runAt("2026-03-09T09:55:00+01:00", ticketId)).toHaveLength(1);
    const keys = await runAt("2026-03-09T10:05:00+01:00", ticketId);
    expect(keys).toEqual([`sla:${ticketId}:first-response:warning:2026-03-09T08:12:00.000Z`, `sla:${ticketId}:first-response:breach:2026-03-09T09:00:00.000Z`]);
    await deliverAt("2026-03-09T10:05:00+01:00");
    expect(await runAt("2026-03-09T10:10:00+01:00", ticketId)).toEqual(keys);
    await deliverAt("2026-03-09T10:10:00+01:00");
    const mails = mailsAbout(ticketNumber);
    expect(mails.map((mail) => mail.parsed.subject)).toEqual([
      `[#${ticketNumber}] SLA-Warnung Erstreaktion – Drucker im Empfang druckt nicht`,
      `[#${ticketNumber}] SLA verletzt: Erstreaktion – Drucker im Empfang druckt nicht`,
    ]);
    expect(mails[1]?.parsed.text).toContain("Fällig war: 09.03.2026 10:00 (Europe/Berlin)");
  });

  it("K7: the resolution clock (1080 min) warns Tuesday 11:24 CET (Fri 120 + Mon 540 + Tue 204) and breaches Tuesday 15:00", async () => {
    expect(await runAt("2026-03-10T11:20:00+01:00", ticketId)).toHaveLength(2);
    const keys = await runAt("2026-03-10T15:00:00+01:00", ticketId);
    expect(keys.slice(2)).toEqual([`sla:${ticketId}:resolution:warning:2026-03-10T10:24:00.000Z`, `sla:${ticketId}:resolution:breach:2026-03-10T14:00:00.000Z`]);
  });
});

describe("K7 SLA alerts across the DST change and a holiday", () => {
  it("K7: spring forward: Friday 2026-03-27 16:00 CET warns Monday 10:12 CEST and is due 11:00 CEST (09:00Z)", async () => {
    const row = await openTestTicket(database, "2026-03-27T16:00:00+01:00", { subject: "VPN bricht ab" });
    expect(await runAt("2026-03-30T10:10:00+02:00", row.id)).toEqual([]);
    expect(await runAt("2026-03-30T10:15:00+02:00", row.id)).toEqual([`sla:${row.id}:first-response:warning:2026-03-30T08:12:00.000Z`]);
    await deliverAt("2026-03-30T10:15:00+02:00");
    const [mail, ...others] = mailsAbout(row.number);
    expect(others).toEqual([]);
    // Unassigned: only the service team.
    expect(mail?.envelopeTo).toEqual([DISPATCHER.email.toLowerCase()]);
    expect(mail?.parsed.text).toContain("Warnschwelle erreicht: 30.03.2026 10:12 (Europe/Berlin)");
    expect(mail?.parsed.text).toContain("Fällig bis: 30.03.2026 11:00 (Europe/Berlin)");
    expect(await runAt("2026-03-30T11:00:00+02:00", row.id)).toEqual([
      `sla:${row.id}:first-response:warning:2026-03-30T08:12:00.000Z`,
      `sla:${row.id}:first-response:breach:2026-03-30T09:00:00.000Z`,
    ]);
  });

  it("K7: Corpus Christi (2026-06-04) is no business day in DE-NW: a Wednesday 16:00 ticket warns Friday 10:12", async () => {
    const row = await openTestTicket(database, "2026-06-03T16:00:00+02:00", { subject: "Scanner offline" });
    expect(await runAt("2026-06-04T16:55:00+02:00", row.id)).toEqual([]);
    expect(await runAt("2026-06-05T10:15:00+02:00", row.id)).toEqual([`sla:${row.id}:first-response:warning:2026-06-05T08:12:00.000Z`]);
  });
});

describe("K7 SLA alerts: pauses, late runs and unqualified tickets", () => {
  it("K7: waiting for the customer pauses the clocks: 30 + 60 minutes used, no alert two days later", async () => {
    const row = await openTestTicket(database, "2026-06-08T09:00:00+02:00", { subject: "Outlook-Profil defekt" });
    await changeTestTicket(database, row.id, "2026-06-08T09:10:00+02:00", [ASSIGN_TECHNICIAN]);
    await changeTestTicket(database, row.id, "2026-06-08T09:30:00+02:00", [{ type: "record-customer-contact", by: { kind: "staff", id: TECHNICIAN.id }, via: "phone" }]);
    await changeTestTicket(database, row.id, "2026-06-08T09:45:00+02:00", [{ type: "start-work", by: { kind: "staff", id: TECHNICIAN.id } }]);
    await changeTestTicket(database, row.id, "2026-06-08T10:00:00+02:00", [{ type: "wait-for-customer", by: { kind: "staff", id: TECHNICIAN.id } }]);
    expect(await runAt("2026-06-10T16:00:00+02:00", row.id)).toEqual([]);
  });

  it("K7: a ticket resolved two minutes after its breach still gets the breach; the warning found late with it is not mailed", async () => {
    const row = await openTestTicket(database, "2026-06-15T09:00:00+02:00", { subject: "Server langsam" });
    await changeTestTicket(database, row.id, "2026-06-15T09:10:00+02:00", [ASSIGN_TECHNICIAN]);
    await changeTestTicket(database, row.id, "2026-06-15T13:02:00+02:00", [{ type: "resolve", by: { kind: "staff", id: TECHNICIAN.id } }]);
    const keys = await runAt("2026-06-15T13:05:00+02:00", row.id);
    expect(keys).toEqual([`sla:${row.id}:first-response:warning:2026-06-15T10:12:00.000Z`, `sla:${row.id}:first-response:breach:2026-06-15T11:00:00.000Z`]);
    await deliverAt("2026-06-15T13:05:00+02:00");
    const [warningKey, breachKey] = keys;
    expect(await findMailDelivery(database.db, warningKey ?? "")).toBeUndefined();
    expect(await findMailDelivery(database.db, breachKey ?? "")).toMatchObject({ recipients: [DISPATCHER.email.toLowerCase(), TECHNICIAN.email] });
    const mails = mailsAbout(row.number);
    expect(mails.map((mail) => mail.parsed.subject)).toEqual([`[#${row.number}] SLA verletzt: Erstreaktion – Server langsam`]);
  });

  it("K7: a mail from an unknown sender without an organization has no agreement and no alert", async () => {
    const row = await openTestTicket(database, "2026-06-15T09:00:00+02:00", { organizationId: undefined, channel: "mail", subject: "Hilfe" });
    const now = clock.set("2026-06-16T17:00:00+02:00");
    const summary = await slaAlertJob.run(context, now);
    expect(summary).toMatchObject({ withoutOrganization: 1, failed: 0 });
    expect(await alertKeysOf(row.id)).toEqual([]);
  });
});
