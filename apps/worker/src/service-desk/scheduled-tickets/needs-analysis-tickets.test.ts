import { scheduledTicketRunsOf, schema, type DatabaseHandle } from "@kontor/db";
import type { ContractInput } from "@kontor/contingent";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestContract } from "../../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import type { WorkerContext } from "../../worker-context.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { CUSTOMER, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import { scheduledTicketsJob } from "./scheduled-tickets-job.js";

/** C1: a needs analysis from January 2026 until June: the backup monthly, the firewall quarterly from February. */
const NEEDS_ANALYSIS: ContractInput = {
  kind: "needs-analysis",
  id: "na-mueller",
  customerId: CUSTOMER.id,
  startDate: "2026-01-01",
  endDate: "2026-06-30",
  terms: {
    backupResponsibility: "customer",
    rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
    travel: { kind: "flat", feePerTrip: "45.00" },
    accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@meinsystemhaus.de" },
  },
  checklist: [
    { id: "backup", title: "Backup prüfen", everyMonths: 1, firstMonth: "2026-01" },
    { id: "firewall", title: "Firewall-Updates", everyMonths: 3, firstMonth: "2026-02" },
  ],
};

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;
let context: WorkerContext;

beforeAll(async () => {
  clock = mutableTestClock("2026-01-01T00:00:00Z");
  worker = await startTestWorker({ clock });
  ({ database, context } = worker);
  const seeded = new Date("2025-12-20T08:00:00Z");
  await seedServiceDesk(database, seeded);
  await insertTestContract(database, NEEDS_ANALYSIS, seeded);
});

afterAll(() => worker.close());

async function subjectsAfterRunAt(instant: string): Promise<string[]> {
  await scheduledTicketsJob.run(context, clock.set(instant));
  const rows = await database.db.select().from(schema.tickets).where(eq(schema.tickets.channel, "schedule")).orderBy(asc(schema.tickets.number));
  return rows.map((row) => row.subject);
}

describe("C1, K9: a needs analysis's checklist opens its maintenance tickets", () => {
  it("C1: on 1 February 00:15 Berlin (23:15Z the day before) the backup check of February and the first firewall check open, for the customer", async () => {
    expect(await subjectsAfterRunAt("2026-01-31T23:15:00Z")).toEqual([
      // January's 1st lies outside the week a run looks back (to 24 January): nothing from January.
      "Bedarfsanalyse: Backup prüfen (2026-02-01)",
      "Bedarfsanalyse: Firewall-Updates (2026-02-01)",
    ]);
    const [ticket] = await database.db.select().from(schema.tickets).where(eq(schema.tickets.channel, "schedule"));
    expect(ticket?.organizationId).toBe(CUSTOMER.id);
    expect(await scheduledTicketRunsOf(database.db, "needs-analysis:na-mueller:backup")).toHaveLength(1);
  });

  it("K9: re-runs in the same week open nothing twice; a worker down from 28 February to 5 March catches up on March once", async () => {
    expect(await subjectsAfterRunAt("2026-02-01T23:15:00Z")).toHaveLength(2);
    expect((await subjectsAfterRunAt("2026-03-05T09:00:00Z")).slice(2)).toEqual(["Bedarfsanalyse: Backup prüfen (2026-03-01)"]);
    expect(await subjectsAfterRunAt("2026-03-06T09:00:00Z")).toHaveLength(3);
  });

  it("C1: the quarterly check comes back in May, and nothing is due after the contract ends in June", async () => {
    expect((await subjectsAfterRunAt("2026-05-01T00:15:00+02:00")).slice(3)).toEqual(["Bedarfsanalyse: Backup prüfen (2026-05-01)", "Bedarfsanalyse: Firewall-Updates (2026-05-01)"]);
    expect(await subjectsAfterRunAt("2026-07-01T00:15:00+02:00")).toHaveLength(5);
  });
});
