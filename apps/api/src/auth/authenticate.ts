import { findUsersByApiTokens, type DatabaseHandle, type Clock, type UserRow } from "@kontor/db";
import { actorSchema } from "@kontor/ticketing";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { CoalescingBatcher } from "../http/coalescing-batcher.js";
import { ProblemError } from "../http/problem.js";
import type { Principal } from "./principal.js";

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, "unauthorized", "Unauthorized", { detail, headers: { "www-authenticate": 'Bearer realm="kontor"' } });
}

/** The principal of a stored user, if the stored role is one `can()` knows. */
export function principalOf(user: UserRow, credentialId: string): Principal | undefined {
  const actor = actorSchema.safeParse(
    user.kind === "staff"
      ? { kind: "staff", id: user.id, role: user.role }
      : { kind: "portal", id: user.id, role: user.role, organizationId: user.organizationId },
  );
  if (!actor.success) return undefined;
  return { userId: user.id, credentialId, email: user.email, actor: actor.data, organizationId: user.organizationId ?? undefined };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Every route is authenticated unless it says `config: { public: true }`: a Bearer API token
 * whose SHA-256 matches a stored, unrevoked, unexpired token of an enabled user. Failures are
 * 401 problems that do not say which part was wrong. Tokens are looked up on every request (a
 * revoked token stops working at once); concurrent requests share one query.
 */
export function registerAuthentication(app: FastifyInstance, deps: { readonly database: DatabaseHandle; readonly clock: Clock }): void {
  const lookups = new CoalescingBatcher(
    async (tokens: readonly string[]) => (await findUsersByApiTokens(deps.database.db, tokens, deps.clock.now())).map((value) => ({ ok: true as const, value })),
    { maxBatchSize: 100, maxConcurrentBatches: 1 },
  );
  app.decorateRequest("principal", undefined);
  app.addHook("onRequest", async (request) => {
    const url = request.routeOptions.url;
    // The interactive docs (/docs, its assets) are public like /openapi.json.
    if (request.routeOptions.config.public === true || url === undefined || url === "/docs" || url.startsWith("/docs/")) return;
    const token = bearerToken(request);
    if (token === undefined) throw unauthorized("Send an API token as `Authorization: Bearer <token>`");
    const found = await lookups.submit(token);
    const principal = found === undefined ? undefined : principalOf(found.user, found.credentialId);
    if (principal === undefined) throw unauthorized("The API token is unknown, expired or revoked");
    request.principal = principal;
  });
}

/** The principal of an authenticated route (the hook guarantees it). */
export function principal(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw unauthorized("Authentication required");
  return request.principal;
}
