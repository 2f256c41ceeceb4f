import { and, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { idempotencyKeys } from "../schema/core.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";

/** What a request with an `Idempotency-Key` may do. */
export type IdempotencyClaim =
  | { readonly kind: "new" }
  | { readonly kind: "replay"; readonly statusCode: number; readonly headers: Record<string, string>; readonly body: string }
  | { readonly kind: "mismatch" }
  | { readonly kind: "in-progress" };

/** Identifies a keyed request. */
export interface IdempotentRequest {
  readonly principalId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /**
   * Fingerprint of method, path and body (the API's is keyed, `createKeyedHash`: bodies may hold
   * passwords): the same key with another request is refused.
   */
  readonly requestHash: string;
}

/**
 * Claims the key for this request, or tells how an earlier request with the same key ended.
 * The primary key makes the claim atomic: of two concurrent requests only one is `new`.
 */
export async function claimIdempotencyKey(executor: Executor, request: IdempotentRequest, now: Date): Promise<IdempotencyClaim> {
  const [claim] = await claimIdempotencyKeys(executor, [request], now);
  if (claim === undefined) throw new Error("claimIdempotencyKeys returned no claim");
  return claim;
}

function keyOf(request: Pick<IdempotentRequest, "principalId" | "key">): string {
  return `${request.principalId}\0${request.key}`;
}

/**
 * {@link claimIdempotencyKey} for several requests in at most two statements (the API claims
 * concurrent requests together); the claim at index `i` is `requests[i]`'s. Of requests with the
 * same principal and key, in this call or concurrent ones, exactly one is `new`.
 */
export async function claimIdempotencyKeys(executor: Executor, requests: readonly IdempotentRequest[], now: Date): Promise<IdempotencyClaim[]> {
  if (requests.length === 0) return [];
  const inserted = await executor
    .insert(idempotencyKeys)
    .values(requests.map((request) => ({ ...request, createdAt: now })))
    .onConflictDoNothing()
    .returning({ principalId: idempotencyKeys.principalId, key: idempotencyKeys.key, requestHash: idempotencyKeys.requestHash });
  // A key inserted here is `new` for the first request that carries it with the stored hash.
  const won = new Map(inserted.map((row) => [keyOf(row), row.requestHash]));
  const claims: (IdempotencyClaim | undefined)[] = requests.map((request) => {
    const key = keyOf(request);
    if (won.get(key) !== request.requestHash) return undefined;
    won.delete(key);
    return { kind: "new" };
  });
  const others = requests.filter((_, index) => claims[index] === undefined);
  if (others.length === 0) return claims as IdempotencyClaim[];
  const stored = await executor
    .select()
    .from(idempotencyKeys)
    .where(or(...others.map((request) => and(eq(idempotencyKeys.principalId, request.principalId), eq(idempotencyKeys.key, request.key)))));
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]));
  return requests.map((request, index) => claims[index] ?? earlierClaim(storedByKey.get(keyOf(request)), request));
}

/** How a request with an already claimed key is answered. */
function earlierClaim(existing: typeof idempotencyKeys.$inferSelect | undefined, request: IdempotentRequest): IdempotencyClaim {
  // Released (5xx) between our insert and select: the client retries and claims it anew.
  if (existing === undefined) return { kind: "in-progress" };
  if (existing.requestHash !== request.requestHash) return { kind: "mismatch" };
  if (existing.statusCode === null || existing.responseBody === null) return { kind: "in-progress" };
  return {
    kind: "replay",
    statusCode: existing.statusCode,
    headers: (existing.responseHeaders ?? {}) as Record<string, string>,
    body: storedBody(existing.responseBody),
  };
}

// A sealed body starts with `v1:`, which no JSON text does: rows stored before bodies were
// sealed still replay.
const SEALED = /^v\d+:/;

/**
 * A stored response body as sent: responses may carry secrets (a new API token, a session
 * token), so they are stored sealed, like every secret at rest.
 */
function storedBody(body: string): string {
  return SEALED.test(body) ? openSecret(body) : body;
}

/** A stored response of a claimed key, for replays; the body is stored sealed (`sealSecret`). */
export interface IdempotentResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Stores the response of a claimed key, for replays. */
export async function completeIdempotencyKey(
  executor: Executor,
  request: Pick<IdempotentRequest, "principalId" | "key">,
  response: IdempotentResponse,
): Promise<void> {
  await completeIdempotencyKeys(executor, [{ request, response }]);
}

/** {@link completeIdempotencyKey} for several keys in one statement. */
export async function completeIdempotencyKeys(
  executor: Executor,
  completions: readonly { readonly request: Pick<IdempotentRequest, "principalId" | "key">; readonly response: IdempotentResponse }[],
): Promise<void> {
  if (completions.length === 0) return;
  const column = (values: readonly unknown[], type: string) => sql`unnest(${sql.param(values)}::${sql.raw(type)})`;
  const done = sql`(select ${column(
    completions.map((c) => c.request.principalId),
    "text[]",
  )} as principal_id, ${column(
    completions.map((c) => c.request.key),
    "text[]",
  )} as key, ${column(
    completions.map((c) => c.response.statusCode),
    "integer[]",
  )} as status_code, ${column(
    completions.map((c) => JSON.stringify(c.response.headers)),
    "jsonb[]",
  )} as response_headers, ${column(
    completions.map((c) => sealSecret(c.response.body)),
    "text[]",
  )} as response_body)`;
  await executor.execute(sql`
    update ${idempotencyKeys} as k
       set status_code = done.status_code, response_headers = done.response_headers, response_body = done.response_body
      from ${done} as done
     where k.principal_id = done.principal_id and k.key = done.key`);
}

/** Frees a claimed key whose request failed on our side (5xx), so the client may retry it. */
export async function releaseIdempotencyKey(executor: Executor, request: Pick<IdempotentRequest, "principalId" | "key">): Promise<void> {
  await executor
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principalId, request.principalId), eq(idempotencyKeys.key, request.key)));
}
