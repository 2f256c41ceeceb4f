import { assetSchema } from "@kontor/ticketing";
import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { pageQuerySchema } from "../../http/pagination.js";
import { instantSchema } from "../../http/route-schemas.js";

/** An asset id the API can address again (`/v1/assets/:id` takes at most 100 characters). */
const assetIdSchema = assetSchema.shape.id.max(100);

/**
 * Body of `POST /v1/assets` (K11): `@kontor/ticketing`'s `Asset`, with the id and the recording
 * instant optional.
 */
export const assetCreateBodySchema = assetSchema.extend({
  id: assetIdSchema.optional().describe("Optional, e.g. the inventory number; a UUID is assigned otherwise"),
  recordedAt: assetSchema.shape.recordedAt.optional().describe("When it was recorded (goods receipt or inventory); now when absent"),
});

/**
 * Body of `PUT /v1/assets/:id` (K11): the whole record except its id, and the version it
 * replaces (optimistic locking).
 */
export const assetReplaceBodySchema = assetSchema.omit({ id: true }).extend({
  recordedAt: assetSchema.shape.recordedAt.optional().describe("Kept as stored when absent"),
  expectedVersion: z.int().min(1).describe("The `version` this replacement is based on; another one is 409"),
});

/** Query of `GET /v1/assets`: a keyset page, optionally of one organization. */
export const assetListQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization's assets (a portal user always sees only their own)"),
});

/** A stored asset as the API answers it (K11). */
export const assetResponseSchema = z
  .object({
    asset: assetSchema,
    earliestExpiry: isoDateSchema.nullable().describe("K11: the earliest warranty end or license expiry, which the daily expiry check looks at; null when nothing expires"),
    version: z.int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "StoredAsset" });
