import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { monitoringSources } from "../schema/tickets.js";
import { hashSecret, newSecret } from "../security/secret-hash.js";

/** A stored monitoring source (K8). */
export type MonitoringSourceRow = typeof monitoringSources.$inferSelect;

/** A created source with its key: shown once, stored only as a SHA-256 hash. */
export interface IssuedMonitoringSource {
  readonly source: MonitoringSourceRow;
  readonly key: string;
}

/** Creates a monitoring source for one organization and issues its key (`kontor_ms_…`). */
export async function insertMonitoringSource(
  executor: Executor,
  input: { readonly organizationId: string; readonly name: string; readonly createdBy: string },
  now: Date,
): Promise<IssuedMonitoringSource> {
  const key = newSecret("ms");
  const [source] = await executor
    .insert(monitoringSources)
    .values({ id: randomUUID(), ...input, keyHash: hashSecret(key), createdAt: now })
    .returning();
  if (source === undefined) throw new Error("insert returned no row");
  return { source, key };
}

/** The unrevoked source a key belongs to, if any. */
export async function findMonitoringSourceByKey(executor: Executor, key: string): Promise<MonitoringSourceRow | undefined> {
  const [row] = await executor
    .select()
    .from(monitoringSources)
    .where(and(eq(monitoringSources.keyHash, hashSecret(key)), isNull(monitoringSources.revokedAt)));
  return row;
}

/**
 * Locks a source until the caller's transaction ends: alerts of one source are decided one
 * after the other, so two reports of one sensor cannot both open a ticket (K8).
 */
export async function lockMonitoringSource(executor: Executor, id: string): Promise<MonitoringSourceRow | undefined> {
  const [row] = await executor.select().from(monitoringSources).where(eq(monitoringSources.id, id)).for("update");
  return row;
}
