import type { KontorTransaction, OutboxRow } from "@kontor/db";
import type { WorkerContext } from "../worker-context.js";
import { sendMailOnce } from "./send-mail-once.js";

/** What an event's notice mail says and to whom. */
export interface EventMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Sends the notice mail an outbox event asks for (seat notices, reminders, alerts): from the
 * support address (K6), once per event (its dedupe key). Without recipients it sends nothing
 * and logs why: a retry would not find an address either.
 *
 * @returns whether a mail is being sent now
 */
export async function sendEventMail(tx: KontorTransaction, context: WorkerContext, event: OutboxRow, mail: EventMail): Promise<boolean> {
  if (mail.to.length === 0) {
    context.logger.warn({ dedupeKey: event.dedupeKey, topic: event.topic }, "event mail has no recipient; not sent");
    return false;
  }
  return sendMailOnce(
    tx,
    context,
    {
      dedupeKey: event.dedupeKey,
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers ?? {},
    },
    event.id,
  );
}
