import {
  claimIdempotencyKeys,
  completeIdempotencyKeys,
  createKeyedHash,
  releaseIdempotencyKey,
  type Clock,
  type DatabaseHandle,
  type IdempotencyClaim,
  type IdempotentRequest,
  type IdempotentResponse,
} from "@kontor/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { CoalescingBatcher } from "./coalescing-batcher.js";
import { fieldError, ProblemError } from "./problem.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { principalId: string; key: string } | undefined;
  }
}

const KEY = /^[A-Za-z0-9_\-.:]{1,128}$/;
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Keyed, so that a stored fingerprint of a body with a password or secret gives nothing to guess against. */
function requestHash(request: FastifyRequest): string {
  const hash = createKeyedHash().update(request.method).update("\0").update(request.url).update("\0");
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest("hex");
}

/**
 * `Idempotency-Key` on every mutation (POST, PUT, PATCH, DELETE; a versioned PUT retried
 * without it would be a 409): the first request with a key runs and its response is
 * stored; a replay with the same body gets the stored response (marked `Idempotent-Replayed`);
 * the same key with another request is 422; a replay while the first still runs is 409. Keys
 * are per principal, so two users cannot collide. Responses of 5xx free the key again.
 * Concurrent requests claim and complete their keys together, one statement for many.
 */
export function registerIdempotency(app: FastifyInstance, deps: { readonly database: DatabaseHandle; readonly clock: Clock }): void {
  const claims = new CoalescingBatcher<IdempotentRequest, IdempotencyClaim>(
    async (requests) => (await claimIdempotencyKeys(deps.database.db, requests, deps.clock.now())).map((value) => ({ ok: true, value })),
    { maxBatchSize: 100, maxConcurrentBatches: 1 },
  );
  type Completion = { readonly request: Pick<IdempotentRequest, "principalId" | "key">; readonly response: IdempotentResponse };
  const completions = new CoalescingBatcher<Completion, undefined>(
    async (done) => {
      await completeIdempotencyKeys(deps.database.db, done);
      return done.map(() => ({ ok: true, value: undefined }));
    },
    { maxBatchSize: 100, maxConcurrentBatches: 1 },
  );
  app.decorateRequest("idempotency", undefined);
  app.addHook("preHandler", async (request, reply) => {
    if (!MUTATIONS.has(request.method)) return;
    const header = request.headers["idempotency-key"];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY.test(key)) {
      throw new ProblemError(400, "validation", "Bad Request", {
        detail: "headers.idempotency-key: use 1–128 letters, digits or -_.:",
        errors: [fieldError("headers", ["idempotency-key"], "invalid_format", "use 1–128 letters, digits or -_.:")],
      });
    }
    const principalId = request.principal?.userId ?? `anonymous:${request.ip}`;
    const claim = await claims.submit({ principalId, key, method: request.method, path: request.url, requestHash: requestHash(request) });
    switch (claim.kind) {
      case "new":
        request.idempotency = { principalId, key };
        return;
      case "replay":
        return reply.status(claim.statusCode).headers(claim.headers).header("idempotent-replayed", "true").send(claim.body);
      case "mismatch":
        throw new ProblemError(422, "idempotency-key-reused", "Unprocessable Content", {
          detail: "This Idempotency-Key was used for a different request",
          code: "IDEMPOTENCY_KEY_REUSED",
          errors: [fieldError("headers", ["idempotency-key"], "IDEMPOTENCY_KEY_REUSED", "was used for a different request")],
        });
      case "in-progress":
        throw new ProblemError(409, "idempotency-in-progress", "Conflict", {
          detail: "A request with this Idempotency-Key is still being processed",
          code: "IDEMPOTENCY_IN_PROGRESS",
          headers: { "retry-after": "1" },
        });
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claimed = request.idempotency;
    if (claimed === undefined) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500 || typeof payload !== "string") {
      await releaseIdempotencyKey(deps.database.db, claimed);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "location"]) {
      const value = reply.getHeader(name);
      if (typeof value === "string") headers[name] = value;
    }
    await completions.submit({ request: claimed, response: { statusCode: reply.statusCode, headers, body: payload } });
    return payload;
  });
}
