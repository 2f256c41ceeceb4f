import { DEFAULT_POLICY_SET } from "@kontor/contingent";
import { createTestDatabase } from "@kontor/db/testing";
import { schema, type DatabaseHandle } from "@kontor/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { seedBillingScenario } from "./billing-scenario.js";
import { monthCloseJob } from "./month-close-job.js";

describe("contingent.month-close (C2, C8)", () => {
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startCaptureSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it("C8, P2: plans an ended month only after midnight in Europe/Berlin (CEST), not in UTC or the machine's Kiritimati zone; then one item per open month, oldest first", async () => {
    // The contract starts in March 2026 (DST began on 2026-03-29: Berlin is UTC+2).
    const scenario = await seedBillingScenario(database, { contracts: 1, now: new Date("2026-04-15T10:00:00Z") });
    expect(scenario.month).toBe("2026-03");
    const [contractId] = scenario.contractIds;
    const context = testWorkerContext(database, smtp);

    // 23:59 on 31 March in Berlin: already 1 April in Kiritimati (UTC+14), still March in Berlin.
    expect(await monthCloseJob.plan(context, new Date("2026-03-31T21:59:00Z"))).toEqual([]);
    // 00:10 on 1 April in Berlin, but still 31 March in UTC.
    // P1: the run's contingent policies (the shipped defaults here), read once and carried by every item.
    expect(await monthCloseJob.plan(context, new Date("2026-03-31T22:10:00Z"))).toEqual([
      { key: `${contractId}:2026-03`, data: { contractId, month: "2026-03", policies: JSON.stringify(DEFAULT_POLICY_SET) } },
    ]);
    // Three months later nothing has run: March, April and May are due, oldest first.
    const items = await monthCloseJob.plan(context, new Date("2026-06-01T10:00:00Z"));
    expect(items.map((item) => item.key)).toEqual([`${contractId}:2026-03`, `${contractId}:2026-04`, `${contractId}:2026-05`]);
  });

  it("C8: an item that runs before its earlier months closes those first, each once; the earlier items and a second run close nothing", async () => {
    const [contractId = ""] = (await database.db.select({ id: schema.contingentContracts.id }).from(schema.contingentContracts)).map((row) => row.id);
    const now = new Date("2026-06-01T10:00:00Z");
    const context = testWorkerContext(database, smtp, { now });
    const items = await monthCloseJob.plan(context, now);
    const [march, april, may] = items;
    if (march === undefined || april === undefined || may === undefined) throw new Error("expected three items");

    // pg-boss may run the items in any order: May first.
    expect(await monthCloseJob.runItem(context, may, now)).toEqual({ contractId, month: "2026-05", status: "closed", closed: ["2026-03", "2026-04", "2026-05"] });
    expect(await monthCloseJob.runItem(context, march, now)).toEqual({ contractId, month: "2026-03", status: "already-closed", closed: [] });
    expect(await monthCloseJob.runItem(context, april, now)).toEqual({ contractId, month: "2026-04", status: "already-closed", closed: [] });
    for (const item of items) await monthCloseJob.runItem(context, item, now);
    expect(await monthCloseJob.plan(context, now)).toEqual([]);

    const closes = await database.db
      .select({ month: schema.contingentMonthCloses.month, closed: schema.contingentMonthCloses.closed })
      .from(schema.contingentMonthCloses)
      .where(eq(schema.contingentMonthCloses.contractId, contractId))
      .orderBy(asc(schema.contingentMonthCloses.month));
    // C2: 600 minutes a month, 345 billed in March, nothing after: 255, 855, 1455 carried over.
    expect(closes.map((row) => [row.month, (row.closed as { statement: { closingMinutes: number } }).statement.closingMinutes])).toEqual([
      ["2026-03", 255],
      ["2026-04", 855],
      ["2026-05", 1455],
    ]);
    const invoiceDue = await database.db
      .select({ dedupeKey: schema.outbox.dedupeKey })
      .from(schema.outbox)
      .where(eq(schema.outbox.topic, "contingent.invoice-due"))
      .orderBy(asc(schema.outbox.id));
    expect(invoiceDue.map((row) => row.dedupeKey)).toEqual([
      `contingent:${contractId}:2026-03:invoice-due`,
      `contingent:${contractId}:2026-04:invoice-due`,
      `contingent:${contractId}:2026-05:invoice-due`,
    ]);
  });
});
