import { insertContract, insertOrganization, type DatabaseHandle } from "@kontor/db";
import { openAccount, parseContract, type Contract, type ContractInput } from "@kontor/contingent";
import type { Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import type { WorkerContext } from "../../worker-context.js";
import { SLA_ALERT_TOPIC } from "../service-desk-topics.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { outboxEventsOfTopic } from "../testing/service-desk-outbox.js";
import { ASSIGN_TECHNICIAN, CUSTOMER, TECHNICIAN, changeTestTicket, openTestTicket, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import type { SlaAlert } from "./sla-alert.js";
import { slaAlertJob } from "./sla-alert-job.js";

// K7 reaction times from the customer's contract. Kanzlei Schulz has the demo's contingent terms
// (Mo–Fr 08:00–17:00; critical 60/480, high 120, normal 480 business minutes); Praxis Wolf a
// cooperation agreement with longer hours (Mo–Fr 08:00–18:00, critical 60); Müller GmbH
// (CUSTOMER) has no contract and keeps the defaults (Mo–Fr 08:00–17:00, 240/1080). All in
// DE-NW / Europe/Berlin; warnings at 80 % of the target.

const KANZLEI: Organization = { ...CUSTOMER, id: "org-kanzlei", name: "Kanzlei Schulz", mailDomains: ["kanzlei-schulz.de"] };
const PRAXIS: Organization = { ...CUSTOMER, id: "org-praxis", name: "Praxis Wolf", mailDomains: ["praxis-wolf.de"] };

function contract(input: Partial<ContractInput> & Pick<ContractInput, "id" | "customerId" | "kind">, serviceHours: string, responseTimes: unknown[]): Contract {
  const parsed = parseContract({
    startDate: "2026-01-01",
    terms: {
      serviceHours,
      responseTimes,
      backupResponsibility: "shared",
      rates: [{ workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" }],
      travel: { kind: "flat", feePerTrip: "45.00" },
      accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo" },
    },
    ...(input.kind === "contingent" ? { contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" } } : {}),
    ...input,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;
let context: WorkerContext;

beforeAll(async () => {
  clock = mutableTestClock("2026-03-01T00:00:00Z");
  worker = await startTestWorker({ clock });
  ({ database, context } = worker);
  const now = new Date("2026-03-01T00:00:00Z");
  await seedServiceDesk(database, now);
  await insertOrganization(database.db, KANZLEI, now);
  await insertOrganization(database.db, PRAXIS, now);
  const contracts = [
    contract({ kind: "contingent", id: "K-kanzlei", customerId: KANZLEI.id }, "Mo–Fr 08:00–17:00", [
      { priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 },
      { priority: "high", firstResponseBusinessMinutes: 120 },
      { priority: "normal", firstResponseBusinessMinutes: 480 },
    ]),
    contract({ kind: "cooperation-agreement", id: "KV-praxis", customerId: PRAXIS.id }, "Mo-Fr 8-18 Uhr", [
      { priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 },
    ]),
  ];
  for (const item of contracts) {
    await insertContract(database.db, { id: item.id, organizationId: item.customerId, kind: item.kind, contract: item, account: openAccount(item) }, now);
  }
});

afterAll(() => worker.close());

async function runAt(instant: string, ticketId: string): Promise<string[]> {
  await slaAlertJob.run(context, clock.set(instant));
  return (await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).filter((row) => row.aggregateId === ticketId).map((row) => row.dedupeKey);
}

function openFor(organization: Organization, at: string, priority: "critical" | "normal", subject: string) {
  const email = `it@${organization.mailDomains[0] ?? "example.com"}`;
  return openTestTicket(database, at, { organizationId: organization.id, priority, subject, requester: { email, name: "IT" }, by: { kind: "customer", id: email } });
}

describe("K7 SLA alerts with the reaction times of the customer's contract", () => {
  it("K7: a critical ticket of Friday 16:30 CET under the contract's 60 minutes and 08:00–17:00 warns Monday 08:18 and breaches Monday 08:30 (30 + 30 business minutes)", async () => {
    const row = await openFor(KANZLEI, "2026-03-13T16:30:00+01:00", "critical", "Server ausgefallen");
    expect(await runAt("2026-03-13T23:00:00+01:00", row.id)).toEqual([]);
    expect(await runAt("2026-03-16T08:15:00+01:00", row.id)).toEqual([]);
    expect(await runAt("2026-03-16T08:20:00+01:00", row.id)).toEqual([`sla:${row.id}:first-response:warning:2026-03-16T07:18:00.000Z`]);
    const keys = await runAt("2026-03-16T08:30:00+01:00", row.id);
    expect(keys).toEqual([`sla:${row.id}:first-response:warning:2026-03-16T07:18:00.000Z`, `sla:${row.id}:first-response:breach:2026-03-16T07:30:00.000Z`]);
    const [warning] = (await outboxEventsOfTopic(database, SLA_ALERT_TOPIC)).filter((event) => event.aggregateId === row.id);
    expect(warning?.payload).toMatchObject({ kind: "warning", priority: "critical", targetMinutes: 60, dueAt: "2026-03-16T07:30:00.000Z" } satisfies Partial<SlaAlert>);
  });

  it("K7: the business hours come from the contract: until 18:00 the same critical ticket breaches Friday 17:30 CET, not on Monday", async () => {
    const row = await openFor(PRAXIS, "2026-03-13T16:30:00+01:00", "critical", "Praxissoftware startet nicht");
    expect(await runAt("2026-03-13T17:20:00+01:00", row.id)).toEqual([`sla:${row.id}:first-response:warning:2026-03-13T16:18:00.000Z`]);
    expect(await runAt("2026-03-13T17:30:00+01:00", row.id)).toEqual([
      `sla:${row.id}:first-response:warning:2026-03-13T16:18:00.000Z`,
      `sla:${row.id}:first-response:breach:2026-03-13T16:30:00.000Z`,
    ]);
  });

  it("K7: a normal ticket of the contract customer gets the contract's 480 minutes, not the default 240: due Tuesday 17:00, breached at Wednesday's opening", async () => {
    const row = await openFor(KANZLEI, "2026-03-17T09:00:00+01:00", "normal", "Drucker langsam");
    expect(await runAt("2026-03-17T13:05:00+01:00", row.id)).toEqual([]);
    const warning = `sla:${row.id}:first-response:warning:2026-03-17T14:24:00.000Z`;
    expect(await runAt("2026-03-17T17:30:00+01:00", row.id)).toEqual([warning]);
    // The target runs out with the business day; the breach is the next business minute.
    expect(await runAt("2026-03-18T08:05:00+01:00", row.id)).toEqual([warning, `sla:${row.id}:first-response:breach:2026-03-18T07:00:00.000Z`]);
  });

  it("K7: a normal ticket of a customer without a contract still gets the 4 h default (Friday 15:00 → due Monday 10:00)", async () => {
    const row = await openTestTicket(database, "2026-03-13T15:00:00+01:00", { subject: "Kein Vertrag" });
    expect(await runAt("2026-03-16T09:10:00+01:00", row.id)).toEqual([]);
    expect(await runAt("2026-03-16T10:00:00+01:00", row.id)).toEqual([
      `sla:${row.id}:first-response:warning:2026-03-16T08:12:00.000Z`,
      `sla:${row.id}:first-response:breach:2026-03-16T09:00:00.000Z`,
    ]);
  });

  it("K7: waiting for the customer pauses the contract's clocks: a critical ticket answered in time does not breach its 480-minute resolution two days later", async () => {
    const row = await openFor(KANZLEI, "2026-03-18T09:00:00+01:00", "critical", "VPN gestört");
    await changeTestTicket(database, row.id, "2026-03-18T09:10:00+01:00", [ASSIGN_TECHNICIAN]);
    await changeTestTicket(database, row.id, "2026-03-18T09:30:00+01:00", [{ type: "record-customer-contact", by: { kind: "staff", id: TECHNICIAN.id }, via: "phone" }]);
    await changeTestTicket(database, row.id, "2026-03-18T09:35:00+01:00", [{ type: "start-work", by: { kind: "staff", id: TECHNICIAN.id } }]);
    await changeTestTicket(database, row.id, "2026-03-18T09:40:00+01:00", [{ type: "wait-for-customer", by: { kind: "staff", id: TECHNICIAN.id } }]);
    expect(await runAt("2026-03-20T16:00:00+01:00", row.id)).toEqual([]);
  });
});
