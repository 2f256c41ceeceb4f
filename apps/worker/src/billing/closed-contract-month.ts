import { organizationOf } from "@kontor/api";
import type { ClosedMonth } from "@kontor/contingent";
import { findMonthClose, type Executor } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";

/** A closed contract month with the customer it bills. */
export interface ClosedContractMonth {
  readonly closed: ClosedMonth;
  readonly organizationId: string;
  readonly organization: Organization;
}

/**
 * The stored record of a closed month (C8) and its customer. The month-close events are written
 * in the transaction that stores the record, so a missing record or customer is a broken
 * invariant, not a retryable state.
 */
export async function loadClosedContractMonth(executor: Executor, contractId: string, month: string): Promise<ClosedContractMonth> {
  const row = await findMonthClose(executor, contractId, month);
  if (row === undefined) throw new Error(`${month} of contract ${contractId} is not closed`);
  const organization = await organizationOf(executor, row.organizationId);
  if (organization === undefined) throw new Error(`Organization ${row.organizationId} of contract ${contractId} does not exist`);
  // The record is the ClosedMonth that closeMonth returned when the month was closed.
  return { closed: row.closed as ClosedMonth, organizationId: row.organizationId, organization };
}
