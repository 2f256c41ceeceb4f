import { allJobRuns, type DatabaseHandle } from "@kontor/db";
import PgBoss from "pg-boss";
import { createTestDatabase } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBillingScenario } from "../billing/billing-scenario.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { startWorkerProcess, waitUntil, type WorkerProcessHandle } from "../testing/worker-process.js";
import { billingProgress } from "./billing-progress.js";
import { billingSettingsFile } from "../testing/billing-settings-file.js";

// 1 December 2026, 06:00 in Berlin: every contract closes November (C8).
const NOW = new Date("2026-12-01T05:00:00Z");
const CONTRACTS = 200;

let database: DatabaseHandle & { readonly url?: string };
let inbox: CaptureSmtpServer;
const processes: WorkerProcessHandle[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = await startCaptureSmtpServer();
});

afterAll(async () => {
  for (const running of processes) running.kill("SIGKILL");
  await inbox.close();
  await database.close();
});

describe("two worker processes on one PostgreSQL (ARCHITECTURE: server mode)", () => {
  it("share the jobs, and no job runs twice", { timeout: 360_000 }, async () => {
    if (database.url === undefined) throw new Error("this test needs a PostgreSQL server");
    const env = {
      DATABASE_URL: database.url,
      KONTOR_DATA_KEY: "two-workers-test-data-key",
      KONTOR_BILLING_SETTINGS_FILE: billingSettingsFile(),
      KONTOR_CLOCK_OFFSET: String(NOW.getTime() - Date.now()),
      KONTOR_SMTP_HOST: inbox.host,
      KONTOR_SMTP_PORT: String(inbox.port),
      KONTOR_SMTP_LISTEN_PORT: "off",
      KONTOR_ITEM_CONCURRENCY: "2",
    };
    const workers = [startWorkerProcess("worker-a", env), startWorkerProcess("worker-b", env)];
    processes.push(...workers);
    // Both are up once each has run its start-up catch-up jobs; then the month's work arrives.
    await waitUntil(
      async () => new Set((await allJobRuns(database.db)).filter((run) => run.outcome === "completed").map((run) => run.workerId)).size === 2,
      { timeoutMs: 90_000, describe: () => workers.map((worker) => worker.output()).join("\n") },
    );
    await seedBillingScenario(database, { contracts: CONTRACTS, now: NOW });
    // An operator's trigger: any client may queue the planner; one of the workers takes it.
    const operator = new PgBoss({ connectionString: database.url, schema: "pgboss", supervise: false, schedule: false, migrate: false });
    await operator.start();
    await operator.send("contingent.month-close", {});
    await operator.stop({ graceful: false });
    await waitUntil(
      async () => {
        const progress = await billingProgress(database);
        return progress.finalizedInvoices === CONTRACTS && progress.pendingOutbox === 0 && inbox.mails.length >= 2 * CONTRACTS;
      },
      {
        timeoutMs: 300_000,
        everyMs: 250,
        describe: async () => `${JSON.stringify(await billingProgress(database))}, ${inbox.mails.length} mails; output:\n${workers.map((w) => w.output()).join("\n")}`,
      },
    );
    for (const worker of workers) worker.kill("SIGTERM");
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    expect(exits, workers.map((worker) => worker.output()).join("\n")).toEqual([0, 0]);

    const runs = await allJobRuns(database.db);
    const itemRuns = runs.filter((run) => run.queue === "contingent.month-close.item");
    // Every pg-boss job was started by exactly one worker, once.
    const starts = new Map<string, number>();
    for (const run of runs) starts.set(run.jobId, (starts.get(run.jobId) ?? 0) + 1);
    expect([...starts.values()].filter((count) => count > 1)).toEqual([]);
    expect(runs.every((run) => run.outcome === "completed")).toBe(true);
    // Both took jobs from the shared queues (which one gets the month's items is a race: a
    // worker drains a queue in batches of 20 as long as it finds more).
    expect(new Set(runs.map((run) => run.workerId))).toEqual(new Set(["worker-a", "worker-b"]));
    expect(itemRuns.length).toBeGreaterThanOrEqual(CONTRACTS);

    const done = await billingProgress(database);
    expect(done).toMatchObject({ monthCloses: CONTRACTS, serviceReports: CONTRACTS, invoices: CONTRACTS, contractsWithOneInvoice: CONTRACTS, mailDeliveries: 2 * CONTRACTS });
    expect(done.invoiceNumbers).toEqual(Array.from({ length: CONTRACTS }, (_, index) => `RE-2026-${String(index + 1).padStart(6, "0")}`));
    expect(inbox.mails).toHaveLength(2 * CONTRACTS);
    expect(new Set(inbox.mails.map((mail) => mail.parsed.messageId)).size).toBe(2 * CONTRACTS);
  });
});
