import { claimMailDelivery, type KontorTransaction } from "@kontor/db";
import type { WorkerContext } from "../worker-context.js";
import type { MailMessage } from "./mail-sender.js";

/** A mail plus the key that makes it the same mail when an event is handled again. */
export interface DedupedMail extends MailMessage {
  readonly dedupeKey: string;
}

/**
 * Sends `mail` unless its dedupe key was sent before (ARCHITECTURE "Runtime"): the key is
 * claimed in `tx` first, then the SMTP server must accept the mail before `tx` commits. A crash
 * before the commit sends the mail again with the same Message-ID on retry (at least once, and
 * receiving clients collapse equal Message-IDs); after the commit it is never sent again.
 *
 * @returns `true` when it was sent now, `false` when it had been sent already
 */
export async function sendMailOnce(tx: KontorTransaction, context: WorkerContext, mail: DedupedMail, outboxId?: number): Promise<boolean> {
  const messageId = mail.headers["Message-ID"] ?? `<${mail.dedupeKey.replace(/[^A-Za-z0-9.-]/g, "-")}@${context.settings.mail.messageIdDomain}>`;
  const claimed = await claimMailDelivery(
    tx,
    { dedupeKey: mail.dedupeKey, messageId, recipients: mail.to, subject: mail.subject, ...(outboxId === undefined ? {} : { outboxId }) },
    context.clock.now(),
  );
  if (!claimed) return false;
  await context.mail.send({ ...mail, headers: { ...mail.headers, "Message-ID": messageId } });
  return true;
}
