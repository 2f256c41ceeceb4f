import type { KontorTransaction } from "@kontor/db";
import type { PreparedMail } from "./mail-sender.js";

/** A mail held at the final dot, waiting for its transaction. */
export interface HeldMail {
  readonly dedupeKey: string;
  readonly prepared: PreparedMail;
}

const held = new WeakMap<KontorTransaction, HeldMail[]>();

/** Holds `mail` until `tx` commits ({@link completeHeldMails}) or rolls back ({@link abortHeldMails}). */
export function holdUntilCommit(tx: KontorTransaction, mail: HeldMail): void {
  const list = held.get(tx);
  if (list === undefined) held.set(tx, [mail]);
  else list.push(mail);
}

/** The mails held by `tx`, in the order they were prepared, and forgets them. */
export function takeHeldMails(tx: KontorTransaction): HeldMail[] {
  const list = held.get(tx) ?? [];
  held.delete(tx);
  return list;
}

/** Drops the SMTP transactions of a rolled-back transaction: the server discards the mails. */
export function abortHeldMails(mails: readonly HeldMail[]): void {
  for (const mail of mails) mail.prepared.abort();
}

/**
 * After the commit: sends the final dot of each held mail, in order. Returns the dedupe keys the
 * server refused at that point (their deliveries must be forgotten and retried).
 */
export async function completeHeldMails(mails: readonly HeldMail[]): Promise<{ readonly refused: readonly { readonly dedupeKey: string; readonly error: unknown }[] }> {
  const refused: { dedupeKey: string; error: unknown }[] = [];
  for (const [index, mail] of mails.entries()) {
    try {
      await mail.prepared.complete();
    } catch (error) {
      refused.push({ dedupeKey: mail.dedupeKey, error });
      // Keep the C8 order: a later mail of the same event waits for the retry.
      for (const later of mails.slice(index + 1)) {
        later.prepared.abort();
        refused.push({ dedupeKey: later.dedupeKey, error: new Error("an earlier mail of the event was refused") });
      }
      break;
    }
  }
  return { refused };
}
