import { claimMailDelivery, type KontorTransaction } from "@kontor/db";
import type { WorkerContext } from "../worker-context.js";
import type { MailMessage } from "./mail-sender.js";
import { holdUntilCommit } from "./mail-transaction.js";

/**
 * K4: every mail the worker sends is automated (invoices, reports, notices, ticket mail), so it
 * says so; an auto-reply to it is then suppressed or recognised and never becomes a ticket.
 * A mail's own headers may add to these.
 */
const AUTOMATED = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" } as const;

/** A mail plus the key that makes it the same mail when an event is handled again. */
export interface DedupedMail extends MailMessage {
  readonly dedupeKey: string;
}

/**
 * Sends `mail` exactly once per dedupe key (ARCHITECTURE "Runtime"), in two phases: the key is
 * claimed in `tx` and the SMTP transaction is opened and filled up to DATA's final dot now; the
 * dot goes out only after `tx` committed (the outbox delivery does that). A crash before the
 * commit leaves an unfinished SMTP transaction the server discards, and the retry sends the
 * mail; after the commit the key is taken and the mail is never sent again. Only call it in a
 * transaction run by the outbox delivery (`deliverDueOutboxEvents`), which completes the mails.
 *
 * @returns `true` when it is being sent now, `false` when it had been sent already
 */
export async function sendMailOnce(tx: KontorTransaction, context: WorkerContext, mail: DedupedMail, outboxId?: number): Promise<boolean> {
  const messageId = mail.headers["Message-ID"] ?? `<${mail.dedupeKey.replace(/[^A-Za-z0-9.-]/g, "-")}@${context.settings.mail.messageIdDomain}>`;
  const claimed = await claimMailDelivery(
    tx,
    { dedupeKey: mail.dedupeKey, messageId, recipients: mail.to, subject: mail.subject, ...(outboxId === undefined ? {} : { outboxId }) },
    context.clock.now(),
  );
  if (!claimed) return false;
  const prepared = await context.mail.prepare({ ...mail, headers: { ...AUTOMATED, ...mail.headers, "Message-ID": messageId } });
  holdUntilCommit(tx, { dedupeKey: mail.dedupeKey, prepared });
  return true;
}
