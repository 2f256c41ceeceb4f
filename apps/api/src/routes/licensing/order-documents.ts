import { sealSecret, type LicenseOrderRow } from "@kontor/db";
import type { LicenseOrder, Order } from "@kontor/licensing";
import type { z } from "zod";
import { toJson } from "./licensing-context.js";
import type { orderResponseSchema } from "./licensing-schemas.js";

/** The key marker of a stored order: keys already sealed stay as they are. */
const SEALED = /^v1:/;

/**
 * An order as stored: its JSON with every delivered key sealed (L13: keys are secrets of the
 * original purchaser and never lie in the database in plain text).
 */
export function orderDocument(order: Order): Record<string, unknown> {
  if (order.kind !== "license") return toJson(order);
  const keys = order.keys.map((item) => ({ ...item, key: SEALED.test(item.key) ? item.key : sealSecret(item.key) }));
  return toJson({ ...order, keys } satisfies LicenseOrder);
}

/** Response body of a stored order: keys are listed by line only (read them on the license, L13). */
export function orderToResponse(row: LicenseOrderRow): z.infer<typeof orderResponseSchema> {
  const record = row.record as { orderId: string; kind: "license" | "service"; status: string; keys?: { lineId: string }[] };
  const order = record.keys === undefined ? record : { ...record, keys: record.keys.map((item) => ({ lineId: item.lineId })) };
  return { id: row.id, organizationId: row.organizationId, quoteId: row.quoteId, version: row.version, order };
}
