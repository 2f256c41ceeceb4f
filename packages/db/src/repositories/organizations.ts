import { asc, eq, and, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { organizations } from "../schema/core.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";

/** A stored organization row; `record` is `@kontor/ticketing`'s `Organization`. */
export type OrganizationRow = typeof organizations.$inferSelect;

/** Inserts an organization record. */
export async function insertOrganization(executor: Executor, record: { readonly id: string; readonly name: string }, now: Date): Promise<OrganizationRow> {
  const [row] = await executor.insert(organizations).values({ id: record.id, name: record.name, record, createdAt: now, updatedAt: now }).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** An organization by id. */
export async function findOrganization(executor: Executor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await executor.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Organizations in creation order; `onlyId` restricts the list to one (a portal user's own). */
export async function listOrganizations(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly onlyId?: string | undefined },
): Promise<Page<OrganizationRow>> {
  const rows = await executor
    .select()
    .from(organizations)
    .where(and(afterPosition(organizations.createdAt, organizations.id, options.after), options.onlyId === undefined ? undefined : eq(organizations.id, options.onlyId)))
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Replaces an organization record if it is still at `expectedVersion` (optimistic locking).
 * Returns the new row, or `undefined` when the id is unknown or the version moved on.
 */
export async function updateOrganization(
  executor: Executor,
  id: string,
  record: { readonly id: string; readonly name: string },
  expectedVersion: number,
  now: Date,
): Promise<OrganizationRow | undefined> {
  const [row] = await executor
    .update(organizations)
    .set({ name: record.name, record, version: sql`${organizations.version} + 1`, updatedAt: now })
    .where(and(eq(organizations.id, id), eq(organizations.version, expectedVersion)))
    .returning();
  return row;
}
