import { type Money, moneySchema } from "@kontor/money";
import { z } from "zod";

/**
 * An add-on offered for one product (M6: the choice depends on the product). For a rental the
 * price is per unit and month.
 */
export interface AddOn {
  readonly id: string;
  readonly name: string;
  readonly pricePerUnit: Money;
}

/** zod schema of an {@link AddOn}. */
export const addOnSchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), pricePerUnit: moneySchema })
  .strict();

/** The JSON form of an {@link AddOn}. */
export type AddOnInput = z.input<typeof addOnSchema>;
