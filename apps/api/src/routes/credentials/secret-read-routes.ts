import { randomUUID } from "node:crypto";
import {
  approvedCredentialAccessRequests,
  findAccessCredential,
  insertCredentialRead,
  listCredentialReads,
  openAccessCredentialSecret,
  type KeysetPosition,
} from "@kontor/db";
import { readCredential } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, fieldError, notFound, ProblemError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireCredentialApprover } from "./credential-access.js";
import { credentialReadResponseSchema, secretReadBodySchema, secretReadResponseSchema } from "./credential-schemas.js";
import { toAuditRow, toCredentialReadResponse, toDomainAccessRequest, toDomainCredential, visibleCredential } from "./credential-store.js";

/** An audit-list cursor: its id must be a row id (a number), else 400 naming `query.cursor`. */
function decodeReadCursor(cursor: string | undefined): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (position !== undefined && !/^\d{1,18}$/.test(position.id)) throw badRequest(fieldError("query", ["cursor"], "invalid_cursor", "is not a cursor this API issued"));
  return position;
}

/**
 * Reading a stored secret and its audit trail (K12). A read is a POST because every attempt,
 * granted or refused, writes an audit row in the same transaction as its decision.
 */
export const secretReadRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/credentials/:id/secret-reads",
    {
      schema: {
        tags: ["credentials"],
        summary: "Read a credential's secret; every attempt is audited (K12)",
        description:
          "Staff whose role works with credentials, and customer staff with an approved, unexpired access request, get the secret (`Cache-Control: no-store`). " +
          "Every attempt, granted or refused, is written to the audit trail. `Idempotency-Key` is ignored here: no response with a secret is ever stored " +
          "for replay, and a repeated request is a new, audited read.",
        params: idParamsSchema,
        body: secretReadBodySchema,
        response: { 200: secretReadResponseSchema, ...standardErrorResponses },
      },
      // K12: the idempotency layer stores POST responses for replay; this one carries the plain
      // secret, so the key is dropped before that layer's preHandler can claim it.
      onRequest: async (request) => {
        delete request.raw.headers["idempotency-key"];
      },
    },
    async (request, reply) => {
      const who = principal(request);
      const now = deps.clock.now();
      const attempt = await deps.database.db.transaction(async (tx) => {
        const row = await findAccessCredential(tx, request.params.id);
        if (row === undefined) return undefined;
        // Only a portal user's own approvals can count (readCredential checks the rest).
        const approvals =
          who.actor.kind === "portal" && who.actor.organizationId === row.organizationId ? await approvedCredentialAccessRequests(tx, row.id, who.actor.id) : [];
        const outcome = readCredential(who.actor, toDomainCredential(row), approvals.map(toDomainAccessRequest), now.toISOString());
        // Opened before the audit row is written: a failure rolls both back, so a granted row means a delivered secret.
        const secret = outcome.ok ? await openAccessCredentialSecret(tx, row.id) : undefined;
        await insertCredentialRead(tx, toAuditRow(outcome, randomUUID()));
        return { row, outcome, secret };
      });
      // Refusals are answered after the commit, so the refused attempt stays in the audit trail.
      if (attempt === undefined || !seesOrganization(who, attempt.row.organizationId)) throw notFound(`Credential ${request.params.id}`);
      const { outcome, secret } = attempt;
      if (!outcome.ok || secret === undefined) {
        const error = outcome.ok ? undefined : outcome.errors[0];
        throw new ProblemError(403, "forbidden", "Forbidden", {
          detail: error?.message ?? "The credential may not be read",
          code: error?.code ?? "K12_CREDENTIAL_ACCESS_DENIED",
        });
      }
      // Secrets are never cached by intermediaries or the browser.
      return reply.header("cache-control", "no-store").send({ secret });
    },
  );

  app.get(
    "/v1/credentials/:id/reads",
    {
      schema: {
        tags: ["credentials"],
        summary: "The audit trail of a credential: every read attempt, granted or refused, in order (K12; service team and admin)",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(credentialReadResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleCredential(deps, request, request.params.id);
      requireCredentialApprover(request, row.organizationId, `Credential ${row.id}`);
      const page = await listCredentialReads(deps.database.db, { credentialId: row.id, limit: request.query.limit, after: decodeReadCursor(request.query.cursor) });
      return toPageBody(page, toCredentialReadResponse);
    },
  );
};
