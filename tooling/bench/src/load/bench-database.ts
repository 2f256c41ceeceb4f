import { migrate, openPglite, openPostgres, type DatabaseHandle } from "@kontor/db";
// A relative import on purpose: `@kontor/db/testing` also exports the Vitest helpers and so
// imports vitest, which must not load in a plain `tsx` benchmark run.
import { startPostgresServer } from "../../../../packages/db/src/testing/postgres-server.js";

/** The two databases Kontor runs on (ARCHITECTURE.md "Runtime"). */
export type DatabaseKind = "pglite" | "postgres";

/**
 * A fresh, migrated database of the given kind: in-memory PGlite (embedded mode), or a
 * throw-away PostgreSQL server on loopback (server mode) with the pool size the API uses by
 * default. `close()` also stops the server.
 */
export async function openBenchDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === "pglite") {
    const handle = await openPglite();
    await migrate(handle);
    return handle;
  }
  return openBenchPostgres();
}

/**
 * A fresh, migrated throw-away PostgreSQL server and a handle on it, with the server's URL so
 * that other processes (a worker under measurement) can connect too. `close()` stops the server.
 */
export async function openBenchPostgres(): Promise<DatabaseHandle & { readonly url: string }> {
  const server = await startPostgresServer();
  const handle = openPostgres({ url: server.url });
  await migrate(handle);
  return {
    ...handle,
    url: server.url,
    async close() {
      await handle.close();
      await server.stop();
    },
  };
}
