import { sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { contingentContracts, contingentTimeEntries } from "../schema/contingent.js";

/** A contract whose first open month has ended in its zone and that still has a month to close. */
export interface MonthCloseCandidate {
  readonly contractId: string;
  readonly firstOpenMonth: string;
  /** The contract's zone (its `Contract.zone`), whose calendar months it closes. */
  readonly zone: string;
  /** The month of the contract's `endDate` (`YYYY-MM`, C1: the last month of its term), or null without an end date. */
  readonly endMonth: string | null;
}

/**
 * Every contract whose first open month lies before the month containing `now` in the
 * contract's own zone (P2: each contract's zone, never the server's), in one query, ordered by
 * contract id. Contracts without a stored zone use `defaultZone`.
 *
 * C1, C8: a contract that has ended is a candidate only while a month of its term is still open
 * (its first open month is on or before the month of its `endDate`) or while its books still hold
 * something open: a time entry booked into an open month or a posting in the account document (a
 * back-dated entry typed in after the final close, which is booked into the first open month and
 * must be reported once). An ended contract with empty books is never closed again, so no empty
 * service report is mailed month after month. The open-books test is part of the same query (an
 * `exists` on the entries' `(contract_id, booking_month)` index), not one query per contract.
 */
export async function listMonthCloseCandidates(executor: Executor, now: Date, defaultZone: string): Promise<MonthCloseCandidate[]> {
  const zone = sql<string>`coalesce(${contingentContracts.contract} ->> 'zone', ${defaultZone})`;
  const endMonth = sql<string | null>`substr(${contingentContracts.contract} ->> 'endDate', 1, 7)`;
  const openEntry = sql`exists (select 1 from ${contingentTimeEntries} where ${contingentTimeEntries.contractId} = ${contingentContracts.id} and ${contingentTimeEntries.bookingMonth} >= ${contingentContracts.firstOpenMonth})`;
  return executor
    .select({ contractId: contingentContracts.id, firstOpenMonth: contingentContracts.firstOpenMonth, zone, endMonth })
    .from(contingentContracts)
    .where(
      sql`${contingentContracts.firstOpenMonth} < to_char((${now.toISOString()}::timestamptz) AT TIME ZONE ${zone}, 'YYYY-MM')
        and (${endMonth} is null
          or ${contingentContracts.firstOpenMonth} <= ${endMonth}
          or jsonb_array_length(${contingentContracts.account} -> 'postings') > 0
          or ${openEntry})`,
    )
    .orderBy(contingentContracts.id);
}
