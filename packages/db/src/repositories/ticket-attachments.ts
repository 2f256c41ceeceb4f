import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { ticketAttachments } from "../schema/tickets.js";
import { columnsWithout } from "./columns-without.js";

/** A stored attachment with its bytes. */
export type TicketAttachmentRow = typeof ticketAttachments.$inferSelect;

/** An attachment without its bytes, as ticket views list them. */
export type TicketAttachmentInfoRow = Omit<TicketAttachmentRow, "content">;

/** A new attachment; `meta` is the classified `TicketAttachment` of `@kontor/ticketing`. */
export interface NewTicketAttachment {
  readonly id: string;
  readonly ticketId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly meta: unknown;
  readonly content: Uint8Array;
  readonly uploadedBy: string;
}

const infoColumns = columnsWithout(getTableColumns(ticketAttachments), "content");

/** Stores an attachment; `size` is taken from the bytes. */
export async function insertTicketAttachment(executor: Executor, attachment: NewTicketAttachment, now: Date): Promise<TicketAttachmentInfoRow> {
  const [row] = await executor
    .insert(ticketAttachments)
    .values({ ...attachment, size: attachment.content.byteLength, createdAt: now })
    .returning(infoColumns);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** One attachment of one ticket, with its bytes. */
export async function findTicketAttachment(executor: Executor, ticketId: string, id: string): Promise<TicketAttachmentRow | undefined> {
  const [row] = await executor
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.ticketId, ticketId), eq(ticketAttachments.id, id)));
  return row;
}

/** The attachments of a ticket in upload order, without their bytes. */
export async function listTicketAttachments(executor: Executor, ticketId: string): Promise<TicketAttachmentInfoRow[]> {
  return executor
    .select(infoColumns)
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, ticketId))
    .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.id));
}
