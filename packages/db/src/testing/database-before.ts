import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { openPglite } from "../connection/open-pglite.js";
import { openPostgres } from "../connection/open-postgres.js";
import { loadMigrations } from "../migrate/migrate.js";
import { testDatabaseKind } from "./test-database.js";

/**
 * The timeout of a test that starts from {@link databaseBefore}: a fresh PGlite (WASM start) with
 * every earlier migration applied one by one takes far longer than a test on the migrated
 * template, and on a loaded two-core machine longer than the default 30 s.
 */
export const MIGRATION_TEST_TIMEOUT_MS = 120_000;

/**
 * An empty database of the current test project with the migrations before `migration` applied:
 * a fresh in-memory PGlite, or a new database on the test PostgreSQL server (not the migrated
 * template). `close()` drops it again.
 */
export async function databaseBefore(migration: string): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  let drop = async (): Promise<void> => {};
  if (testDatabaseKind() === "pglite") handle = await openPglite();
  else {
    const serverUrl = inject("kontorPostgresUrl");
    const name = `m_${randomUUID().replaceAll("-", "")}`;
    const admin = openPostgres({ url: serverUrl, maxConnections: 1 });
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    handle = openPostgres({ url: serverUrl.replace(/\/postgres$/, `/${name}`), maxConnections: 2 });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  }
  for (const { name, sql } of await loadMigrations()) {
    if (name >= migration) break;
    await handle.rawTransaction((client) => client.runScript(sql));
  }
  const opened = handle;
  return {
    ...opened,
    async close() {
      await opened.close();
      await drop();
    },
  };
}

/** Applies the one migration file `name` to `database`, as `migrate` would next. */
export async function applyMigration(database: DatabaseHandle, name: string): Promise<void> {
  const [migration] = (await loadMigrations()).filter((candidate) => candidate.name === name);
  if (migration === undefined) throw new Error(`migration ${name} missing`);
  await database.rawTransaction((client) => client.runScript(migration.sql));
}
