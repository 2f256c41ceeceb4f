import type { Contract } from "@kontor/contingent";
import type { Organization } from "@kontor/ticketing";
import { badRequest, fieldError } from "../../http/problem.js";

/**
 * Checks what the contract schema alone cannot (O1): the branch a contract serves must be one of
 * the customer's own branches, and one that receives services (a customer record lists the
 * branches that receive goods or services; only the latter can be served by a contract).
 * `branchId: null` (the company itself) always passes. `organization` is the customer the
 * contract's `customerId` resolved to, so another customer's branch id is unknown here and never
 * leaks across tenants. The offence is 400 on `body.branchId`: `unknown_branch` or
 * `not_receiving_services`.
 */
export function requireServedBranch(contract: Pick<Contract, "branchId">, organization: Organization): void {
  if (contract.branchId === null) return;
  const branch = organization.branches.find((candidate) => candidate.id === contract.branchId);
  if (branch === undefined) {
    throw badRequest(fieldError("body", ["branchId"], "unknown_branch", `is not a branch of ${organization.name}`));
  }
  if (!branch.receivesServices) {
    throw badRequest(
      fieldError("body", ["branchId"], "not_receiving_services", `branch ${branch.name} of ${organization.name} does not receive services; a contract can only serve a branch that does (O1)`),
    );
  }
}
