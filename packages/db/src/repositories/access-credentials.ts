import { and, asc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { accessCredentials, credentialAccessRequests, credentialReads } from "../schema/access-credentials.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";
import { columnsWithout } from "./columns-without.js";

/**
 * A stored access credential without its secret (K12): what lists and lookups return. The
 * sealed secret is read only by {@link openAccessCredentialSecret}, after a granted read.
 */
export type AccessCredentialRow = Omit<typeof accessCredentials.$inferSelect, "secretSealed">;

/** A customer employee's request to see a credential (K12). */
export type CredentialAccessRequestRow = typeof credentialAccessRequests.$inferSelect;

/** One audited read attempt (K12). */
export type CredentialReadRow = typeof credentialReads.$inferSelect;

// The sealed secret stays in the database unless a read was granted.
const metadataColumns = columnsWithout(getTableColumns(accessCredentials), "secretSealed");

/** A credential to store, with its secret in plain text: sealed before it reaches the database. */
export interface NewAccessCredential {
  readonly id: string;
  readonly organizationId: string;
  readonly assetId: string | null;
  readonly label: string;
  readonly username: string | null;
  readonly secret: string;
  readonly createdBy: string;
}

/** Inserts a credential (K12); the secret is stored only as `sealSecret` output. */
export async function insertAccessCredential(executor: Executor, credential: NewAccessCredential, now: Date): Promise<AccessCredentialRow> {
  const { secret, ...metadata } = credential;
  const [row] = await executor
    .insert(accessCredentials)
    .values({ ...metadata, secretSealed: sealSecret(secret), updatedBy: credential.createdBy, createdAt: now, updatedAt: now })
    .returning(metadataColumns);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** A credential's metadata by id (never the secret). */
export async function findAccessCredential(executor: Executor, id: string): Promise<AccessCredentialRow | undefined> {
  const [row] = await executor.select(metadataColumns).from(accessCredentials).where(eq(accessCredentials.id, id));
  return row;
}

/**
 * Credentials in creation order, one keyset page of metadata; `organizationId` restricts the
 * list to one customer (a portal user's own, or a staff filter).
 */
export async function listAccessCredentials(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<AccessCredentialRow>> {
  const rows = await executor
    .select(metadataColumns)
    .from(accessCredentials)
    .where(
      and(
        afterPosition(accessCredentials.createdAt, accessCredentials.id, options.after),
        options.organizationId === undefined ? undefined : eq(accessCredentials.organizationId, options.organizationId),
      ),
    )
    .orderBy(asc(accessCredentials.createdAt), asc(accessCredentials.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/** A replacement of a credential's metadata; `secret` (plain, sealed here) rotates it, absent keeps it. */
export interface AccessCredentialChange {
  readonly assetId: string | null;
  readonly label: string;
  readonly username: string | null;
  readonly secret?: string | undefined;
  readonly updatedBy: string;
}

/**
 * Replaces a credential's metadata and optionally rotates its secret, if it is still at
 * `expectedVersion` (optimistic locking). Returns the new row, or `undefined` when the id is
 * unknown or the version moved on.
 */
export async function updateAccessCredential(
  executor: Executor,
  id: string,
  change: AccessCredentialChange,
  expectedVersion: number,
  now: Date,
): Promise<AccessCredentialRow | undefined> {
  const { secret, ...metadata } = change;
  const [row] = await executor
    .update(accessCredentials)
    .set({ ...metadata, ...(secret === undefined ? {} : { secretSealed: sealSecret(secret) }), version: sql`${accessCredentials.version} + 1`, updatedAt: now })
    .where(and(eq(accessCredentials.id, id), eq(accessCredentials.version, expectedVersion)))
    .returning(metadataColumns);
  return row;
}

/**
 * The plain secret of a credential, or `undefined` for an unknown id. K12: call only for a read
 * `readCredential` granted, inside the transaction that writes its audit row.
 */
export async function openAccessCredentialSecret(executor: Executor, id: string): Promise<string | undefined> {
  const [row] = await executor.select({ secretSealed: accessCredentials.secretSealed }).from(accessCredentials).where(eq(accessCredentials.id, id));
  return row === undefined ? undefined : openSecret(row.secretSealed);
}

/** A new, pending access request. */
export interface NewCredentialAccessRequest {
  readonly id: string;
  readonly credentialId: string;
  readonly portalUserId: string;
  readonly reason: string;
}

/**
 * Inserts a pending access request (K12). A second pending request of the same person for the
 * same credential violates `credential_access_requests_pending_idx` (a unique violation).
 */
export async function insertCredentialAccessRequest(executor: Executor, request: NewCredentialAccessRequest, now: Date): Promise<CredentialAccessRequestRow> {
  const [row] = await executor
    .insert(credentialAccessRequests)
    .values({ ...request, status: "pending", requestedAt: now })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** An access request by id. */
export async function findCredentialAccessRequest(executor: Executor, id: string): Promise<CredentialAccessRequestRow | undefined> {
  const [row] = await executor.select().from(credentialAccessRequests).where(eq(credentialAccessRequests.id, id));
  return row;
}

/** Cuts `limit + 1` rows to a page whose cursor is `position` of the last row. */
function pageBy<Row>(rows: Row[], limit: number, position: (row: Row) => KeysetPosition): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? position(last) : undefined };
}

/**
 * A credential's access requests in request order, one keyset page (cursor: `requestedAt`, id);
 * `portalUserId` restricts it to one person's own requests.
 */
export async function listCredentialAccessRequests(
  executor: Executor,
  options: { readonly credentialId: string; readonly portalUserId?: string | undefined; readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<CredentialAccessRequestRow>> {
  const rows = await executor
    .select()
    .from(credentialAccessRequests)
    .where(
      and(
        eq(credentialAccessRequests.credentialId, options.credentialId),
        options.portalUserId === undefined ? undefined : eq(credentialAccessRequests.portalUserId, options.portalUserId),
        afterPosition(credentialAccessRequests.requestedAt, credentialAccessRequests.id, options.after),
      ),
    )
    .orderBy(asc(credentialAccessRequests.requestedAt), asc(credentialAccessRequests.id))
    .limit(options.limit + 1);
  return pageBy(rows, options.limit, (row) => ({ createdAt: row.requestedAt, id: row.id }));
}

/**
 * The approved requests of one person for one credential (expired ones included: whether an
 * approval is valid at an instant is `readCredential`'s decision). Locked `FOR SHARE`, so a
 * revocation waits until the read that relies on the approval has committed its audit row.
 */
export async function approvedCredentialAccessRequests(executor: Executor, credentialId: string, portalUserId: string): Promise<CredentialAccessRequestRow[]> {
  return executor
    .select()
    .from(credentialAccessRequests)
    .where(
      and(
        eq(credentialAccessRequests.credentialId, credentialId),
        eq(credentialAccessRequests.portalUserId, portalUserId),
        eq(credentialAccessRequests.status, "approved"),
      ),
    )
    .orderBy(asc(credentialAccessRequests.requestedAt), asc(credentialAccessRequests.id))
    .for("share");
}

/** A decision on an access request (K12). */
export type CredentialAccessDecision =
  | { readonly to: "approved"; readonly by: string; readonly validUntil: Date | null }
  | { readonly to: "rejected"; readonly by: string }
  | { readonly to: "revoked"; readonly by: string };

/** The status a request must have for each decision: approve and reject a pending one, revoke an approved one. */
export const CREDENTIAL_ACCESS_TRANSITIONS = { approved: "pending", rejected: "pending", revoked: "approved" } as const satisfies Record<
  CredentialAccessDecision["to"],
  CredentialAccessRequestRow["status"]
>;

/**
 * Applies a decision if the request still has the status it requires
 * ({@link CREDENTIAL_ACCESS_TRANSITIONS}): one conditional statement, so of two concurrent
 * decisions on one request exactly one wins. Returns the new row, or `undefined` when the id is
 * unknown or the status does not allow the decision.
 */
export async function decideCredentialAccessRequest(
  executor: Executor,
  id: string,
  decision: CredentialAccessDecision,
  now: Date,
): Promise<CredentialAccessRequestRow | undefined> {
  const changes =
    decision.to === "revoked"
      ? { status: decision.to, revokedBy: decision.by, revokedAt: now }
      : { status: decision.to, decidedBy: decision.by, decidedAt: now, ...(decision.to === "approved" ? { validUntil: decision.validUntil } : {}) };
  const [row] = await executor
    .update(credentialAccessRequests)
    .set(changes)
    .where(and(eq(credentialAccessRequests.id, id), eq(credentialAccessRequests.status, CREDENTIAL_ACCESS_TRANSITIONS[decision.to])))
    .returning();
  return row;
}

/**
 * Revokes every approved access request of a credential (K12), e.g. because its secret was
 * rotated: an approval covered the secret the customer asked for, not its successor. One
 * statement; returns the revoked rows.
 */
export async function revokeCredentialApprovals(executor: Executor, credentialId: string, by: string, now: Date): Promise<CredentialAccessRequestRow[]> {
  return executor
    .update(credentialAccessRequests)
    .set({ status: "revoked", revokedBy: by, revokedAt: now })
    .where(and(eq(credentialAccessRequests.credentialId, credentialId), eq(credentialAccessRequests.status, "approved")))
    .returning();
}

/**
 * Ends every access of a portal user to stored credentials (K12), e.g. because the user was
 * deactivated: approved requests are revoked and pending ones rejected, by `by`. A user
 * reactivated later asks again. Returns how many requests changed.
 */
export async function withdrawCredentialAccessOf(executor: Executor, portalUserId: string, by: string, now: Date): Promise<number> {
  const revoked = await executor
    .update(credentialAccessRequests)
    .set({ status: "revoked", revokedBy: by, revokedAt: now })
    .where(and(eq(credentialAccessRequests.portalUserId, portalUserId), eq(credentialAccessRequests.status, "approved")))
    .returning({ id: credentialAccessRequests.id });
  const rejected = await executor
    .update(credentialAccessRequests)
    .set({ status: "rejected", decidedBy: by, decidedAt: now })
    .where(and(eq(credentialAccessRequests.portalUserId, portalUserId), eq(credentialAccessRequests.status, "pending")))
    .returning({ id: credentialAccessRequests.id });
  return revoked.length + rejected.length;
}

/** An audit row to write (K12); `dedupeKey` identifies the attempt. */
export type NewCredentialRead = Omit<CredentialReadRow, "id">;

/**
 * Writes the audit row of a read attempt (K12). Writing the same attempt (same `dedupeKey`)
 * again stores nothing new and returns the row stored first.
 */
export async function insertCredentialRead(executor: Executor, read: NewCredentialRead): Promise<CredentialReadRow> {
  const [inserted] = await executor.insert(credentialReads).values(read).onConflictDoNothing({ target: credentialReads.dedupeKey }).returning();
  if (inserted !== undefined) return inserted;
  const [stored] = await executor.select().from(credentialReads).where(eq(credentialReads.dedupeKey, read.dedupeKey));
  if (stored === undefined) throw new Error(`audit row ${read.dedupeKey} neither inserted nor found`);
  return stored;
}

/** `(at, id) > (cursor)` for audit rows, whose ids are numbers. */
function afterRead(position: KeysetPosition | undefined): SQL | undefined {
  if (position === undefined) return undefined;
  if (!/^\d{1,18}$/.test(position.id)) throw new RangeError(`not an audit row position: ${position.id}`);
  return sql`(${credentialReads.at}, ${credentialReads.id}) > (${position.createdAt.toISOString()}::timestamptz, ${position.id}::bigint)`;
}

/**
 * The audit trail of a credential (K12) in the order of the attempts, one keyset page; the
 * cursor's id is the row id as a decimal string.
 */
export async function listCredentialReads(
  executor: Executor,
  options: { readonly credentialId: string; readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<CredentialReadRow>> {
  const rows = await executor
    .select()
    .from(credentialReads)
    .where(and(eq(credentialReads.credentialId, options.credentialId), afterRead(options.after)))
    .orderBy(asc(credentialReads.at), asc(credentialReads.id))
    .limit(options.limit + 1);
  return pageBy(rows, options.limit, (row) => ({ createdAt: row.at, id: String(row.id) }));
}
