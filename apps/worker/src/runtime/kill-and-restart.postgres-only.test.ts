import { createTestDatabase } from "@kontor/db/testing";
import type { DatabaseHandle } from "@kontor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBillingScenario, type BillingScenario } from "../billing/billing-scenario.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { startWorkerProcess, waitUntil, type WorkerProcessHandle } from "../testing/worker-process.js";
import { billingProgress } from "./billing-progress.js";
import { billingSettingsFile } from "../testing/billing-settings-file.js";

// 1 December 2026, 06:00 in Berlin: November is over and every contract closes it (C8).
const NOW = new Date("2026-12-01T05:00:00Z");
const CONTRACTS = 120;

let database: DatabaseHandle & { readonly url?: string };
let inbox: CaptureSmtpServer;
let scenario: BillingScenario;
const processes: WorkerProcessHandle[] = [];

function workerEnv(): Record<string, string> {
  if (database.url === undefined) throw new Error("this test needs a PostgreSQL server");
  return {
    DATABASE_URL: database.url,
    KONTOR_DATA_KEY: "kill-and-restart-test-data-key",
    KONTOR_BILLING_SETTINGS_FILE: billingSettingsFile(),
    // An offset, not a fixed instant: retries and backoff still move forward.
    KONTOR_CLOCK_OFFSET: String(NOW.getTime() - Date.now()),
    KONTOR_SMTP_HOST: inbox.host,
    KONTOR_SMTP_PORT: String(inbox.port),
    KONTOR_SMTP_LISTEN_PORT: "off",
    KONTOR_ITEM_CONCURRENCY: "2",
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = await startCaptureSmtpServer();
  scenario = await seedBillingScenario(database, { contracts: CONTRACTS, now: NOW });
});

afterAll(async () => {
  for (const running of processes) running.kill("SIGKILL");
  await inbox.close();
  await database.close();
});

describe("C8 month close survives a killed worker (kill -9, restart)", () => {
  it("yields exactly one invoice and one service report per contract and no duplicate mail", { timeout: 360_000 }, async () => {
    expect(scenario.month).toBe("2026-11");
    const first = startWorkerProcess("worker-first", workerEnv());
    processes.push(first);
    // Kill it hard as soon as the close is under way, but far from finished.
    await waitUntil(async () => (await billingProgress(database)).monthCloses >= 3, {
      timeoutMs: 45_000,
      everyMs: 20,
      describe: () => `no month close started; worker output:\n${first.output()}`,
    });
    first.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    const atKill = await billingProgress(database);
    // Mid-way: closes are under way or done, but billing (reports, invoices, mails) is not.
    expect(atKill.monthCloses).toBeGreaterThanOrEqual(3);
    expect(atKill.finalizedInvoices).toBeLessThan(CONTRACTS);

    const second = startWorkerProcess("worker-second", workerEnv());
    processes.push(second);
    await waitUntil(
      async () => {
        const progress = await billingProgress(database);
        return progress.monthCloses === CONTRACTS && progress.finalizedInvoices === CONTRACTS && progress.pendingOutbox === 0 && inbox.mails.length >= 2 * CONTRACTS;
      },
      { timeoutMs: 240_000, everyMs: 250, describe: async () => `${JSON.stringify(await billingProgress(database))}, ${inbox.mails.length} mails; worker output:\n${second.output()}` },
    );

    const done = await billingProgress(database);
    expect(done).toMatchObject({ monthCloses: CONTRACTS, serviceReports: CONTRACTS, invoices: CONTRACTS, finalizedInvoices: CONTRACTS, contractsWithOneInvoice: CONTRACTS });
    // Gap-free numbers across the crash (§14 UStG): RE-2026-000001 … RE-2026-000120.
    expect(done.invoiceNumbers).toEqual(Array.from({ length: CONTRACTS }, (_, index) => `RE-2026-${String(index + 1).padStart(6, "0")}`));
    // A little more time for a stray duplicate to show up, then count.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const messageIds = inbox.mails.map((mail) => mail.parsed.messageId);
    expect(inbox.mails).toHaveLength(2 * CONTRACTS);
    expect(new Set(messageIds).size).toBe(2 * CONTRACTS);
    for (const recipient of scenario.recipients.values()) {
      const mails = inbox.mails.filter((mail) => mail.envelopeTo.includes(recipient));
      expect(mails).toHaveLength(2);
      // C8: the service report first, then the invoice.
      expect(mails[0]?.parsed.attachments[0]?.filename ?? "").toMatch(/^SR-ct-billing-\d{5}-2026-11\.pdf$/);
      expect(mails[1]?.parsed.attachments[0]?.filename ?? "").toMatch(/RE-2026-\d{6}/);
    }

    second.kill("SIGTERM");
    expect(await second.exited, second.output()).toBe(0);
  });
});
