import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { contingentMonthCloses } from "../schema/contingent.js";

/** A closed month; `closed` is `@kontor/contingent`'s `ClosedMonth`. */
export type MonthCloseRow = typeof contingentMonthCloses.$inferSelect;

/** The closed-month record of a contract and month, if that month is closed. */
export async function findMonthClose(executor: Executor, contractId: string, month: string): Promise<MonthCloseRow | undefined> {
  const [row] = await executor
    .select()
    .from(contingentMonthCloses)
    .where(and(eq(contingentMonthCloses.contractId, contractId), eq(contingentMonthCloses.month, month)));
  return row;
}

/**
 * The closed-month records of a contract from `from` through `to` (`YYYY-MM`, both included), in
 * month order, in one query (K13: the closed part of a consumption series). Months compare as
 * strings; the unique (contract_id, month) index serves the range. Empty when `from` is after `to`.
 */
export async function listMonthCloses(executor: Executor, contractId: string, from: string, to: string): Promise<MonthCloseRow[]> {
  return executor
    .select()
    .from(contingentMonthCloses)
    .where(and(eq(contingentMonthCloses.contractId, contractId), gte(contingentMonthCloses.month, from), lte(contingentMonthCloses.month, to)))
    .orderBy(asc(contingentMonthCloses.month));
}

/**
 * Stores a closed month once (C8: a closed month never changes). Returns `undefined` when the
 * month is closed already: the unique (contract_id, month) makes a second close a no-op, so a
 * retried or concurrent close never bills twice.
 */
export async function insertMonthClose(
  executor: Executor,
  close: { readonly contractId: string; readonly organizationId: string; readonly month: string; readonly closed: unknown },
  now: Date,
): Promise<MonthCloseRow | undefined> {
  const [row] = await executor
    .insert(contingentMonthCloses)
    .values({ id: randomUUID(), contractId: close.contractId, organizationId: close.organizationId, month: close.month, closed: close.closed, createdAt: now })
    .onConflictDoNothing({ target: [contingentMonthCloses.contractId, contingentMonthCloses.month] })
    .returning();
  return row;
}
