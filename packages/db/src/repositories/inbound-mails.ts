import { and, asc, eq, getTableColumns, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { inboundMails, type InboundMailStatus } from "../schema/worker.js";
import { columnsWithout } from "./columns-without.js";

/** A stored inbound mail. */
export type InboundMailRow = typeof inboundMails.$inferSelect;

/** An inbound mail without its raw bytes and envelope: what review lists show (K2–K4). */
export type InboundMailSummaryRow = Omit<InboundMailRow, "raw" | "envelope">;

const summaryColumns = columnsWithout(columnsWithout(getTableColumns(inboundMails), "raw"), "envelope");

/** Statuses staff may release or discard: the intake kept the mail unprocessed or quarantined it (K2). */
export const REVIEWABLE_INBOUND_MAIL_STATUSES = ["quarantined", "kept"] as const satisfies readonly InboundMailStatus[];

/** A status of {@link REVIEWABLE_INBOUND_MAIL_STATUSES}. */
export type ReviewableInboundMailStatus = (typeof REVIEWABLE_INBOUND_MAIL_STATUSES)[number];

/** An inbound mail as it arrived, before parsing. */
export interface NewInboundMail {
  readonly id: string;
  readonly source: "smtp" | "imap";
  readonly envelope: unknown;
  /** Unique per source message (IMAP); a second store of the same key is a no-op. */
  readonly sourceKey?: string;
  readonly raw: Uint8Array;
}

/**
 * Stores the raw message first (K2: nothing is lost, whatever parsing says later). Returns the
 * row, or `undefined` when a message with the same `sourceKey` is stored already.
 */
export async function insertInboundMail(executor: Executor, mail: NewInboundMail, now: Date): Promise<InboundMailRow | undefined> {
  const rows = await executor
    .insert(inboundMails)
    .values({
      id: mail.id,
      source: mail.source,
      envelope: mail.envelope,
      sourceKey: mail.sourceKey ?? null,
      raw: mail.raw,
      size: mail.raw.byteLength,
      status: "received",
      receivedAt: now,
    })
    .onConflictDoNothing({ target: inboundMails.sourceKey })
    .returning();
  return rows[0];
}

/** One inbound mail; `forUpdate` locks it until the transaction ends (one worker decides it). */
export async function findInboundMail(executor: Executor, id: string, options: { readonly forUpdate?: boolean } = {}): Promise<InboundMailRow | undefined> {
  const query = executor.select().from(inboundMails).where(eq(inboundMails.id, id));
  const rows = options.forUpdate === true ? await query.for("update") : await query;
  return rows[0];
}

/** Ids of inbound mails not decided yet, oldest first (the intake sweep after a restart). */
export async function pendingInboundMailIds(executor: Executor, limit: number): Promise<string[]> {
  const rows = await executor
    .select({ id: inboundMails.id })
    .from(inboundMails)
    .where(eq(inboundMails.status, "received"))
    .orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** The outcome of intake for one mail. */
export interface InboundMailOutcome {
  readonly status: Exclude<InboundMailStatus, "received" | "discarded">;
  readonly reasonCode: string;
  readonly reason: string;
  readonly messageId?: string | undefined;
  readonly sender?: string | undefined;
  readonly ticketId?: string | undefined;
}

/** Records the intake decision of a mail. */
export async function markInboundMailProcessed(executor: Executor, id: string, outcome: InboundMailOutcome, now: Date): Promise<void> {
  await executor
    .update(inboundMails)
    .set({
      status: outcome.status,
      reasonCode: outcome.reasonCode,
      reason: outcome.reason.slice(0, 2000),
      messageId: outcome.messageId ?? null,
      sender: outcome.sender ?? null,
      ticketId: outcome.ticketId ?? null,
      processedAt: now,
    })
    .where(eq(inboundMails.id, id));
}

/** The ticket an inbound Message-ID was attached to (K3: replies to the customer's own mail). */
export async function ticketIdsByInboundMessageIds(executor: Executor, messageIds: readonly string[]): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await executor
    .select({ messageId: inboundMails.messageId, ticketId: inboundMails.ticketId })
    .from(inboundMails)
    .where(and(inArray(inboundMails.messageId, [...messageIds]), isNotNull(inboundMails.ticketId)));
  const found = new Map<string, string>();
  for (const row of rows) if (row.messageId !== null && row.ticketId !== null) found.set(row.messageId, row.ticketId);
  return found;
}

/**
 * Decided mails received since `since` that count toward the K4 rate limits (created,
 * appended or quarantined), oldest first.
 */
export async function recentIntake(
  executor: Executor,
  since: Date,
): Promise<{ readonly receivedAt: Date; readonly sender: string; readonly ticketId: string | null }[]> {
  const rows = await executor
    .select({ receivedAt: inboundMails.receivedAt, sender: inboundMails.sender, ticketId: inboundMails.ticketId })
    .from(inboundMails)
    .where(
      and(
        sql`${inboundMails.receivedAt} >= ${since}`,
        inArray(inboundMails.status, ["ticket-created", "appended", "quarantined"]),
        isNotNull(inboundMails.sender),
      ),
    )
    .orderBy(asc(inboundMails.receivedAt));
  return rows.map((row) => ({ receivedAt: row.receivedAt, sender: row.sender ?? "", ticketId: row.ticketId }));
}

/** Inbound mails in a status (operators' quarantine view, tests). */
export async function inboundMailsWithStatus(executor: Executor, status: InboundMailStatus): Promise<InboundMailRow[]> {
  return executor.select().from(inboundMails).where(eq(inboundMails.status, status)).orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id));
}

/**
 * One page of inbound mails in `status`, oldest first by `(receivedAt, id)`, without the raw
 * bytes (the K2 review list). The page position's `createdAt` is the mail's `receivedAt`.
 */
export async function listInboundMails(
  executor: Executor,
  options: { readonly status: InboundMailStatus; readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<InboundMailSummaryRow>> {
  const rows = await executor
    .select(summaryColumns)
    .from(inboundMails)
    .where(and(eq(inboundMails.status, options.status), afterPosition(inboundMails.receivedAt, inboundMails.id, options.after)))
    .orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, next: rows.length > options.limit && last !== undefined ? { createdAt: last.receivedAt, id: last.id } : undefined };
}

/** One inbound mail without its raw bytes and envelope. */
export async function findInboundMailSummary(executor: Executor, id: string): Promise<InboundMailSummaryRow | undefined> {
  const rows = await executor.select(summaryColumns).from(inboundMails).where(eq(inboundMails.id, id));
  return rows[0];
}

/** Who released a mail, and to which organization (K2: the sender becomes its contact). */
export interface InboundMailRelease {
  readonly organizationId: string;
  readonly releasedBy: string;
}

/**
 * Hands a kept or quarantined mail back to intake (K2): status `received`, the assigned
 * organization stored, the previous decision (reason, ticket, processing instant) cleared. The
 * worker's sweep decides it again like any other mail. Returns the updated mail, or `undefined`
 * when it does not exist or is not in a {@link REVIEWABLE_INBOUND_MAIL_STATUSES} status (the
 * check and the change are one statement, so a concurrent release or discard cannot both win).
 */
export async function releaseInboundMail(executor: Executor, id: string, release: InboundMailRelease, now: Date): Promise<InboundMailSummaryRow | undefined> {
  const rows = await executor
    .update(inboundMails)
    .set({
      status: "received",
      reasonCode: null,
      reason: null,
      ticketId: null,
      processedAt: null,
      assignedOrganizationId: release.organizationId,
      releasedBy: release.releasedBy,
      releasedAt: now,
    })
    .where(and(eq(inboundMails.id, id), inArray(inboundMails.status, [...REVIEWABLE_INBOUND_MAIL_STATUSES])))
    .returning(summaryColumns);
  return rows[0];
}

/** Who discarded a mail, and why. */
export interface InboundMailDiscard {
  readonly note: string;
  readonly discardedBy: string;
}

/**
 * Marks a kept or quarantined mail `discarded`, recording who, when and why. The raw bytes are
 * never deleted (K2: nothing is lost). Returns the updated mail, or `undefined` when it does not
 * exist or is not in a {@link REVIEWABLE_INBOUND_MAIL_STATUSES} status.
 */
export async function discardInboundMail(executor: Executor, id: string, discard: InboundMailDiscard, now: Date): Promise<InboundMailSummaryRow | undefined> {
  const rows = await executor
    .update(inboundMails)
    .set({ status: "discarded", discardedBy: discard.discardedBy, discardedAt: now, discardNote: discard.note })
    .where(and(eq(inboundMails.id, id), inArray(inboundMails.status, [...REVIEWABLE_INBOUND_MAIL_STATUSES])))
    .returning(summaryColumns);
  return rows[0];
}
