import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { contingentContracts } from "../schema/contingent.js";

/** A stored contract: `contract` is `@kontor/contingent`'s `Contract`, `account` its open books without entries. */
export type ContractRow = typeof contingentContracts.$inferSelect;

/** A new contract and its freshly opened account (`openAccount`). */
export interface NewContract {
  readonly id: string;
  readonly organizationId: string;
  readonly kind: string;
  readonly contract: unknown;
  /** The account document; its `entries` (empty for a new account) are not stored here. */
  readonly account: { readonly firstOpenMonth: string; readonly entries?: readonly unknown[] };
}

/** Inserts a contract with its opened account. A taken id raises the driver's unique violation. */
export async function insertContract(executor: Executor, contract: NewContract, now: Date): Promise<ContractRow> {
  // The entries live in their own table; the document keeps the rest of the account.
  const account: Record<string, unknown> = { ...contract.account };
  delete account.entries;
  const [row] = await executor
    .insert(contingentContracts)
    .values({
      id: contract.id,
      organizationId: contract.organizationId,
      kind: contract.kind,
      contract: contract.contract,
      account,
      firstOpenMonth: contract.account.firstOpenMonth,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/**
 * Replaces a stored contract's document (for instance a new end date, C1) and counts up its
 * version. Call it in the transaction that locked the row (`loadContractAccount` with
 * `forUpdate`); the account is left as it is.
 */
export async function replaceContract(executor: Executor, id: string, contract: unknown, now: Date): Promise<ContractRow> {
  const [row] = await executor
    .update(contingentContracts)
    .set({ contract, version: sql`${contingentContracts.version} + 1`, updatedAt: now })
    .where(eq(contingentContracts.id, id))
    .returning();
  if (row === undefined) throw new Error(`contract ${id} vanished`);
  return row;
}

/** A contract by id. */
export async function findContract(executor: Executor, id: string): Promise<ContractRow | undefined> {
  const [row] = await executor.select().from(contingentContracts).where(eq(contingentContracts.id, id));
  return row;
}

/** Contracts in creation order; `organizationId` restricts the list to one customer. */
export async function listContracts(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<ContractRow>> {
  const rows = await executor
    .select()
    .from(contingentContracts)
    .where(
      and(
        afterPosition(contingentContracts.createdAt, contingentContracts.id, options.after),
        options.organizationId === undefined ? undefined : eq(contingentContracts.organizationId, options.organizationId),
      ),
    )
    .orderBy(asc(contingentContracts.createdAt), asc(contingentContracts.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Every contract of the given organizations in one statement, ordered by organization, creation
 * and id. Jobs and routes that need the contracts of many customers (K7 reaction times of the
 * SLA job) call this once instead of once per organization; which contract is in force on a day
 * is the caller's decision (the dates live in the contract document).
 */
export async function findContractsOfOrganizations(executor: Executor, organizationIds: readonly string[]): Promise<ContractRow[]> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return [];
  return executor
    .select()
    .from(contingentContracts)
    .where(inArray(contingentContracts.organizationId, unique))
    .orderBy(asc(contingentContracts.organizationId), asc(contingentContracts.createdAt), asc(contingentContracts.id));
}

/** Every contract of one C1 kind (the K9 job reads the needs analyses), in creation order. */
export async function findContractsOfKind(executor: Executor, kind: string): Promise<ContractRow[]> {
  return executor
    .select()
    .from(contingentContracts)
    .where(eq(contingentContracts.kind, kind))
    .orderBy(asc(contingentContracts.createdAt), asc(contingentContracts.id));
}
