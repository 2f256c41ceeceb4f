import { inArray } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { organizations } from "../schema/core.js";
import type { OrganizationRow } from "./organizations.js";

/** Several organizations by id in one query (jobs that read many tickets or assets at once). */
export async function findOrganizationsById(executor: Executor, ids: readonly string[]): Promise<Map<string, OrganizationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await executor.select().from(organizations).where(inArray(organizations.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}
