import { readdir, readFile } from "node:fs/promises";
import type { DatabaseHandle } from "../connection/database.js";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);

/** A lock id only the migrator uses, so concurrent starts migrate once. */
const MIGRATION_LOCK = 7_020_601;

/** A migration file: `NNNN_name.sql`. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** The migration files in the order they apply. */
export async function loadMigrations(): Promise<Migration[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(new URL(name, MIGRATIONS_DIR), "utf8") })));
}

/**
 * Applies every migration not applied yet, each in its own transaction, under an advisory lock
 * so that several processes starting at once against one server migrate exactly once. The same
 * SQL runs on PGlite and PostgreSQL. Returns the names applied now.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const migrations = await loadMigrations();
  await handle.rawTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.runScript("CREATE TABLE IF NOT EXISTS kontor_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await handle.rawTransaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const done = await client.query("SELECT 1 FROM kontor_migrations WHERE name = $1", [migration.name]);
      if (done.rows.length > 0) return false;
      await client.runScript(migration.sql);
      await client.query("INSERT INTO kontor_migrations (name) VALUES ($1)", [migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
