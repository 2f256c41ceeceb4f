import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** Position after the last row of a page: its creation instant and id. */
export interface KeysetPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** `(created_at, id) > (cursor)`: rows after the cursor in creation order, stable under inserts. */
export function afterPosition(createdAt: PgColumn, id: PgColumn, position: KeysetPosition | undefined): SQL | undefined {
  if (position === undefined) return undefined;
  return sql`(${createdAt}, ${id}) > (${position.createdAt.toISOString()}::timestamptz, ${position.id})`;
}

/** One page of rows and where the next page starts (`undefined` on the last page). */
export interface Page<Row> {
  readonly items: Row[];
  readonly next: KeysetPosition | undefined;
}

/**
 * Cuts `limit + 1` fetched rows to a page: the extra row only tells that another page exists.
 */
export function toPage<Row extends { readonly createdAt: Date; readonly id: string }>(rows: Row[], limit: number): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : undefined };
}
