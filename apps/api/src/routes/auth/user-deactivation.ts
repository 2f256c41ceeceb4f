import { randomUUID } from "node:crypto";
import { appendToOutbox, disableUser, enableUser, withdrawCredentialAccessOf, type UserRow } from "@kontor/db";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import type { Principal } from "../../auth/principal.js";
import { conflict, notFound } from "../../http/problem.js";
import { instantSchema } from "../../http/route-schemas.js";

/** Outbox history event of a user's deactivation (who, when, how many tokens it revoked); no consumer. */
export const USER_DEACTIVATED_TOPIC = "user.deactivated";
/** Outbox history event of a user's reactivation (who, when); no consumer. */
export const USER_REACTIVATED_TOPIC = "user.reactivated";

/** Body of a deactivation or reactivation: nothing to send (`{}` or no body). */
export const userStateChangeBodySchema = z.object({}).strict().optional();

/** `deactivatedAt` of a user in answers: when they were offboarded, `null` while active. */
export const deactivatedAtSchema = instantSchema.nullable().describe("When the user was deactivated (their tokens revoked); `null` while active");

/** A user's account as the reactivation answers it (any kind of user). */
export const userAccountSchema = z.object({
  id: z.string(),
  kind: z.enum(["staff", "portal"]),
  organizationId: z.string().nullable(),
  email: z.string(),
  role: z.string(),
  deactivatedAt: deactivatedAtSchema,
});

/** A stored user as {@link userAccountSchema}. */
export function toUserAccount(row: UserRow): z.output<typeof userAccountSchema> {
  return { id: row.id, kind: row.kind, organizationId: row.organizationId, email: row.email, role: row.role, deactivatedAt: row.disabledAt?.toISOString() ?? null };
}

/**
 * Deactivates (offboards) `target` for `who`, who is allowed to: the user is disabled, all
 * their tokens are revoked and (a portal user) their access to stored credentials is withdrawn
 * (K12: approvals revoked, pending requests rejected), in one transaction with the history event
 * `user.deactivated` (who, when). Idempotent: a deactivated user answers as stored, with the first
 * `deactivatedAt`, and nothing is recorded again. Nobody deactivates themself (409
 * `USER_SELF_DEACTIVATION`): an administrator would lock the installation's last door, a portal
 * manager their own.
 */
export async function deactivateUser(deps: ApiDeps, who: Principal, target: UserRow): Promise<UserRow> {
  if (target.id === who.userId) {
    throw conflict("You cannot deactivate your own account; another administrator or manager has to", "USER_SELF_DEACTIVATION");
  }
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const result = await disableUser(tx, target.id, now);
    if (result === undefined) throw notFound(`User ${target.id}`);
    // K12: approvals to read stored credentials end with the person; back, they ask again.
    const withdrawnCredentialAccess = target.kind === "portal" ? await withdrawCredentialAccessOf(tx, target.id, who.userId, now) : 0;
    if (result.disabledNow) {
      await appendToOutbox(
        tx,
        [
          {
            topic: USER_DEACTIVATED_TOPIC,
            aggregateType: "user",
            aggregateId: target.id,
            // One event per state change (the conditional update decides); a fixed clock may repeat `now`.
            dedupeKey: `user-deactivated:${target.id}:${randomUUID()}`,
            payload: {
              userId: target.id,
              kind: target.kind,
              organizationId: target.organizationId,
              deactivatedBy: who.userId,
              deactivatedAt: now.toISOString(),
              revokedCredentials: result.revokedCredentials,
              withdrawnCredentialAccess,
            },
          },
        ],
        now,
      );
    }
    return result.user;
  });
}

/**
 * Reactivates a deactivated user, recording `user.reactivated` (who, when). Their old tokens
 * stay revoked: an administrator issues new ones. Idempotent like {@link deactivateUser}.
 */
export async function reactivateUser(deps: ApiDeps, who: Principal, target: UserRow): Promise<UserRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const result = await enableUser(tx, target.id, now);
    if (result === undefined) throw notFound(`User ${target.id}`);
    if (result.enabledNow) {
      await appendToOutbox(
        tx,
        [
          {
            topic: USER_REACTIVATED_TOPIC,
            aggregateType: "user",
            aggregateId: target.id,
            dedupeKey: `user-reactivated:${target.id}:${randomUUID()}`,
            payload: { userId: target.id, kind: target.kind, organizationId: target.organizationId, reactivatedBy: who.userId, reactivatedAt: now.toISOString() },
          },
        ],
        now,
      );
    }
    return result.user;
  });
}

/** 409 for issuing a token to a deactivated user: reactivate them first. */
export function refuseDeactivated(user: UserRow): void {
  if (user.disabledAt !== null) {
    throw conflict(`User ${user.id} was deactivated on ${user.disabledAt.toISOString()}; reactivate them first`, "USER_DEACTIVATED");
  }
}
