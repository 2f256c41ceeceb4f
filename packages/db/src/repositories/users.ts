import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { credentials, users } from "../schema/core.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { hashSecret, newSecret } from "../security/secret-hash.js";

/** A stored user row. */
export type UserRow = typeof users.$inferSelect;

/** A new staff user (no organization) or portal user (one organization). */
export type NewUser =
  | { readonly kind: "staff"; readonly id?: string; readonly role: string; readonly email: string; readonly profile: unknown }
  | {
      readonly kind: "portal";
      readonly id?: string;
      readonly organizationId: string;
      readonly role: string;
      readonly email: string;
      readonly profile: unknown;
    };

/** Inserts a user. */
export async function insertUser(executor: Executor, user: NewUser, now: Date): Promise<UserRow> {
  const [row] = await executor
    .insert(users)
    .values({
      id: user.id ?? randomUUID(),
      kind: user.kind,
      organizationId: user.kind === "portal" ? user.organizationId : null,
      role: user.role,
      email: user.email,
      profile: user.profile,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** A user by id, optionally only within one organization. */
export async function findUser(executor: Executor, id: string, organizationId?: string): Promise<UserRow | undefined> {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.id, id), organizationId === undefined ? undefined : eq(users.organizationId, organizationId)));
  return row;
}

/** Several users by id in one query (requests handled together); unknown ids are absent. */
export async function findUsersById(executor: Executor, ids: readonly string[]): Promise<Map<string, UserRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await executor.select().from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** A user by e-mail address (case-insensitive). */
export async function findUserByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await executor.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/** Portal users of one organization, in creation order. */
export async function listPortalUsers(
  executor: Executor,
  organizationId: string,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<UserRow>> {
  const rows = await executor
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), afterPosition(users.createdAt, users.id, options.after)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/** Updates role, e-mail and profile of a user. */
export async function updateUser(
  executor: Executor,
  id: string,
  changes: { readonly role: string; readonly email: string; readonly profile: unknown },
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await executor
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** What {@link disableUser} did. */
export interface DisabledUser {
  /** The user as stored after the call: `disabledAt` is the instant of the first disabling. */
  readonly user: UserRow;
  /** Whether this call disabled the user; `false` when they were disabled already. */
  readonly disabledNow: boolean;
  /** How many of the user's credentials (API, session and login tokens) this call revoked. */
  readonly revokedCredentials: number;
}

/**
 * Disables a user (offboarding) and revokes every credential they hold: their tokens stop
 * working at once and stay revoked if the user is enabled again. Idempotent: disabling a
 * disabled user keeps the first `disabledAt` (and revokes whatever credential is still open).
 * `undefined` for an unknown id. Two statements: run it in the transaction that records it.
 */
export async function disableUser(executor: Executor, id: string, now: Date): Promise<DisabledUser | undefined> {
  const [changed] = await executor
    .update(users)
    .set({ disabledAt: now, updatedAt: now })
    .where(and(eq(users.id, id), isNull(users.disabledAt)))
    .returning();
  const user = changed ?? (await findUser(executor, id));
  if (user === undefined) return undefined;
  const revokedCredentials = await revokeUserCredentials(executor, id, now);
  return { user, disabledNow: changed !== undefined, revokedCredentials };
}

/**
 * Enables a disabled user again. Their old credentials stay revoked ({@link disableUser}): they
 * need new tokens. Idempotent; `enabledNow` is `false` when the user was not disabled.
 * `undefined` for an unknown id.
 */
export async function enableUser(executor: Executor, id: string, now: Date): Promise<{ readonly user: UserRow; readonly enabledNow: boolean } | undefined> {
  const [changed] = await executor
    .update(users)
    .set({ disabledAt: null, updatedAt: now })
    .where(and(eq(users.id, id), isNotNull(users.disabledAt)))
    .returning();
  if (changed !== undefined) return { user: changed, enabledNow: true };
  const user = await findUser(executor, id);
  return user === undefined ? undefined : { user, enabledNow: false };
}

/** Revokes every credential of a user that is not revoked yet (all their sessions at once). Returns how many. */
export async function revokeUserCredentials(executor: Executor, userId: string, now: Date): Promise<number> {
  const rows = await executor
    .update(credentials)
    .set({ revokedAt: now })
    .where(and(eq(credentials.userId, userId), isNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  return rows.length;
}

/** A credential as created: the secret is shown once and stored only as a hash. */
export interface IssuedCredential {
  readonly id: string;
  readonly secret: string;
  readonly expiresAt: Date | null;
}

/** Issues an API token or a one-time login token for a user. */
export async function issueCredential(
  executor: Executor,
  input: { readonly userId: string; readonly kind: "api-token" | "login-token"; readonly name: string; readonly expiresAt?: Date | null },
  now: Date,
): Promise<IssuedCredential> {
  const secret = newSecret(input.kind === "api-token" ? "at" : "lt");
  const id = randomUUID();
  await executor.insert(credentials).values({
    id,
    userId: input.userId,
    kind: input.kind,
    name: input.name,
    secretHash: hashSecret(secret),
    expiresAt: input.expiresAt ?? null,
    createdAt: now,
  });
  return { id, secret, expiresAt: input.expiresAt ?? null };
}

/** The user an API token belongs to, if the token is valid now (not revoked, expired or disabled). */
export async function findUserByApiToken(executor: Executor, secret: string, now: Date): Promise<{ user: UserRow; credentialId: string } | undefined> {
  const [found] = await findUsersByApiTokens(executor, [secret], now);
  return found;
}

/**
 * {@link findUserByApiToken} for several tokens in one query (the API authenticates concurrent
 * requests together): the result at index `i` belongs to `secrets[i]`.
 */
export async function findUsersByApiTokens(
  executor: Executor,
  secrets: readonly string[],
  now: Date,
): Promise<({ user: UserRow; credentialId: string } | undefined)[]> {
  const hashes = secrets.map(hashSecret);
  const rows = await executor
    .select({ user: users, credentialId: credentials.id, secretHash: credentials.secretHash })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.userId))
    .where(
      and(
        inArray(credentials.secretHash, [...new Set(hashes)]),
        eq(credentials.kind, "api-token"),
        isNull(credentials.revokedAt),
        isNull(users.disabledAt),
        or(isNull(credentials.expiresAt), gt(credentials.expiresAt, now)),
      ),
    );
  const byHash = new Map(rows.map(({ secretHash, ...found }) => [secretHash, found]));
  return hashes.map((hash) => byHash.get(hash));
}

/**
 * Redeems a one-time login token: valid once, before it expires. Returns the user, or
 * `undefined` for an unknown, used or expired token. The conditional update makes two
 * concurrent redemptions yield one user.
 */
export async function redeemLoginToken(executor: Executor, secret: string, now: Date): Promise<UserRow | undefined> {
  const [credential] = await executor
    .update(credentials)
    .set({ usedAt: now })
    .where(
      and(
        eq(credentials.secretHash, hashSecret(secret)),
        eq(credentials.kind, "login-token"),
        isNull(credentials.usedAt),
        isNull(credentials.revokedAt),
        or(isNull(credentials.expiresAt), gt(credentials.expiresAt, now)),
      ),
    )
    .returning({ userId: credentials.userId });
  if (credential === undefined) return undefined;
  const user = await findUser(executor, credential.userId);
  return user?.disabledAt === null ? user : undefined;
}

/** Revokes a credential of a user. Returns whether one was revoked. */
export async function revokeCredential(executor: Executor, userId: string, credentialId: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(credentials)
    .set({ revokedAt: now })
    .where(and(eq(credentials.id, credentialId), eq(credentials.userId, userId), isNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  return rows.length > 0;
}
