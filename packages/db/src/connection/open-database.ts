import type { DatabaseHandle } from "./database.js";
import { openPglite } from "./open-pglite.js";
import { openPostgres } from "./open-postgres.js";

/** How to reach the database: a PostgreSQL URL wins; otherwise embedded PGlite. */
export interface DatabaseOptions {
  /** `postgres://…` — server mode (`DATABASE_URL`). */
  readonly url?: string | undefined;
  /** PGlite data folder for embedded mode; in memory when omitted. */
  readonly dataDir?: string | undefined;
  /** Pool size in server mode. */
  readonly maxConnections?: number | undefined;
}

/** Opens the database the runtime mode asks for (ARCHITECTURE.md "Runtime"). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url !== undefined && options.url !== "") {
    return openPostgres({ url: options.url, ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }) });
  }
  return openPglite(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
}
