import { randomUUID } from "node:crypto";
import { insertAsset, listAssets, updateAsset } from "@kontor/db";
import type { Asset } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { decodeCursor, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { requireConsistentAsset } from "./asset-consistency.js";
import { assetCreateBodySchema, assetListQuerySchema, assetReplaceBodySchema, assetResponseSchema } from "./asset-schemas.js";
import { toAssetResponse, visibleAsset } from "./asset-store.js";
import { referencedCustomer, requireSameCustomer } from "./customer-reference.js";
import { versionConflict } from "./version-conflict.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/**
 * Customers' assets (K11): technical data, purchase date, warranty end and linked licenses, whose
 * expiry the worker's daily check warns about. Writes need `asset:write` (technicians, materials
 * management, admin); reads `asset:read` (service desk staff and the customer's portal managers).
 *
 * No DELETE: an asset record has no retired state, and sensor events (K8), stored credentials
 * (K12) and sent expiry warnings refer to its id; removing the row would orphan them.
 */
export const assetRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/assets",
    {
      schema: {
        tags: ["assets"],
        summary: "Record a customer's asset with warranty and license expiry (K11)",
        body: assetCreateBodySchema,
        response: { 201: assetResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireAccess(request, "asset:write", { organizationId: request.body.organizationId }, `Organization ${request.body.organizationId}`);
      const organization = await referencedCustomer(deps, request.body.organizationId);
      const now = deps.clock.now();
      const asset: Asset = { ...request.body, id: request.body.id ?? randomUUID(), recordedAt: request.body.recordedAt ?? now.toISOString() };
      requireConsistentAsset(asset, organization);
      try {
        const row = await insertAsset(deps.database.db, asset, now);
        return await reply.status(201).header("location", `/v1/assets/${encodeURIComponent(row.id)}`).send(toAssetResponse(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`Asset ${asset.id} exists`, "ASSET_ID_TAKEN");
        throw error;
      }
    },
  );

  app.get(
    "/v1/assets",
    {
      schema: {
        tags: ["assets"],
        summary: "List assets (K11; a portal manager sees only their organization's)",
        querystring: assetListQuerySchema,
        response: { 200: pageSchema(assetResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      requireAccess(request, "asset:read", { organizationId: scope ?? ALL_ORGANIZATIONS }, "Assets");
      const page = await listAssets(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId: scope });
      return toPageBody(page, toAssetResponse);
    },
  );

  app.get(
    "/v1/assets/:id",
    {
      schema: {
        tags: ["assets"],
        summary: "One asset (K11)",
        params: idParamsSchema,
        response: { 200: assetResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleAsset(deps, request, request.params.id);
      requireAccess(request, "asset:read", { organizationId: row.organizationId }, `Asset ${row.id}`);
      return toAssetResponse(row);
    },
  );

  app.put(
    "/v1/assets/:id",
    {
      schema: {
        tags: ["assets"],
        summary: "Replace an asset record, e.g. after a warranty extension (K11); `expectedVersion` guards against lost updates",
        params: idParamsSchema,
        body: assetReplaceBodySchema,
        response: { 200: assetResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleAsset(deps, request, request.params.id);
      requireAccess(request, "asset:write", { organizationId: row.organizationId }, `Asset ${row.id}`);
      const { expectedVersion, ...input } = request.body;
      requireSameCustomer(row.organizationId, input.organizationId, `Asset ${row.id}`);
      const organization = await referencedCustomer(deps, row.organizationId);
      const stored = row.record as Asset;
      const asset: Asset = { ...input, id: row.id, recordedAt: input.recordedAt ?? stored.recordedAt };
      requireConsistentAsset(asset, organization);
      // K11: the repository recomputes the earliest expiry, so the next daily check sees the change.
      const updated = await updateAsset(deps.database.db, asset, expectedVersion, deps.clock.now());
      if (updated === undefined) throw versionConflict(`Asset ${row.id}`, row.version, expectedVersion);
      return toAssetResponse(updated);
    },
  );
};
