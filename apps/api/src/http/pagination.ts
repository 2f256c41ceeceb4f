import type { KeysetPosition, Page } from "@kontor/db";
import { z } from "zod";
import { badRequest, fieldError } from "./problem.js";

/** Query parameters of every list endpoint: page size and the opaque cursor of the next page. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200)"),
  cursor: z.string().min(1).max(200).optional().describe("`nextCursor` of the previous page"),
});

/** The body of every list response. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  });
}

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), "utf8").toString("base64url");
}

/** Decodes a cursor, or answers 400 naming `query.cursor`. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[0] === "string" && typeof decoded[1] === "string") {
      const createdAt = new Date(decoded[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: decoded[1] };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest(fieldError("query", ["cursor"], "invalid_cursor", "is not a cursor this API issued"));
}

/** Maps a page of rows to the response body. */
export function toPageBody<Row, Item>(page: Page<Row>, map: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  return { items: page.items.map(map), nextCursor: page.next === undefined ? null : encodeCursor(page.next) };
}
