import type { Organization } from "@kontor/ticketing";
import { badRequest, fieldError } from "../../http/problem.js";

/**
 * Checks a `branchId` of a request body against the customer record (O1): it must be one of
 * `organization`'s own branches, and one that receives what the request is about (the record
 * lists per branch whether it receives goods and whether it receives services). `undefined`
 * and `null` (the company itself) pass. `organization` is the customer the request names, so
 * another customer's branch id is unknown here and never leaks across tenants. The offence is
 * 400 on `body.branchId`: `unknown_branch`, `not_receiving_goods` or `not_receiving_services`.
 */
export function requireReceivingBranch(organization: Organization, branchId: string | null | undefined, receives: "goods" | "services"): void {
  if (branchId === undefined || branchId === null) return;
  const branch = organization.branches.find((candidate) => candidate.id === branchId);
  if (branch === undefined) throw badRequest(fieldError("body", ["branchId"], "unknown_branch", `is not a branch of ${organization.name}`));
  if (!(receives === "goods" ? branch.receivesGoods : branch.receivesServices)) {
    throw badRequest(
      fieldError("body", ["branchId"], `not_receiving_${receives}`, `branch ${branch.name} of ${organization.name} does not receive ${receives}; only a branch that does can be named here (O1)`),
    );
  }
}
