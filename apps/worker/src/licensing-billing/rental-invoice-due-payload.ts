import type { OutboxRow } from "@kontor/db";
import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import type { RentalInvoiceDuePayload } from "../licensing/rental-invoice-due-event.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** zod schema of {@link RentalInvoiceDuePayload}, as the rental month billing job writes it (M5). */
const rentalInvoiceDuePayloadSchema = z.object({
  subscriptionId: z.string().min(1),
  organizationId: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  supplyPeriod: z.object({ start: isoDate, end: isoDate }),
  lines: z
    .array(
      z.object({
        addOnId: z.string().min(1).nullable(),
        description: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPrice: moneyJsonSchema,
        amount: moneyJsonSchema,
      }),
    )
    .min(1),
  total: moneyJsonSchema,
  policyId: z.string().min(1),
}) satisfies z.ZodType<RentalInvoiceDuePayload>;

/** The charge of a `licensing.rental-invoice-due` event; a payload of another shape is a wiring mistake. */
export function rentalInvoiceDuePayloadOf(event: OutboxRow): RentalInvoiceDuePayload {
  const parsed = rentalInvoiceDuePayloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no rental charge: ${parsed.error.message}`);
  return parsed.data;
}
