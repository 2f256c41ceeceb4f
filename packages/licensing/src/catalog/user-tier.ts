import { type Money, moneySchema } from "@kontor/money";
import { z } from "zod";

/**
 * One step of a stepped price list: up to `users` users for `price` per term (12 months, or the
 * perpetual license with its first 12 months of maintenance). `renewalPrice` is the price of a
 * further 12 months (L15); `null` means the same as `price`.
 */
export interface UserTier {
  readonly users: number;
  readonly price: Money;
  readonly renewalPrice: Money | null;
}

/** zod schema of a {@link UserTier}; prices in the JSON form `{ amount: "1200.00", currency: "EUR" }`. */
export const userTierSchema = z
  .object({
    users: z.number().int().positive(),
    price: moneySchema,
    renewalPrice: moneySchema.nullable().default(null),
  })
  .strict();

/** The JSON form of a {@link UserTier}, as accepted by {@link userTierSchema}. */
export type UserTierInput = z.input<typeof userTierSchema>;
