import { saveInstallationPolicies, type DatabaseHandle } from "@kontor/db";
import { DEFAULT_TICKETING_POLICY, type TicketingPolicy } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import { SLA_ALERT_TOPIC } from "../service-desk-topics.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { outboxEventsOfTopic } from "../testing/service-desk-outbox.js";
import { openTestTicket, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import { slaAlertJob } from "./sla-alert-job.js";

/**
 * P1, K7: the SLA job warns at the installation's stored `sla.warningRatio`. Default terms: first
 * response within 240 business minutes (Mon–Fri 08:00–17:00, Europe/Berlin); the stored 0.5 warns
 * after 120 minutes instead of the shipped 0.8's 192.
 */
const STORED: TicketingPolicy = { ...DEFAULT_TICKETING_POLICY, sla: { warningRatio: 0.5 } };

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;
let ticketId = "";

beforeAll(async () => {
  clock = mutableTestClock("2026-03-01T00:00:00Z");
  worker = await startTestWorker({ clock });
  database = worker.database;
  await seedServiceDesk(database, new Date("2026-03-01T00:00:00Z"));
  const saved = await saveInstallationPolicies(database.db, "ticketing", { policies: { serviceDesk: [STORED] }, updatedBy: "staff-admin" }, 0, new Date("2026-03-01T00:00:00Z"));
  if (saved === undefined) throw new Error("ticketing policies not stored");
  // Monday 09:00 CET.
  ticketId = (await openTestTicket(database, "2026-03-09T09:00:00+01:00")).id;
});

afterAll(() => worker.close());

async function runAt(instant: string): Promise<string[]> {
  await slaAlertJob.run(worker.context, clock.set(instant));
  return (await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).filter((row) => row.aggregateId === ticketId).map((row) => row.dedupeKey);
}

describe("K7 SLA alerts with the installation's stored ticketing policies (P1)", () => {
  it("P1, K7: with a stored warning ratio of 0.5 the first-response warning comes at 11:00 CET (120 of 240 minutes), not at 12:12 (192)", async () => {
    expect(await runAt("2026-03-09T10:55:00+01:00")).toEqual([]);
    expect(await runAt("2026-03-09T11:05:00+01:00")).toEqual([`sla:${ticketId}:first-response:warning:2026-03-09T10:00:00.000Z`]);
  });

  it("P1: a stored set that no longer parses fails the run (TICKETING_POLICIES_INVALID) rather than alert at the shipped 80 %", async () => {
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{serviceDesk,0,sla,warningRatio}', '1.5'::jsonb) WHERE domain = 'ticketing'");
    await expect(slaAlertJob.run(worker.context, clock.set("2026-03-09T12:15:00+01:00"))).rejects.toMatchObject({ code: "TICKETING_POLICIES_INVALID" });
    expect(await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).toHaveLength(1);
  });
});
