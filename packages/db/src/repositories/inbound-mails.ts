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

/** Inbound mails not decided yet, oldest first, locked for the caller (others skip them). */
export async function claimReceivedInboundMails(executor: Executor, limit: number): Promise<InboundMailRow[]> {
  return executor
    .select()
    .from(inboundMails)
    .where(eq(inboundMails.status, "received"))
    .orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** The outcome of intake for one mail. */
export interface InboundMailOutcome {
  readonly status: Exclude<InboundMailStatus, "received">;
  readonly reasonCode: string;
  readonly reason: string;
  readonly messageId?: string | undefined;
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

/** Receipt instants of recent mails (K4 rate limits), oldest first, with sender-free rows. */
export async function inboundMailsSince(
  executor: Executor,
  since: Date,
): Promise<{ readonly receivedAt: Date; readonly ticketId: string | null; readonly envelope: unknown }[]> {
  return executor
    .select({ receivedAt: inboundMails.receivedAt, ticketId: inboundMails.ticketId, envelope: inboundMails.envelope })
    .from(inboundMails)
    .where(sql`${inboundMails.receivedAt} >= ${since}`)
    .orderBy(asc(inboundMails.receivedAt));
}

/** Inbound mails in a status (operators' quarantine view, tests). */
export async function inboundMailsWithStatus(executor: Executor, status: InboundMailStatus): Promise<InboundMailRow[]> {
  return executor.select().from(inboundMails).where(eq(inboundMails.status, status)).orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id));
}
