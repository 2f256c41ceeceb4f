import { randomUUID } from "node:crypto";
import {
  CREDENTIAL_ACCESS_TRANSITIONS,
  decideCredentialAccessRequest,
  insertCredentialAccessRequest,
  listCredentialAccessRequests,
  type CredentialAccessDecision,
  type CredentialAccessRequestRow,
} from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, conflict, fieldError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { accessRequestListScope, requireCredentialApprover, requirePortalRequester } from "./credential-access.js";
import { accessRequestCreateBodySchema, accessRequestResponseSchema, approveBodySchema, decisionBodySchema } from "./credential-schemas.js";
import { toAccessRequestResponse, visibleAccessRequest, visibleCredential } from "./credential-store.js";

const VERBS = { approved: "approve", rejected: "reject", revoked: "revoke" } as const;

/**
 * Applies a decision (K12) after the visibility and `credential:approve` checks; a request whose
 * status does not allow it, now or because a concurrent decision won, is 409.
 */
async function decide(
  deps: ApiDeps,
  request: FastifyRequest,
  id: string,
  decision: (by: string, now: Date) => CredentialAccessDecision,
): Promise<CredentialAccessRequestRow> {
  const { accessRequest, credential } = await visibleAccessRequest(deps, request, id);
  const who = requireCredentialApprover(request, credential.organizationId, `Credential access request ${accessRequest.id}`);
  const now = deps.clock.now();
  const wanted = decision(who.userId, now);
  const decided = await decideCredentialAccessRequest(deps.database.db, accessRequest.id, wanted, now);
  if (decided !== undefined) return decided;
  const required = CREDENTIAL_ACCESS_TRANSITIONS[wanted.to];
  throw conflict(
    `Credential access request ${accessRequest.id} is not ${required} (it was ${accessRequest.status} when read); only ${required === "pending" ? "a pending" : "an approved"} request can be ${wanted.to}`,
    "K12_ACCESS_REQUEST_STATUS",
  );
}

/**
 * Customer staff's requests to see a credential and the service team's decisions (K12: "to
 * customer staff on request and approval"). A portal user of the credential's organization
 * requests; dispatchers and admins (`credential:approve`) approve, optionally until an instant,
 * reject, or revoke an approval.
 */
export const accessRequestRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/credentials/:id/access-requests",
    {
      schema: {
        tags: ["credentials"],
        summary: "Ask to see a credential (K12; customer staff of its organization); one pending request per person",
        params: idParamsSchema,
        body: accessRequestCreateBodySchema,
        response: { 201: accessRequestResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const credential = await visibleCredential(deps, request, request.params.id);
      const portalUserId = requirePortalRequester(request);
      try {
        const row = await insertCredentialAccessRequest(
          deps.database.db,
          { id: randomUUID(), credentialId: credential.id, portalUserId, reason: request.body.reason },
          deps.clock.now(),
        );
        return await reply.status(201).header("location", `/v1/credential-access-requests/${encodeURIComponent(row.id)}`).send(toAccessRequestResponse(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`You already have a pending request for credential ${credential.id}`, "K12_ACCESS_REQUEST_PENDING");
        throw error;
      }
    },
  );

  app.get(
    "/v1/credentials/:id/access-requests",
    {
      schema: {
        tags: ["credentials"],
        summary: "A credential's access requests (K12): all for the service team and admin, a portal user's own for them",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(accessRequestResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const credential = await visibleCredential(deps, request, request.params.id);
      const { portalUserId } = accessRequestListScope(request, credential.organizationId);
      const page = await listCredentialAccessRequests(deps.database.db, {
        credentialId: credential.id,
        portalUserId,
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
      });
      return toPageBody(page, toAccessRequestResponse);
    },
  );

  app.post(
    "/v1/credential-access-requests/:id/approve",
    {
      schema: {
        tags: ["credentials"],
        summary: "Approve a pending access request, optionally until `validUntil` (K12; service team and admin)",
        params: idParamsSchema,
        body: approveBodySchema,
        response: { 200: accessRequestResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const validUntil = request.body?.validUntil === undefined ? null : new Date(request.body.validUntil);
      const row = await decide(deps, request, request.params.id, (by, now) => {
        // An approval that has ended before it is given would open nothing.
        if (validUntil !== null && validUntil.getTime() <= now.getTime()) {
          throw badRequest(fieldError("body", ["validUntil"], "not_in_future", `must lie after now (${now.toISOString()})`));
        }
        return { to: "approved", by, validUntil };
      });
      return toAccessRequestResponse(row);
    },
  );

  for (const to of ["rejected", "revoked"] as const) {
    app.post(
      `/v1/credential-access-requests/:id/${VERBS[to]}`,
      {
        schema: {
          tags: ["credentials"],
          summary:
            to === "rejected"
              ? "Reject a pending access request (K12; service team and admin)"
              : "Revoke an approval: the customer employee's next read is refused (K12; service team and admin)",
          params: idParamsSchema,
          body: decisionBodySchema,
          response: { 200: accessRequestResponseSchema, ...standardErrorResponses },
        },
      },
      async (request) => toAccessRequestResponse(await decide(deps, request, request.params.id, (by) => ({ to, by }))),
    );
  }
};
