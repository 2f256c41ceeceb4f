// `npm start`: Kontor in ONE process — embedded PostgreSQL (PGlite in KONTOR_DATA_DIR), the API,
// the worker and the SMTP listener. Migrates and loads demo data on start; Ctrl-C stops it
// cleanly (the database is flushed on close). With DATABASE_URL it uses that server instead.
import { buildApi, readApiConfig, seedDemoData } from "@kontor/api";
import { configureDataKeyFromEnvironment, migrate, openDatabase } from "@kontor/db";
import { seedDemoScenario } from "./demo/seed-demo-scenario.js";
import { stopOnSignals } from "./runtime/process-signals.js";
import { startWorkerProcess } from "./runtime/start-worker-process.js";
import { readWorkerConfig } from "./runtime/worker-config.js";
import { workerLogger } from "./runtime/worker-logger.js";

const apiConfig = readApiConfig(process.env);
const workerConfig = readWorkerConfig(process.env);
const logger = workerLogger(workerConfig.logLevel);
// License keys are sealed with the data key (L13): from KONTOR_DATA_KEY, or kept beside the embedded database.
configureDataKeyFromEnvironment(process.env, apiConfig.databaseUrl === undefined ? { keyFile: `${apiConfig.dataDir}.key` } : {});
const database = await openDatabase({ url: apiConfig.databaseUrl, dataDir: apiConfig.dataDir });
await migrate(database);
const now = apiConfig.clock.now();
const demo = process.env.KONTOR_DEMO === "1" ? await seedDemoData(database, now) : undefined;
if (demo !== undefined) await seedDemoScenario(database, now);

const app = await buildApi({ database, clock: apiConfig.clock, logLevel: apiConfig.logLevel, rateLimitPerMinute: apiConfig.rateLimitPerMinute });
const address = await app.listen({ host: apiConfig.host, port: apiConfig.port });
const running = await startWorkerProcess(database, workerConfig, process.env, logger);

stopOnSignals(
  async () => {
    await app.close();
    await running.stop();
    await database.close();
  },
  logger,
);

const smtp = running.worker.smtp;
process.stdout.write(
  [
    "",
    `  Kontor is running:  ${address}`,
    `  API docs:           ${address}/docs`,
    `  OpenAPI:            ${address}/openapi.json`,
    `  Database:           ${database.kind === "pglite" ? `embedded PGlite in ${apiConfig.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    `  Support mail (SMTP): ${smtp === undefined ? "off" : `${smtp.host}:${smtp.port} — send to kundensupport@meinsystemhaus.de`}`,
    `  Outgoing mail:      ${running.mailDescription}`,
    ...(running.imapDescription === undefined ? [] : [`  IMAP mailbox:       ${running.imapDescription}`]),
    `  Clock:              ${now.toISOString()}${process.env.KONTOR_NOW !== undefined || process.env.KONTOR_CLOCK_OFFSET !== undefined ? " (KONTOR_NOW / KONTOR_CLOCK_OFFSET)" : ""}`,
    ...(demo === undefined
      ? []
      : [`  Admin token:        ${demo.adminToken}`, `  Portal manager:     ${demo.portalManagerToken} (Müller GmbH)`]),
    "  Stop with Ctrl-C.",
    "",
  ].join("\n") + "\n",
);
