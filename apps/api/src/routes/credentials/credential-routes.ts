import { randomUUID } from "node:crypto";
import { insertAccessCredential, listAccessCredentials, revokeCredentialApprovals, updateAccessCredential } from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { decodeCursor, pageSchema, toPageBody } from "../../http/pagination.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { referencedCustomer } from "../assets/customer-reference.js";
import { versionConflict } from "../assets/version-conflict.js";
import { requireCredentialMetadataAccess } from "./credential-access.js";
import { requireOwnAsset } from "./credential-asset.js";
import { credentialCreateBodySchema, credentialListQuerySchema, credentialReplaceBodySchema, credentialResponseSchema } from "./credential-schemas.js";
import { toCredentialResponse, visibleCredential } from "./credential-store.js";

/**
 * Stored access credentials (K12): record, list, read and rotate. Writes need `credential:write`
 * (technicians, service team, admin). Metadata is for staff with `credential:read` and for the
 * customer's own portal users (so they know what to request); no answer of these routes ever
 * contains the secret, which is stored sealed and read only through the audited secret reads.
 *
 * No DELETE: the audit trail and the access requests refer to the credential (K12: every read
 * stays traceable).
 */
export const credentialRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/credentials",
    {
      schema: {
        tags: ["credentials"],
        summary: "Store an access credential of a customer; the secret is sealed and never answered (K12)",
        body: credentialCreateBodySchema,
        response: { 201: credentialResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { organizationId, assetId, label, username, secret } = request.body;
      const who = requireAccess(request, "credential:write", { organizationId }, `Organization ${organizationId}`);
      await referencedCustomer(deps, organizationId);
      await requireOwnAsset(deps, organizationId, assetId);
      const row = await insertAccessCredential(
        deps.database.db,
        { id: randomUUID(), organizationId, assetId: assetId ?? null, label, username: username ?? null, secret, createdBy: who.userId },
        deps.clock.now(),
      );
      return reply.status(201).header("location", `/v1/credentials/${encodeURIComponent(row.id)}`).send(toCredentialResponse(row));
    },
  );

  app.get(
    "/v1/credentials",
    {
      schema: {
        tags: ["credentials"],
        summary: "List stored credentials' metadata (K12; a portal user sees only their organization's)",
        querystring: credentialListQuerySchema,
        response: { 200: pageSchema(credentialResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      requireCredentialMetadataAccess(request, scope);
      const page = await listAccessCredentials(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId: scope });
      return toPageBody(page, toCredentialResponse);
    },
  );

  app.get(
    "/v1/credentials/:id",
    {
      schema: {
        tags: ["credentials"],
        summary: "One stored credential's metadata, without the secret (K12)",
        params: idParamsSchema,
        response: { 200: credentialResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleCredential(deps, request, request.params.id);
      requireCredentialMetadataAccess(request, row.organizationId);
      return toCredentialResponse(row);
    },
  );

  app.put(
    "/v1/credentials/:id",
    {
      schema: {
        tags: ["credentials"],
        summary: "Replace a credential's metadata and optionally rotate its secret (K12: rotating revokes the customers' approvals); `expectedVersion` guards against lost updates",
        params: idParamsSchema,
        body: credentialReplaceBodySchema,
        response: { 200: credentialResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleCredential(deps, request, request.params.id);
      const who = requireAccess(request, "credential:write", { organizationId: row.organizationId }, `Credential ${row.id}`);
      const { expectedVersion, assetId, label, username, secret } = request.body;
      await requireOwnAsset(deps, row.organizationId, assetId);
      const now = deps.clock.now();
      const updated = await deps.database.db.transaction(async (tx) => {
        const stored = await updateAccessCredential(tx, row.id, { assetId: assetId ?? null, label, username: username ?? null, secret, updatedBy: who.userId }, expectedVersion, now);
        // K12: a rotated secret is a new secret; customers approved for the old one ask again.
        if (stored !== undefined && secret !== undefined) await revokeCredentialApprovals(tx, row.id, who.userId, now);
        return stored;
      });
      if (updated === undefined) throw versionConflict(`Credential ${row.id}`, row.version, expectedVersion);
      return toCredentialResponse(updated);
    },
  );
};
