import { sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { outbox } from "../schema/core.js";

/**
 * The dedupe keys of `keys` that no outbox event has yet, in the order given (duplicates
 * once), in one statement however many keys: a job that writes keyed events (one per
 * subscription and month) asks once which of its candidates are still missing and computes only
 * those, instead of one query per candidate. The keys travel as one JSON parameter (no limit on
 * bind parameters) and each is looked up in the outbox's unique `dedupe_key` index; only the
 * missing keys come back, so a run in which nearly everything was written before returns little.
 *
 * The outbox keeps delivered events (nothing deletes them), so a key found here was written and
 * will be, or has been, delivered.
 */
export async function missingOutboxDedupeKeys(executor: Executor, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await executor
    .select({ key: sql<string>`candidate.key` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) with ordinality as candidate(key, position)`)
    .where(sql`not exists (select 1 from ${outbox} where ${outbox.dedupeKey} = candidate.key)`)
    .orderBy(sql`candidate.position`);
  const missing = new Set<string>();
  for (const row of rows) missing.add(row.key);
  return [...missing];
}
