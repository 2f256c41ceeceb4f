import { asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { mailDeliveries } from "../schema/worker.js";

/** A recorded outbound mail. */
export type MailDeliveryRow = typeof mailDeliveries.$inferSelect;

/** A mail about to be sent. */
export interface NewMailDelivery {
  readonly dedupeKey: string;
  readonly messageId: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly outboxId?: number;
}

/**
 * Claims a mail's dedupe key in the caller's transaction. `true`: send it now (and commit after
 * the SMTP server accepted it); `false`: it was sent before, send nothing. Concurrent claims of
 * one key wait on the primary key, so only one sends.
 */
export async function claimMailDelivery(executor: Executor, delivery: NewMailDelivery, now: Date): Promise<boolean> {
  const rows = await executor
    .insert(mailDeliveries)
    .values({
      dedupeKey: delivery.dedupeKey,
      messageId: delivery.messageId,
      recipients: [...delivery.recipients],
      subject: delivery.subject,
      outboxId: delivery.outboxId ?? null,
      sentAt: now,
    })
    .onConflictDoNothing({ target: mailDeliveries.dedupeKey })
    .returning({ dedupeKey: mailDeliveries.dedupeKey });
  return rows.length === 1;
}

/** One delivery by dedupe key. */
export async function findMailDelivery(executor: Executor, dedupeKey: string): Promise<MailDeliveryRow | undefined> {
  const rows = await executor.select().from(mailDeliveries).where(eq(mailDeliveries.dedupeKey, dedupeKey));
  return rows[0];
}

/** Every delivery in sending order (tests, audit). */
export async function listMailDeliveries(executor: Executor): Promise<MailDeliveryRow[]> {
  return executor.select().from(mailDeliveries).orderBy(asc(mailDeliveries.sentAt), asc(mailDeliveries.dedupeKey));
}

/**
 * Forgets a delivery whose SMTP server refused the mail after the claiming transaction
 * committed, so the retried event sends it again.
 */
export async function forgetMailDelivery(executor: Executor, dedupeKey: string): Promise<void> {
  await executor.delete(mailDeliveries).where(eq(mailDeliveries.dedupeKey, dedupeKey));
}
