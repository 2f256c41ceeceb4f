import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../schema/index.js";
import type { DatabaseHandle, KontorDatabase, RawClient } from "./database.js";

interface PgliteLike {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

function rawClient(client: PgliteLike): RawClient {
  return {
    async query(text: string, values: readonly unknown[] = []) {
      const result = await client.query(text, [...values]);
      // The caller names the row type; the driver cannot check it.
      return { rows: result.rows as never[] };
    },
    async runScript(text: string) {
      await client.exec(text);
    },
    async executeSql(text: string, values: readonly unknown[] = []) {
      // The extended protocol (parameters) takes one statement; exec runs a whole script.
      if (values.length > 0) return { rows: (await client.query(text, [...values])).rows as never[] };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as never[] };
    },
  };
}

/**
 * Opens the embedded database: PGlite with its data folder on disk, or in memory when
 * `dataDir` is omitted (tests). PGlite runs one statement at a time, so a transaction holds
 * the database for its duration; that is what keeps invoice numbers gap-free here.
 */
export async function openPglite(options: { readonly dataDir?: string } = {}): Promise<DatabaseHandle & { readonly pglite: PGlite }> {
  // PGlite creates only the last folder of the path.
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  const pglite = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
  await pglite.waitReady;
  const db = drizzle({ client: pglite, schema }) as unknown as KontorDatabase;
  const raw = rawClient(pglite);
  return {
    kind: "pglite",
    db,
    pglite,
    ...raw,
    rawTransaction: (work) => pglite.transaction((tx) => work(rawClient(tx))),
    close: () => pglite.close(),
  };
}
