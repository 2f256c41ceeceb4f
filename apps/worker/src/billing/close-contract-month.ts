import { contingentOutboxEvents, storedUsageOfMonth } from "@kontor/api";
import { closeMonth, type CloseMonthCommand, type Contract, type ContractAccount, type PolicySet } from "@kontor/contingent";
import { appendToOutbox, findMonthClose, insertMonthClose, loadContractAccount, saveContractAccount, type DatabaseHandle, type Executor } from "@kontor/db";

/** What closing one contract month did. */
export type ContractMonthClose =
  /** Closed now: the record, the account and the C8 events committed together. */
  | { readonly status: "closed" }
  /** Closed before (a retry or a concurrent run): nothing written. */
  | { readonly status: "already-closed" }
  /** An earlier month is still open and must be closed first (only the first open month closes). */
  | { readonly status: "earlier-month-open"; readonly firstOpenMonth: string }
  /** The month has not ended in the contract's zone at `asOf`, or lies before the contract's books. */
  | { readonly status: "not-due"; readonly reason: string };

/**
 * The close command of a contract month (C9): a managed-services month brings the usage stored
 * for it (`POST /v1/contracts/:id/usage`, or a close body's); other kinds meter nothing, so they
 * skip the query and keep `closeMonth`'s fast `{ month }` path.
 */
async function closeCommandOf(executor: Executor, contract: Contract, month: string): Promise<CloseMonthCommand> {
  if (contract.kind !== "managed-services") return { month };
  const usage = await storedUsageOfMonth(executor, contract.id, month);
  return usage.length === 0 ? { month } : { month, usage };
}

/**
 * Closes `month` of a contract (C2–C9) exactly like `POST /v1/contracts/:id/month-closes`, in
 * ONE transaction: lock the contract row, return if the month has its record already, load the
 * month's stored usage of a managed-services contract (C9: read under the lock, so no record
 * lands in the month meanwhile), run `closeMonth` of `@kontor/contingent`, store the record
 * (unique per contract and month), save the account and append the contingent events
 * (`service-report-ready` before `invoice-due`, C8) to the outbox with their dedupe keys. A
 * re-run or a concurrent run therefore never closes or bills a month twice.
 *
 * `policies`: the installation's contingent policies (P1: `installationContingentPolicies`, the
 * C4 correction trigger, oversized flag and warnings), read once by the caller for all the
 * contracts it closes, not here per contract.
 */
export async function closeContractMonth(database: DatabaseHandle, contractId: string, month: string, asOf: Date, policies: PolicySet): Promise<ContractMonthClose> {
  return database.db.transaction(async (tx): Promise<ContractMonthClose> => {
    const loaded = await loadContractAccount<ContractAccount>(tx, contractId, { forUpdate: true });
    if (loaded === undefined) throw new Error(`Contract ${contractId} does not exist`);
    const { row, account } = loaded;
    if ((await findMonthClose(tx, row.id, month)) !== undefined) return { status: "already-closed" };
    if (account.firstOpenMonth < month) return { status: "earlier-month-open", firstOpenMonth: account.firstOpenMonth };
    if (account.firstOpenMonth > month) return { status: "not-due", reason: `${month} is before the contract's first open month ${account.firstOpenMonth}` };
    // The row holds the contract as parseContract returned it when the API stored it.
    const contract = row.contract as Contract;
    const result = closeMonth(account, await closeCommandOf(tx, contract, month), { contract, asOf: asOf.toISOString(), policies });
    if (!result.ok) {
      const [first] = result.errors;
      if (first?.code === "C8_MONTH_NOT_ENDED") return { status: "not-due", reason: first.message };
      throw new Error(`Closing ${month} of contract ${contractId} failed: ${result.errors.map((issue) => `${issue.code} ${issue.message}`).join("; ")}`);
    }
    const stored = await insertMonthClose(tx, { contractId: row.id, organizationId: row.organizationId, month, closed: result.value.closed }, asOf);
    // The row lock serializes closes of one contract, so the record cannot appear meanwhile.
    if (stored === undefined) throw new Error(`${month} of contract ${contractId} was closed concurrently`);
    await saveContractAccount(tx, row, result.value.account, [], asOf);
    await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, result.value.events), asOf);
    return { status: "closed" };
  });
}
