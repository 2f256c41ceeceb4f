import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { idempotencyKeys } from "../schema/core.js";

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
  /** Hash over method, path and body: the same key with another request is refused. */
  readonly requestHash: string;
}

/**
 * Claims the key for this request, or tells how an earlier request with the same key ended.
 * The primary key makes the claim atomic: of two concurrent requests only one is `new`.
 */
export async function claimIdempotencyKey(executor: Executor, request: IdempotentRequest, now: Date): Promise<IdempotencyClaim> {
  const inserted = await executor
    .insert(idempotencyKeys)
    .values({ ...request, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: "new" };
  const [existing] = await executor
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principalId, request.principalId), eq(idempotencyKeys.key, request.key)));
  if (existing === undefined) return { kind: "in-progress" };
  if (existing.requestHash !== request.requestHash) return { kind: "mismatch" };
  if (existing.statusCode === null || existing.responseBody === null) return { kind: "in-progress" };
  return {
    kind: "replay",
    statusCode: existing.statusCode,
    headers: (existing.responseHeaders ?? {}) as Record<string, string>,
    body: existing.responseBody,
  };
}

/** Stores the response of a claimed key, for replays. */
export async function completeIdempotencyKey(
  executor: Executor,
  request: Pick<IdempotentRequest, "principalId" | "key">,
  response: { readonly statusCode: number; readonly headers: Record<string, string>; readonly body: string },
): Promise<void> {
  await executor
    .update(idempotencyKeys)
    .set({ statusCode: response.statusCode, responseHeaders: response.headers, responseBody: response.body })
    .where(and(eq(idempotencyKeys.principalId, request.principalId), eq(idempotencyKeys.key, request.key)));
}

/** Frees a claimed key whose request failed on our side (5xx), so the client may retry it. */
export async function releaseIdempotencyKey(executor: Executor, request: Pick<IdempotentRequest, "principalId" | "key">): Promise<void> {
  await executor
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principalId, request.principalId), eq(idempotencyKeys.key, request.key)));
}
