import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { inboundMails, type InboundMailStatus } from "../schema/worker.js";

/** A stored inbound mail. */
export type InboundMailRow = typeof inboundMails.$inferSelect;

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
  readonly status: Exclude<InboundMailStatus, "received">;
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
