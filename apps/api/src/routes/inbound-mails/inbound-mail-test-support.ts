import { randomUUID } from "node:crypto";
import { findInboundMail, insertInboundMail, markInboundMailProcessed, type InboundMailOutcome, type InboundMailRow } from "@kontor/db";
import type { TestApi } from "../../testing/test-api.js";

/** A minimal RFC 5322 message in Latin-1 bytes (umlauts as single bytes, not UTF-8). */
export function rawMail(options: { readonly from: string; readonly subject: string; readonly messageId?: string; readonly body?: string }): Buffer {
  const lines = [
    `From: ${options.from}`,
    "To: kundensupport@meinsystemhaus.de",
    `Subject: ${options.subject}`,
    `Message-ID: <${options.messageId ?? `${randomUUID()}@example.org`}>`,
    "Date: Mon, 16 Nov 2026 09:00:00 +0100",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=ISO-8859-1",
    "Content-Transfer-Encoding: 8bit",
    "",
    options.body ?? "Grüße aus Köln",
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "latin1");
}

/**
 * Stores a mail as the worker would and records intake's decision on it (tests and contract
 * cases): by default quarantined as K2_UNKNOWN_SENDER.
 */
export async function quarantinedMail(
  api: TestApi,
  options: { readonly from: string; readonly subject: string; readonly raw?: Uint8Array; readonly outcome?: Partial<InboundMailOutcome> },
): Promise<InboundMailRow> {
  const id = randomUUID();
  const messageId = `${id}@example.org`;
  const raw = options.raw ?? rawMail({ ...options, messageId });
  const now = api.clock.now();
  const inserted = await insertInboundMail(
    api.database.db,
    { id, source: "smtp", envelope: { source: "smtp", mailFrom: options.from, rcptTo: ["kundensupport@meinsystemhaus.de"], remoteAddress: "127.0.0.1", clientHostname: "localhost" }, raw },
    now,
  );
  if (inserted === undefined) throw new Error("inbound mail was not stored");
  await markInboundMailProcessed(
    api.database.db,
    id,
    {
      status: "quarantined",
      reasonCode: "K2_UNKNOWN_SENDER",
      reason: `${options.from} belongs to no known organization`,
      messageId,
      sender: options.from,
      ...options.outcome,
    },
    now,
  );
  const row = await findInboundMail(api.database.db, id);
  if (row === undefined) throw new Error("inbound mail vanished");
  return row;
}
