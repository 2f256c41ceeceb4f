import { findTicket, insertMaintenancePlan, scheduledTicketRunsOf, schema, type DatabaseHandle, type TicketRow } from "@kontor/db";
import { maintenancePlanSchema, type MaintenancePlan, type Ticket } from "@kontor/ticketing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import type { WorkerContext } from "../../worker-context.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { CUSTOMER, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import { scheduledTicketsJob } from "./scheduled-tickets-job.js";

// K9 in the installation's zone (Europe/Berlin): occurrences are due at local midnight.

/** Monthly backup check from a month end: Feb 28, Mar 31, Apr 30 (no drift to the 28th). */
const BACKUP_PLAN: MaintenancePlan = maintenancePlanSchema.parse({
  id: "plan-backup",
  organizationId: CUSTOMER.id,
  source: "maintenance-plan",
  title: "Backup-Prüfung",
  checklist: ["Rücksicherung einer Stichprobe", "Backup-Protokolle prüfen"],
  recurrence: { unit: "month", interval: 1 },
  firstDue: "2026-01-31",
  active: true,
});

/** Quarterly needs-analysis item (C1 firewall updates): 2026-01-15, 2026-04-15, … */
const FIREWALL_ITEM: MaintenancePlan = maintenancePlanSchema.parse({
  id: "needs-firewall",
  organizationId: CUSTOMER.id,
  source: "needs-analysis",
  title: "Firewall-Updates",
  checklist: ["Firmware-Stand prüfen"],
  recurrence: { unit: "month", interval: 3 },
  firstDue: "2026-01-15",
  active: true,
});

/** A paused plan: never opens anything. */
const PAUSED_PLAN: MaintenancePlan = { ...BACKUP_PLAN, id: "plan-paused", title: "Virenschutz", active: false };

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;
let context: WorkerContext;

beforeAll(async () => {
  clock = mutableTestClock("2026-01-01T00:00:00Z");
  worker = await startTestWorker({ clock });
  ({ database, context } = worker);
  const seeded = new Date("2026-01-01T08:00:00Z");
  await seedServiceDesk(database, seeded);
  for (const plan of [BACKUP_PLAN, FIREWALL_ITEM, PAUSED_PLAN]) await insertMaintenancePlan(database.db, plan, seeded);
});

afterAll(() => worker.close());

async function runAt(instant: string): Promise<readonly string[]> {
  const now = clock.set(instant);
  const summary = await scheduledTicketsJob.run(context, now);
  return summary.opened as readonly string[];
}

async function scheduledTickets(): Promise<TicketRow[]> {
  return database.db.select().from(schema.tickets).where(eq(schema.tickets.channel, "schedule")).orderBy(asc(schema.tickets.createdAt), asc(schema.tickets.number));
}

describe("K9 scheduled maintenance and needs-analysis tickets", () => {
  it("K9: the February occurrence of a plan from January 31 is due on February 28 at Berlin midnight (23:00Z on the 27th)", async () => {
    // January's occurrences lie more than the one-week catch-up before the first run.
    expect(await runAt("2026-02-10T00:15:00+01:00")).toEqual([]);
    const before = (await scheduledTickets()).length;
    expect(before).toBe(0);
    expect(await runAt("2026-02-27T23:50:00+01:00")).toEqual([]);
    const opened = await runAt("2026-02-28T00:15:00+01:00");
    expect(opened).toHaveLength(1);
    const tickets = await scheduledTickets();
    expect(tickets).toHaveLength(before + 1);
    const ticket = tickets.at(-1)?.document as Ticket;
    expect(ticket).toMatchObject({
      kind: "request",
      channel: "schedule",
      organizationId: CUSTOMER.id,
      subject: "Wartung: Backup-Prüfung (2026-02-28)",
      description: "[ ] Rücksicherung einer Stichprobe\n[ ] Backup-Protokolle prüfen",
      scheduleKey: "plan-backup:2026-02-28",
      status: "new",
    });
  });

  it("K9: a re-run the same night, and the next nights, open no second ticket", async () => {
    const count = (await scheduledTickets()).length;
    expect(await runAt("2026-02-28T00:15:00+01:00")).toEqual([]);
    expect(await runAt("2026-03-01T00:15:00+01:00")).toEqual([]);
    expect(await scheduledTickets()).toHaveLength(count);
    const runs = await scheduledTicketRunsOf(database.db, BACKUP_PLAN.id);
    expect(runs.map((run) => run.dueDate)).toEqual(["2026-02-28"]);
    const lastRun = runs.at(-1);
    const ticket = await findTicket(database.db, lastRun?.ticketId ?? "");
    expect((ticket?.document as Ticket | undefined)?.scheduleKey).toBe("plan-backup:2026-02-28");
  });

  it("K9: after the spring DST change the March occurrence is the 31st (midnight CEST = 22:00Z on the 30th)", async () => {
    expect(await runAt("2026-03-30T23:30:00+02:00")).toEqual([]);
    expect(await runAt("2026-03-31T00:15:00+02:00")).toHaveLength(1);
  });

  it("K9: a worker that was down from April 10 to 17 catches up on the quarterly needs-analysis item once", async () => {
    const opened = await runAt("2026-04-17T09:00:00+02:00");
    expect(opened).toHaveLength(1);
    const latest = (await scheduledTickets()).at(-1)?.document as Ticket;
    expect(latest.subject).toBe("Bedarfsanalyse: Firewall-Updates (2026-04-15)");
    expect(await runAt("2026-04-17T09:05:00+02:00")).toEqual([]);
    expect((await scheduledTicketRunsOf(database.db, FIREWALL_ITEM.id)).map((run) => run.dueDate)).toEqual(["2026-04-15"]);
  });

  it("K9: two workers running the same night concurrently open the April 30 ticket once; the paused plan never", async () => {
    const now = clock.set("2026-04-30T00:15:00+02:00");
    const summaries = await Promise.all([scheduledTicketsJob.run(context, now), scheduledTicketsJob.run(context, now)]);
    expect(summaries.flatMap((summary) => summary.opened as readonly string[])).toHaveLength(1);
    expect(await scheduledTicketRunsOf(database.db, PAUSED_PLAN.id)).toEqual([]);
    expect((await scheduledTickets()).map((row) => (row.document as Ticket).scheduleKey)).toEqual([
      "plan-backup:2026-02-28",
      "plan-backup:2026-03-31",
      "needs-firewall:2026-04-15",
      "plan-backup:2026-04-30",
    ]);
  });
});
