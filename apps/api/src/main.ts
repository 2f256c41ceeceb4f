// The API as its own process (server mode): `DATABASE_URL=postgres://… pnpm --filter @kontor/api start`.
// Without DATABASE_URL it opens the embedded database in KONTOR_DATA_DIR.
import { configureDataKeyFromEnvironment, migrate, openDatabase } from "@kontor/db";
import { readApiConfig } from "./app/api-config.js";
import { buildApi } from "./app/build-api.js";
import { seedDemoData } from "./demo/seed-demo-data.js";

const config = readApiConfig(process.env);
// License keys are sealed with the data key (L13): from KONTOR_DATA_KEY, or kept beside the embedded database.
configureDataKeyFromEnvironment(process.env, config.databaseUrl === undefined ? { keyFile: `${config.dataDir}.key` } : {});
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrate(database);
const app = await buildApi({ database, clock: config.clock, logLevel: config.logLevel, rateLimitPerMinute: config.rateLimitPerMinute });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "stopping");
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

const address = await app.listen({ host: config.host, port: config.port });
app.log.info(`Kontor API on ${address} (docs: ${address}/docs, database: ${database.kind})`);

if (process.env.KONTOR_DEMO === "1") {
  const demo = await seedDemoData(database, config.clock.now());
  process.stdout.write(
    [
      "",
      `  Kontor is running: ${address}`,
      `  API docs:          ${address}/docs`,
      `  OpenAPI:           ${address}/openapi.json`,
      `  Database:          ${database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
      `  Admin token:       ${demo.adminToken}`,
      `  Portal manager:    ${demo.portalManagerToken} (Müller GmbH)`,
      "  Stop with Ctrl-C.",
      "",
    ].join("\n") + "\n",
  );
}
