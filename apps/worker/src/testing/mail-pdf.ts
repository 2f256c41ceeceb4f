import { schema, type DatabaseHandle } from "@kontor/db";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { CapturedMail } from "./capture-smtp-server.js";

/** The one PDF a document mail carries (invoice, service report, confirmation, delivery note), as bytes to read back. */
export function pdfOf(mail: CapturedMail): Uint8Array {
  const [attachment, ...others] = mail.parsed.attachments;
  expect(others).toEqual([]);
  expect(attachment?.contentType).toBe("application/pdf");
  if (attachment === undefined) throw new Error("mail without attachment");
  return new Uint8Array(attachment.content);
}

/** The last number a document number series issued (`undefined` before the series exists). */
export async function lastIssued(database: DatabaseHandle, seriesId: string): Promise<string | null | undefined> {
  const [row] = await database.db.select().from(schema.numberSeries).where(eq(schema.numberSeries.id, seriesId));
  return row?.lastIssued;
}
