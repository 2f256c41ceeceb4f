import type { ServiceReportPosition } from "@kontor/db";
import { monthKeySchema } from "@kontor/contingent";
import { badRequest, fieldError } from "../../http/problem.js";

// The list is ordered by month, not by creation instant, so its cursor holds (month, id)
// instead of the (createdAt, id) of `http/pagination.ts`.

/** Encodes a list position as an opaque cursor. */
export function encodeServiceReportCursor(position: ServiceReportPosition): string {
  return Buffer.from(JSON.stringify([position.month, position.id]), "utf8").toString("base64url");
}

/** Decodes a cursor of {@link encodeServiceReportCursor}, or answers 400 naming `query.cursor`. */
export function decodeServiceReportCursor(cursor: string | undefined): ServiceReportPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && decoded.length === 2 && monthKeySchema.safeParse(decoded[0]).success && typeof decoded[1] === "string" && decoded[1] !== "") {
      return { month: decoded[0] as string, id: decoded[1] };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest(fieldError("query", ["cursor"], "invalid_cursor", "is not a cursor this API issued"));
}
