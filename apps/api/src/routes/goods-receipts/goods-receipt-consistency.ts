import type { GoodsReceiptOutcome, Organization } from "@kontor/ticketing";
import { badRequest, fieldError } from "../../http/problem.js";
import { requireConsistentAsset } from "../assets/asset-consistency.js";
import { requireReceivingBranch } from "../organizations/receiving-branch.js";

/**
 * Checks what the goods-receipt schema alone cannot (K11, O1): goods are received for the
 * customer or for one of its branches that receives goods (the customer record says which do:
 * a branch served only with services gets no deliveries), each new asset as `POST /v1/assets`
 * checks it (the branch is the customer's, no license linked twice), and no asset id appears
 * twice in the receipt. The first offence is 400 naming its field, e.g. `body.branchId`
 * (`unknown_branch`, `not_receiving_goods`) or `body.items.1.assetId`.
 */
export function requireConsistentReceipt(outcome: GoodsReceiptOutcome, organization: Organization, branchId: string | undefined): void {
  requireReceivingBranch(organization, branchId, "goods");
  const seen = new Set<string>();
  for (const [index, asset] of outcome.assets.entries()) {
    if (seen.has(asset.id)) throw badRequest(fieldError("body", ["items", index, "assetId"], "duplicate", `asset ${asset.id} appears twice in the receipt`));
    seen.add(asset.id);
    requireConsistentAsset(asset, organization, ["items", index]);
  }
}
