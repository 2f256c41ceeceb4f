import type { OutboxRow } from "@kontor/db";
import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";

/**
 * The payload of `licensing.confirmation-to-send` as the API's `orderOutboxEvents` writes it:
 * the package's `ConfirmationDocument` in its JSON form (amounts as `{ amount, currency }`).
 */
const confirmationEventSchema = z.object({
  orderId: z.string().min(1),
  at: z.string().min(1),
  document: z.object({
    orderId: z.string().min(1),
    orderKind: z.enum(["license", "service"]),
    customerId: z.string().min(1),
    /** L1: the addressee the customer asked for, otherwise the customer's name. */
    addressee: z.string().min(1),
    /** L1: the customer's own order (PO) number. */
    customerPoNumber: z.string().min(1).nullable(),
    confirmedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    items: z
      .array(
        z.object({
          description: z.string().min(1),
          quantity: z.string(),
          amount: moneyJsonSchema.nullable(),
        }),
      )
      .min(1),
    total: moneyJsonSchema.nullable(),
  }),
});

/** A parsed confirmation-to-send event (L1). */
export type ConfirmationEvent = z.infer<typeof confirmationEventSchema>;

/** The confirmation of an outbox event; a payload of another shape is a wiring mistake and fails the event. */
export function confirmationEventOf(event: OutboxRow): ConfirmationEvent {
  const parsed = confirmationEventSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no order confirmation: ${parsed.error.message}`);
  return parsed.data;
}
