import { z } from "zod";
import { isoDateSchema } from "../documents/iso-date.js";
import { PAYMENT_REVERSAL_REASONS } from "./payment-reversal.js";

/**
 * zod schema of a payment reversal as a user records it: why (`returned` or
 * `recorded-in-error`), on which day, and an optional note (the bank's return reason, e.g.
 * `"MD06 Rückgabe auf Verlangen des Zahlers"`).
 */
export const paymentReversalInputSchema = z.strictObject({
  reason: z.enum(PAYMENT_REVERSAL_REASONS),
  /** The day the payment was reversed: not before the payment arrived, not after today. */
  reversedOn: isoDateSchema,
  /** Free text for people, 1–500 characters after trimming. */
  note: z.string().trim().min(1).max(500).optional(),
});

/** A reversal as given to `reversePayment` (before validation). */
export type PaymentReversalInput = z.input<typeof paymentReversalInputSchema>;
