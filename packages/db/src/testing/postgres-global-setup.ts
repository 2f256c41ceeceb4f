import type { TestProject } from "vitest/node";
import { openPostgres } from "../connection/open-postgres.js";
import { migrate } from "../migrate/migrate.js";
import { startPostgresServer } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    kontorPostgresUrl: string;
  }
}

/** Database every test database is copied from: migrated once per run. */
export const TEMPLATE_DATABASE = "kontor_template";

/**
 * Vitest global setup of the `postgres` projects: starts a real PostgreSQL server for the run,
 * migrates a template database, and stops the server afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgresServer();
  const admin = openPostgres({ url: server.url, maxConnections: 1 });
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.close();
  const template = openPostgres({ url: server.url.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`), maxConnections: 1 });
  await migrate(template);
  await template.close();
  project.provide("kontorPostgresUrl", server.url);
  return () => server.stop();
}
