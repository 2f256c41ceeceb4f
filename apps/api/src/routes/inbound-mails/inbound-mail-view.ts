import type { InboundMailSummaryRow } from "@kontor/db";
import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";

/** Every status an inbound mail can have (K2–K4), as the API names it. */
export const inboundMailStatusSchema = z.enum(["received", "ticket-created", "appended", "ignored", "kept", "quarantined", "discarded"]);

/**
 * An inbound mail as staff review it: what intake decided and why (K2–K4), and who released or
 * discarded it. The raw bytes are served separately (`/raw`); the subject is not stored and is
 * therefore not shown (it is in the raw message).
 */
export const inboundMailSchema = z
  .object({
    id: z.string(),
    source: z.enum(["smtp", "imap"]),
    sender: z.string().nullable().describe("The From address once parsed; null when intake could not read one"),
    messageId: z.string().nullable().describe("Message-ID as sent (no brackets); null when intake could not read one"),
    size: z.number().int().describe("Size of the raw message in bytes"),
    status: inboundMailStatusSchema,
    reasonCode: z.string().nullable().describe("Stable code of intake's decision, e.g. `K2_UNKNOWN_SENDER`; null while `received`"),
    reason: z.string().nullable(),
    ticketId: z.string().nullable().describe("The ticket the mail opened or was appended to"),
    receivedAt: instantSchema,
    processedAt: instantSchema.nullable(),
    organizationId: z.string().nullable().describe("Organization staff assigned on release (K2); intake treats the sender as its contact"),
    releasedBy: z.string().nullable(),
    releasedAt: instantSchema.nullable(),
    discardedBy: z.string().nullable(),
    discardedAt: instantSchema.nullable(),
    discardNote: z.string().nullable(),
  })
  .meta({ id: "InboundMail" });

/** An inbound mail as the API returns it. */
export type InboundMailView = z.infer<typeof inboundMailSchema>;

function iso(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString();
}

/** Maps a stored inbound mail (without its bytes) to the API's view. */
export function inboundMailView(row: InboundMailSummaryRow): InboundMailView {
  return {
    id: row.id,
    source: row.source,
    sender: row.sender,
    messageId: row.messageId,
    size: row.size,
    status: row.status,
    reasonCode: row.reasonCode,
    reason: row.reason,
    ticketId: row.ticketId,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: iso(row.processedAt),
    organizationId: row.assignedOrganizationId,
    releasedBy: row.releasedBy,
    releasedAt: iso(row.releasedAt),
    discardedBy: row.discardedBy,
    discardedAt: iso(row.discardedAt),
    discardNote: row.discardNote,
  };
}
