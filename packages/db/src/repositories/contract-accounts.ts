import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { contingentContracts, contingentTimeEntries } from "../schema/contingent.js";
import type { ContractRow } from "./contracts.js";

/** The fields of a `@kontor/contingent` `TimeEntry` the store indexes; the entry is stored whole. */
export interface StoredTimeEntry {
  readonly id: string;
  readonly workDate: string;
  readonly bookingMonth: string;
  readonly billable: boolean;
  readonly billedMinutes: number;
}

/** The part of a `@kontor/contingent` `ContractAccount` the store reads; the account is stored whole. */
export interface StoredContractAccount<Entry extends StoredTimeEntry = StoredTimeEntry> {
  readonly firstOpenMonth: string;
  readonly entries: readonly Entry[];
}

/** A contract row and its account with the entries of its open months, in recording order. */
export interface LoadedContractAccount<Account extends StoredContractAccount> {
  readonly row: ContractRow;
  readonly account: Account;
}

/**
 * Loads a contract's account (C2, C7) for a command: the contract row and the entries booked
 * into its open months, in two queries however many entries there are. With `forUpdate` (inside
 * a transaction) the contract row stays locked until the transaction ends, so commands on one
 * contract (time entries, month close) run one after the other.
 *
 * The type parameter names what the caller stored (`ContractAccount` of `@kontor/contingent`).
 */
export async function loadContractAccount<Account extends StoredContractAccount>(
  executor: Executor,
  contractId: string,
  options: { readonly forUpdate?: boolean } = {},
): Promise<LoadedContractAccount<Account> | undefined> {
  const query = executor.select().from(contingentContracts).where(eq(contingentContracts.id, contractId));
  const [row] = options.forUpdate === true ? await query.for("update") : await query;
  if (row === undefined) return undefined;
  const entries = await executor
    .select({ entry: contingentTimeEntries.entry })
    .from(contingentTimeEntries)
    .where(and(eq(contingentTimeEntries.contractId, contractId), gte(contingentTimeEntries.bookingMonth, row.firstOpenMonth)))
    .orderBy(asc(contingentTimeEntries.id));
  // The documents are the ones saveContractAccount stored for this account type.
  const account = { ...(row.account as object), entries: entries.map((item) => item.entry) } as unknown as Account;
  return { row, account };
}

/**
 * Saves an account after a command: the account document (without its entries) and the
 * entries the command recorded, which must be new (their ids are unique per contract). Call it
 * in the transaction that loaded the account with `forUpdate`.
 */
export async function saveContractAccount(
  executor: Executor,
  row: Pick<ContractRow, "id" | "organizationId">,
  account: StoredContractAccount,
  newEntries: readonly StoredTimeEntry[],
  now: Date,
): Promise<ContractRow> {
  // The entries live in their own table; the document keeps the rest of the account.
  const document: Record<string, unknown> = { ...account };
  delete document.entries;
  const [updated] = await executor
    .update(contingentContracts)
    .set({ account: document, firstOpenMonth: account.firstOpenMonth, version: sql`${contingentContracts.version} + 1`, updatedAt: now })
    .where(eq(contingentContracts.id, row.id))
    .returning();
  if (updated === undefined) throw new Error(`contract ${row.id} vanished`);
  if (newEntries.length > 0) {
    await executor.insert(contingentTimeEntries).values(
      newEntries.map((entry) => ({
        contractId: row.id,
        organizationId: row.organizationId,
        entryId: entry.id,
        workDate: entry.workDate,
        bookingMonth: entry.bookingMonth,
        billable: entry.billable,
        billedMinutes: entry.billedMinutes,
        entry,
        createdAt: now,
      })),
    );
  }
  return updated;
}
