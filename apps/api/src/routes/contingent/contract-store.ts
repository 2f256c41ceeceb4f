import { findContract, loadContractAccount, type ContractRow, type Executor, type LoadedContractAccount } from "@kontor/db";
import type { Contract, ContractAccount } from "@kontor/contingent";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { notFound } from "../../http/problem.js";

/** The `Contract` stored in a row (parsed by `parseContract` before it was stored). */
export function contractOf(row: ContractRow): Contract {
  return row.contract as Contract;
}

/** A contract row as the API answers it. */
export function toContractResponse(row: ContractRow) {
  return { contract: contractOf(row), organizationId: row.organizationId, firstOpenMonth: row.firstOpenMonth, version: row.version, createdAt: row.createdAt.toISOString() };
}

/** Loads a contract the caller may see; 404 otherwise (K10: another customer's contracts look absent). */
export async function visibleContract(deps: ApiDeps, request: FastifyRequest, id: string): Promise<ContractRow> {
  const row = await findContract(deps.database.db, id);
  if (row === undefined || !seesOrganization(principal(request), row.organizationId)) throw notFound(`Contract ${id}`);
  return row;
}

/** A contract's account with its open entries; with `forUpdate` the contract stays locked for the transaction. */
export async function loadAccount(executor: Executor, id: string, options: { readonly forUpdate?: boolean } = {}): Promise<LoadedContractAccount<ContractAccount>> {
  const loaded = await loadContractAccount<ContractAccount>(executor, id, options);
  if (loaded === undefined) throw notFound(`Contract ${id}`);
  return loaded;
}
