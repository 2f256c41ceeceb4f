import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { maintenancePlans } from "../schema/service-desk-schedules.js";

/** A stored maintenance plan row; `record` is `@kontor/ticketing`'s `MaintenancePlan`. */
export type MaintenancePlanRow = typeof maintenancePlans.$inferSelect;

/** The fields of a plan record this repository reads (the rest is stored as given). */
export interface MaintenancePlanRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly active: boolean;
}

/** Inserts a maintenance plan or needs-analysis item (K9). */
export async function insertMaintenancePlan(executor: Executor, record: MaintenancePlanRecord, now: Date): Promise<MaintenancePlanRow> {
  const [row] = await executor
    .insert(maintenancePlans)
    .values({ id: record.id, organizationId: record.organizationId, record, active: record.active, createdAt: now, updatedAt: now })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** A maintenance plan by id. */
export async function findMaintenancePlan(executor: Executor, id: string): Promise<MaintenancePlanRow | undefined> {
  const [row] = await executor.select().from(maintenancePlans).where(eq(maintenancePlans.id, id));
  return row;
}

/**
 * Maintenance plans in creation order, one keyset page (K9); `organizationId` restricts the list
 * to one customer, `active` to running (`true`) or paused (`false`) plans.
 */
export async function listMaintenancePlans(
  executor: Executor,
  options: {
    readonly limit: number;
    readonly after?: KeysetPosition | undefined;
    readonly organizationId?: string | undefined;
    readonly active?: boolean | undefined;
  },
): Promise<Page<MaintenancePlanRow>> {
  const rows = await executor
    .select()
    .from(maintenancePlans)
    .where(
      and(
        afterPosition(maintenancePlans.createdAt, maintenancePlans.id, options.after),
        options.organizationId === undefined ? undefined : eq(maintenancePlans.organizationId, options.organizationId),
        options.active === undefined ? undefined : eq(maintenancePlans.active, options.active),
      ),
    )
    .orderBy(asc(maintenancePlans.createdAt), asc(maintenancePlans.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Replaces a plan record if it is still at `expectedVersion` (optimistic locking). Returns the
 * new row, or `undefined` when the id is unknown or the version moved on.
 */
export async function updateMaintenancePlan(executor: Executor, record: MaintenancePlanRecord, expectedVersion: number, now: Date): Promise<MaintenancePlanRow | undefined> {
  const [row] = await executor
    .update(maintenancePlans)
    .set({ record, active: record.active, version: sql`${maintenancePlans.version} + 1`, updatedAt: now })
    .where(and(eq(maintenancePlans.id, record.id), eq(maintenancePlans.version, expectedVersion)))
    .returning();
  return row;
}

/** Every active plan, in one query (the K9 daily run). */
export async function activeMaintenancePlans(executor: Executor): Promise<MaintenancePlanRow[]> {
  return executor.select().from(maintenancePlans).where(eq(maintenancePlans.active, true)).orderBy(asc(maintenancePlans.id));
}
