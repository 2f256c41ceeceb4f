import { type CalendarId, calendarRefSchema } from "@kontor/calendar";
import { z } from "zod";
import { dateSchema } from "../time/zone-fields.js";
import type { Versioned } from "./policy-in-force.js";

/**
 * The reseller's own order handling (seed 000 "Nach dem Auftrag"): how fast service orders are
 * answered (L2), when licenses are purchased (L3) and invoiced (L5), and whose holidays count.
 */
export interface FulfilmentPolicy extends Versioned {
  /** Business days within which the responsible team contacts a service customer (L2, default 2). */
  readonly serviceContactBusinessDays: number;
  /** Calendar days after purchase within which the invoice is due (L5, default 1). */
  readonly invoiceWithinDays: number;
  /** Holiday calendar for business days (L2, L10), default `"DE"`. */
  readonly calendar: CalendarId | readonly CalendarId[];
}

const fulfilmentPolicyObjectSchema = z
  .object({
    id: z.string().min(1),
    effectiveFrom: dateSchema,
    serviceContactBusinessDays: z.number().int().min(0).max(30),
    invoiceWithinDays: z.number().int().min(0).max(60),
    calendar: calendarRefSchema,
  })
  .strict();

/** zod schema of a {@link FulfilmentPolicy}. */
export const fulfilmentPolicySchema: z.ZodType<FulfilmentPolicy, z.input<typeof fulfilmentPolicyObjectSchema>> =
  fulfilmentPolicyObjectSchema;

/** The JSON form of a {@link FulfilmentPolicy}. */
export type FulfilmentPolicyInput = z.input<typeof fulfilmentPolicySchema>;
