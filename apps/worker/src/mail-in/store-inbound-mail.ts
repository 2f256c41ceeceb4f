import { randomUUID } from "node:crypto";
import { insertInboundMail, type DatabaseHandle, type InboundMailRow } from "@kontor/db";

/** Where an inbound message came from. */
export type InboundEnvelope =
  | { readonly source: "smtp"; readonly mailFrom: string; readonly rcptTo: readonly string[]; readonly remoteAddress: string; readonly clientHostname: string }
  | { readonly source: "imap"; readonly mailbox: string; readonly uidValidity: number; readonly uid: number };

/**
 * Stores the raw bytes before anything else happens (K2, ARCHITECTURE "Runtime"): whatever the
 * parser or the rules say later, the message is kept. Returns `undefined` when a message with
 * the same `sourceKey` (an IMAP UID seen before) is stored already.
 */
export async function storeInboundMail(
  database: DatabaseHandle,
  raw: Uint8Array,
  envelope: InboundEnvelope,
  now: Date,
  sourceKey?: string,
): Promise<InboundMailRow | undefined> {
  return insertInboundMail(
    database.db,
    { id: randomUUID(), source: envelope.source, envelope, ...(sourceKey === undefined ? {} : { sourceKey }), raw },
    now,
  );
}
