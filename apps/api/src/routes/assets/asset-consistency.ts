import type { Asset, Organization } from "@kontor/ticketing";
import { badRequest, fieldError } from "../../http/problem.js";

/**
 * Checks what the asset schema alone cannot (K11, O1): the branch must be one of the customer's
 * branches, and every linked license id must be unique within the asset (the expiry warnings
 * are deduplicated per asset and license id). The first offence is 400 naming its field;
 * `at` is where the asset's own fields sit in the body (e.g. `["items", 2]` in a goods receipt).
 */
export function requireConsistentAsset(asset: Asset, organization: Organization, at: readonly PropertyKey[] = []): void {
  if (asset.branchId !== undefined && !organization.branches.some((branch) => branch.id === asset.branchId)) {
    throw badRequest(fieldError("body", ["branchId"], "unknown_branch", `is not a branch of ${organization.name}`));
  }
  const seen = new Set<string>();
  for (const [index, license] of asset.licenses.entries()) {
    if (seen.has(license.id)) throw badRequest(fieldError("body", [...at, "licenses", index, "id"], "duplicate", `license ${license.id} is linked twice`));
    seen.add(license.id);
  }
}
