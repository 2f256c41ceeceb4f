import { closeMonth, type Contract, type ContractAccount } from "@kontor/contingent";
import type { DatabaseHandle } from "@kontor/db";
import { cents } from "../benchmarks/month-close.js";
import type { ClosedMonthTotals } from "./close-protocol.js";

/** A contract and its account with the open entries, as the worker's transaction loads it. */
export interface OpenAccount {
  readonly contract: Contract;
  readonly account: ContractAccount;
}

interface AccountRow {
  readonly contract: unknown;
  readonly account: unknown;
  readonly entries: unknown[];
}

/**
 * Every contract with its account and open entries in ONE query: what `loadContractAccount`
 * reads per contract (the entries of the first open month on, in recording order), for all
 * contracts at once. The documents are the ones the worker casts the same way.
 */
export async function loadOpenAccounts(database: DatabaseHandle): Promise<OpenAccount[]> {
  const result = await database.query<AccountRow>(`
    SELECT c.contract, c.account,
           coalesce(json_agg(e.entry ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL), '[]'::json) AS entries
      FROM contingent_contracts c
      LEFT JOIN contingent_time_entries e ON e.contract_id = c.id AND e.booking_month >= c.first_open_month
     GROUP BY c.id
     ORDER BY c.id`);
  return result.rows.map((row) => ({
    contract: row.contract as Contract,
    account: { ...(row.account as object), entries: row.entries } as unknown as ContractAccount,
  }));
}

/**
 * The baseline's work: `closeMonth` of `@kontor/contingent` for every account in memory — the
 * rules without the worker, its transactions and the database writes — summed for the check.
 */
export function closeAllInMemory(accounts: readonly OpenAccount[], month: string, asOf: string): ClosedMonthTotals {
  let closingMinutes = 0;
  let invoicedCents = 0;
  for (const { contract, account } of accounts) {
    const closed = closeMonth(account, { month }, { contract, asOf });
    if (!closed.ok) throw new Error(`Closing ${month} of ${contract.id} failed: ${closed.errors.map((issue) => `${issue.code} ${issue.message}`).join("; ")}`);
    closingMinutes += closed.value.closed.statement?.closingMinutes ?? 0;
    invoicedCents += cents(closed.value.closed.invoice.net.amount);
  }
  return { months: accounts.length, closingMinutes, invoicedCents };
}
