import { findAsset } from "@kontor/db";
import type { ApiDeps } from "../../app/api-deps.js";
import { badRequest, fieldError } from "../../http/problem.js";

/**
 * K11, K12: a credential names an asset of its own organization only. An unknown asset and one
 * of another customer are the same 400 on `body.assetId` (writers are staff; nothing leaks).
 */
export async function requireOwnAsset(deps: ApiDeps, organizationId: string, assetId: string | undefined): Promise<void> {
  if (assetId === undefined) return;
  const asset = await findAsset(deps.database.db, assetId);
  if (asset?.organizationId === organizationId) return;
  throw badRequest(fieldError("body", ["assetId"], "unknown_asset", `names no asset of organization ${organizationId}`));
}
