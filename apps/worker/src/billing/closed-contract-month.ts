import { organizationOf } from "@kontor/api";
import type { ClosedMonth, Contract } from "@kontor/contingent";
import { findContract, findMonthClose, type Executor } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";

/** A closed contract month with the contract it closed and the customer it bills. */
export interface ClosedContractMonth {
  readonly closed: ClosedMonth;
  readonly organizationId: string;
  readonly organization: Organization;
  /**
   * The contract as stored now, `branchId` `null` when the row has none (O1: the branch it
   * serves decides, with the customer's central or separate billing, who the month is billed to).
   */
  readonly contract: Contract;
}

/**
 * The stored record of a closed month (C8), its contract and its customer. The month-close
 * events are written in the transaction that stores the record, so a missing record, contract
 * or customer is a broken invariant, not a retryable state.
 */
export async function loadClosedContractMonth(executor: Executor, contractId: string, month: string): Promise<ClosedContractMonth> {
  const row = await findMonthClose(executor, contractId, month);
  if (row === undefined) throw new Error(`${month} of contract ${contractId} is not closed`);
  const organization = await organizationOf(executor, row.organizationId);
  if (organization === undefined) throw new Error(`Organization ${row.organizationId} of contract ${contractId} does not exist`);
  const contractRow = await findContract(executor, contractId);
  if (contractRow === undefined) throw new Error(`Contract ${contractId} of closed month ${month} does not exist`);
  const contract = contractRow.contract as Contract;
  // The record is the ClosedMonth that closeMonth returned when the month was closed. A contract
  // stored before O1's branches may lack `branchId` (migration 0024 backfills it): the company.
  return { closed: row.closed as ClosedMonth, organizationId: row.organizationId, organization, contract: { ...contract, branchId: contract.branchId ?? null } };
}
