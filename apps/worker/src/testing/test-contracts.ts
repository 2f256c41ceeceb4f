import { openAccount, parseContract, recordTimeEntries, type Contract, type ContractInput, type TimeEntryInput } from "@kontor/contingent";
import { insertContract, saveContractAccount, schema, type ContractRow, type DatabaseHandle } from "@kontor/db";
import { eq } from "drizzle-orm";

/** A contract {@link insertTestContract} stored: as parsed, and its row. */
export interface StoredTestContract {
  readonly contract: Contract;
  readonly row: ContractRow;
}

/**
 * Parses `input` and stores the contract for its customer (`customerId`) with a freshly opened
 * account at `recordedAt`; throws naming the contract and its issues when `input` is invalid.
 */
export async function insertTestContract(database: DatabaseHandle, input: ContractInput, recordedAt: Date): Promise<StoredTestContract> {
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(`contract ${input.id} invalid: ${parsed.errors.map((issue) => issue.message).join("; ")}`);
  const contract = parsed.value;
  const row = await insertContract(database.db, { id: contract.id, organizationId: contract.customerId, kind: contract.kind, contract, account: openAccount(contract) }, recordedAt);
  return { contract, row };
}

/**
 * Records `entries` on the account of a contract {@link insertTestContract} stored, with nothing
 * recorded since, as of `recordedAt`, and saves the account and the entries; throws with the
 * issues when an entry is refused.
 */
export async function recordTestTimeEntries(database: DatabaseHandle, stored: StoredTestContract, entries: readonly TimeEntryInput[], recordedAt: Date): Promise<void> {
  const { contract, row } = stored;
  const recorded = recordTimeEntries(openAccount(contract), entries, { contract, asOf: recordedAt.toISOString() });
  if (!recorded.ok) throw new Error(recorded.errors.map((issue) => issue.message).join("; "));
  await saveContractAccount(database.db, row, recorded.value.account, recorded.value.entries, recordedAt);
}

/**
 * Rewrites the stored JSON of a contract {@link insertTestContract} stored without its
 * `branchId`, as rows written before contracts named a branch (O1) hold it: what the worker may
 * still read at runtime although migration 0024 backfills `branchId: null`.
 */
export async function dropStoredBranchId(database: DatabaseHandle, stored: StoredTestContract): Promise<void> {
  const withoutBranch: Record<string, unknown> = { ...stored.contract };
  delete withoutBranch.branchId;
  await database.db.update(schema.contingentContracts).set({ contract: withoutBranch }).where(eq(schema.contingentContracts.id, stored.contract.id));
}
