import { moneySchema } from "@kontor/money";
import { z } from "zod";
import { isoDateSchema } from "../documents/iso-date.js";
import { PAYMENT_METHODS } from "./payment-method.js";

/**
 * zod schema of a payment as a user records it. `amount` is the JSON form of money
 * (`{ amount: "119.00", currency: "EUR" }`) and comes out as a `Money`; `receivedOn` is the day
 * the money arrived (the bank statement's value date), which is the day T6 interest stops
 * running on that amount.
 */
export const paymentInputSchema = z.strictObject({
  amount: moneySchema,
  /** The day the money arrived (value date of the bank statement). */
  receivedOn: isoDateSchema,
  method: z.enum(PAYMENT_METHODS),
  /** Bank statement text, card transaction ID or similar, for matching and audits. */
  reference: z.string().trim().min(1).max(140).optional(),
});

/** A payment as given to `recordPayment` (before validation). */
export type PaymentInput = z.input<typeof paymentInputSchema>;
