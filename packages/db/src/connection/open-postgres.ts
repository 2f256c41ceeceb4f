import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/index.js";
import type { DatabaseHandle, KontorDatabase, RawClient } from "./database.js";

function rawClient(client: pg.Pool | pg.PoolClient): RawClient {
  return {
    async query(text: string, values: readonly unknown[] = []) {
      const result = await client.query(text, [...values]);
      // The caller names the row type; the driver cannot check it.
      return { rows: result.rows as never[] };
    },
    async runScript(text: string) {
      // No parameters: node-postgres uses the simple protocol, which allows several statements.
      await client.query(text);
    },
    async executeSql(text: string, values: readonly unknown[] = []) {
      const result = (await client.query(text, values.length > 0 ? [...values] : undefined)) as pg.QueryResult | pg.QueryResult[];
      // A script answers with one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as never[] };
    },
  };
}

/** Opens a pool on a PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(options: { readonly url: string; readonly maxConnections?: number }): DatabaseHandle & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool, schema }) as unknown as KontorDatabase;
  return {
    kind: "postgres",
    db,
    pool,
    ...rawClient(pool),
    async rawTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(rawClient(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
