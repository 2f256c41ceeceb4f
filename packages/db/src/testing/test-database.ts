import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { openPglite } from "../connection/open-pglite.js";
import { openPostgres } from "../connection/open-postgres.js";
import { migrate } from "../migrate/migrate.js";
import "./postgres-global-setup.js";

/** Which database the current Vitest project runs against (`KONTOR_TEST_DB`). */
export function testDatabaseKind(): "pglite" | "postgres" {
  const kind = process.env.KONTOR_TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres") throw new Error(`KONTOR_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * test PostgreSQL server copied from the migrated template. `close()` drops it again.
 */
export async function createTestDatabase(options: { readonly maxConnections?: number } = {}): Promise<DatabaseHandle & { readonly url?: string }> {
  if (testDatabaseKind() === "pglite") {
    const handle = await openPglite();
    await migrate(handle);
    return handle;
  }
  const serverUrl = inject("kontorPostgresUrl");
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  const admin = openPostgres({ url: serverUrl, maxConnections: 1 });
  await admin.query(`CREATE DATABASE ${name} TEMPLATE kontor_template`);
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const handle = openPostgres({ url, maxConnections: options.maxConnections ?? 10 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
