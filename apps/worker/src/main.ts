// The worker as its own process (server mode): `DATABASE_URL=postgres://… pnpm --filter @kontor/worker start`.
// Run as many as you like against one PostgreSQL: pg-boss hands each job to one of them.
import { configureDataKeyFromEnvironment, migrate, openDatabase } from "@kontor/db";
import { readWorkerConfig } from "./runtime/worker-config.js";
import { workerLogger } from "./runtime/worker-logger.js";
import { stopOnSignals } from "./runtime/process-signals.js";
import { startWorkerProcess } from "./runtime/start-worker-process.js";

const config = readWorkerConfig(process.env);
const logger = workerLogger(config.logLevel);
// Delivery notes open sealed license keys (L13): the same data key as the API.
configureDataKeyFromEnvironment(process.env, config.databaseUrl === undefined ? { keyFile: `${config.dataDir}.key` } : {});
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrate(database);
const running = await startWorkerProcess(database, config, process.env, logger);
stopOnSignals(
  async () => {
    await running.stop();
    await database.close();
  },
  logger,
);
logger.info(
  { workerId: running.worker.workerId, smtp: running.worker.smtp ?? null, mail: running.mailDescription, imap: running.imapDescription ?? null, database: database.kind },
  "Kontor worker running",
);
