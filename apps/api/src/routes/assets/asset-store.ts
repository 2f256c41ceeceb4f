import { findAsset, type AssetRow } from "@kontor/db";
import type { Asset } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { notFound } from "../../http/problem.js";

/** A stored asset row as the API answers it (K11). */
export function toAssetResponse(row: AssetRow) {
  return {
    asset: row.record as Asset,
    earliestExpiry: row.earliestExpiry,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Loads an asset the caller may see; 404 otherwise (K10: another customer's assets look absent). */
export async function visibleAsset(deps: ApiDeps, request: FastifyRequest, id: string): Promise<AssetRow> {
  const row = await findAsset(deps.database.db, id);
  if (row === undefined || !seesOrganization(principal(request), row.organizationId)) throw notFound(`Asset ${id}`);
  return row;
}
