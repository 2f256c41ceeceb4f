import type { DatabaseHandle } from "@kontor/db";
import type { ClosedMonthTotals } from "./close-protocol.js";

/**
 * The same sums over the month closes the worker stored for `month`: the check that the worker
 * did the baseline's work (C2 closing balances, C8 invoiced net), summed exactly in SQL.
 */
export async function storedMonthCloseTotals(database: DatabaseHandle, month: string): Promise<ClosedMonthTotals> {
  const result = await database.query<{ months: string | number; closing_minutes: string | number | null; invoiced_cents: string | number | null }>(
    `SELECT count(*) AS months,
            sum((closed->'statement'->>'closingMinutes')::bigint) AS closing_minutes,
            sum((closed->'invoice'->'net'->>'amount')::numeric * 100) AS invoiced_cents
       FROM contingent_month_closes
      WHERE month = $1`,
    [month],
  );
  const row = result.rows[0];
  return {
    months: Number(row?.months ?? 0),
    closingMinutes: Number(row?.closing_minutes ?? 0),
    invoicedCents: Number(row?.invoiced_cents ?? 0),
  };
}
