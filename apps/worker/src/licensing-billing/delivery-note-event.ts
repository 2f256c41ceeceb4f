import type { OutboxRow } from "@kontor/db";
import { z } from "zod";

/**
 * The payload of `licensing.delivery-note-to-send` as the API's `orderOutboxEvents` writes it:
 * the package's `DeliveryNote` with every key moved to `sealedKey` (L13: the table never holds
 * a key in plain text; the mailer opens it).
 */
const deliveryNoteEventSchema = z.object({
  orderId: z.string().min(1),
  at: z.string().min(1),
  document: z.object({
    orderId: z.string().min(1),
    addressee: z.string().min(1),
    customerPoNumber: z.string().nullable(),
    deliveredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    items: z
      .array(
        z.object({
          lineId: z.string().min(1),
          description: z.string().min(1),
          sealedKey: z.string().min(1).nullable(),
          note: z.string().nullable(),
        }),
      )
      .min(1),
  }),
});

/** A parsed delivery-note event. */
export type DeliveryNoteEvent = z.infer<typeof deliveryNoteEventSchema>;

/** The delivery note of an outbox event; a payload of another shape is a wiring mistake. */
export function deliveryNoteEventOf(event: OutboxRow): DeliveryNoteEvent {
  const parsed = deliveryNoteEventSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no delivery note: ${parsed.error.message}`);
  return parsed.data;
}
