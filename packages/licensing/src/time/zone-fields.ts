import { DEFAULT_ZONE, isoDateSchema, zoneSchema } from "@kontor/calendar";
import { z } from "zod";

/** zod schema of a calendar day `YYYY-MM-DD` (re-used from `@kontor/calendar`). */
export const dateSchema = isoDateSchema;

/** zod schema of an IANA zone name that defaults to `Europe/Berlin` (P2). */
export const customerZoneSchema = zoneSchema.default(DEFAULT_ZONE);

/** zod schema of an instant stored in state: an ISO 8601 date-time with offset. */
export const instantStringSchema = z.iso.datetime({ offset: true });
