import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import type { DatabaseHandle } from "@kontor/db";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "./testing/capture-smtp-server.js";
import { startWorkerProcess, waitUntil, type WorkerProcessHandle } from "./testing/worker-process.js";
import { billingSettingsFile } from "./testing/billing-settings-file.js";

/** What the one-process start printed: where it listens and whom to sign in as. */
interface Banner {
  readonly api: string;
  readonly smtpHost: string;
  readonly smtpPort: number;
  readonly adminToken: string;
}

function bannerOf(output: string): Banner | undefined {
  const api = /Kontor is running:\s+(http:\/\/\S+)/.exec(output)?.[1];
  const smtp = /Support mail \(SMTP\):\s+([\d.]+):(\d+)/.exec(output);
  const token = /Admin token:\s+(\S+)/.exec(output)?.[1];
  if (api === undefined || smtp?.[1] === undefined || smtp[2] === undefined || token === undefined) return undefined;
  return { api, smtpHost: smtp[1], smtpPort: Number(smtp[2]), adminToken: token };
}

let dataDir: string;
let inbox: CaptureSmtpServer;
let database: (DatabaseHandle & { readonly url?: string }) | undefined;
const processes: WorkerProcessHandle[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kontor-start-"));
  inbox = await startCaptureSmtpServer();
  // The postgres project runs the same start against a server (DATABASE_URL), the pglite one embedded.
  if (testDatabaseKind() === "postgres") database = await createTestDatabase();
});

afterAll(async () => {
  for (const running of processes) running.kill("SIGKILL");
  await inbox.close();
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ readonly process: WorkerProcessHandle; readonly banner: Banner }> {
  const running = startWorkerProcess(
    "kontor",
    {
      KONTOR_DEMO: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      KONTOR_SMTP_LISTEN_PORT: "0",
      KONTOR_SMTP_HOST: inbox.host,
      KONTOR_SMTP_PORT: String(inbox.port),
      KONTOR_DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? "",
      // Server mode needs the shared data key; embedded mode keeps its own beside the data.
      KONTOR_DATA_KEY: database === undefined ? "" : "one-process-start-test-data-key",
      // Server mode also needs the seller invoices are issued with; embedded falls back to the demo seller.
      KONTOR_BILLING_SETTINGS_FILE: database === undefined ? "" : billingSettingsFile(),
      // Kiritimati is the test zone; the demo lives in Berlin time at a fixed instant.
      KONTOR_NOW: "",
      KONTOR_CLOCK_OFFSET: "",
    },
    "kontor-main.ts",
  );
  processes.push(running);
  let banner: Banner | undefined;
  await waitUntil(() => (banner = bannerOf(running.output())) !== undefined, { timeoutMs: 60_000, describe: () => running.output() });
  if (banner === undefined) throw new Error("no banner");
  return { process: running, banner };
}

describe("the one-process start (npm start): database, API, worker and SMTP listener", () => {
  it("serves /docs, turns a mail to the listener into a ticket with a confirmation, stops on Ctrl-C and keeps its data", { timeout: 180_000 }, async () => {
    const first = await start();
    const docs = await fetch(`${first.banner.api}/docs/`);
    expect(docs.status).toBe(200);

    const client = createTransport({ host: first.banner.smtpHost, port: first.banner.smtpPort, secure: false, ignoreTLS: true });
    await client.sendMail({
      from: "Anna Becker <anna.becker@mueller-gmbh.de>",
      to: "kundensupport@meinsystemhaus.de",
      subject: "Outlook startet nicht",
      text: "Seit dem Update startet Outlook auf dem Empfangs-PC nicht mehr.",
    });
    client.close();
    // The demo's own mails (renewal reminders, SLA alerts …) arrive too; pick the confirmation.
    const isConfirmation = (subject: string | undefined) => subject?.endsWith("Eingangsbestätigung: Outlook startet nicht") === true;
    await waitUntil(() => inbox.mails.some((mail) => isConfirmation(mail.parsed.subject)), { timeoutMs: 30_000, describe: () => first.process.output() });
    const confirmation = inbox.mails.find((mail) => isConfirmation(mail.parsed.subject));
    const number = /\[#(T-\d{4}-\d{6}-\d)\]/.exec(confirmation?.parsed.subject ?? "")?.[1];
    expect(number).toBeDefined();
    expect(confirmation?.envelopeTo).toEqual(["anna.becker@mueller-gmbh.de"]);

    const listTickets = async (banner: Banner) => {
      const response = await fetch(`${banner.api}/v1/tickets?limit=100`, { headers: { authorization: `Bearer ${banner.adminToken}` } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { number: string; subject: string }[] }).items;
    };
    expect((await listTickets(first.banner)).map((ticket) => ticket.number)).toContain(number);

    first.process.kill("SIGINT");
    expect(await first.process.exited).toBe(0);

    // Started again on the same data: the ticket is still there, and the demo is not loaded twice.
    const second = await start();
    const tickets = await listTickets(second.banner);
    expect(tickets.filter((ticket) => ticket.number === number)).toHaveLength(1);
    expect(tickets.filter((ticket) => ticket.subject === "Outlook startet nicht")).toHaveLength(1);
    second.process.kill("SIGTERM");
    expect(await second.process.exited).toBe(0);
  });
});
