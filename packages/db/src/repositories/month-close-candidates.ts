import { sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { contingentContracts } from "../schema/contingent.js";

/** A contract whose first open month has ended in its zone. */
export interface MonthCloseCandidate {
  readonly contractId: string;
  readonly firstOpenMonth: string;
  /** The contract's zone (its `Contract.zone`), whose calendar months it closes. */
  readonly zone: string;
}

/**
 * Every contract whose first open month lies before the month containing `now` in the
 * contract's own zone (P2: each contract's zone, never the server's), in one query, ordered by
 * contract id. Contracts without a stored zone use `defaultZone`.
 */
export async function listMonthCloseCandidates(executor: Executor, now: Date, defaultZone: string): Promise<MonthCloseCandidate[]> {
  const zone = sql<string>`coalesce(${contingentContracts.contract} ->> 'zone', ${defaultZone})`;
  return executor
    .select({ contractId: contingentContracts.id, firstOpenMonth: contingentContracts.firstOpenMonth, zone })
    .from(contingentContracts)
    .where(sql`${contingentContracts.firstOpenMonth} < to_char((${now.toISOString()}::timestamptz) AT TIME ZONE ${zone}, 'YYYY-MM')`)
    .orderBy(contingentContracts.id);
}
