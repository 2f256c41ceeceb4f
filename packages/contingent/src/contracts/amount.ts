import { decimalStringSchema } from "@kontor/money";

/**
 * zod schema of a price in the contract's currency: a non-negative decimal string such as
 * `"95.00"` (P3: never a JavaScript number).
 */
export const priceSchema = decimalStringSchema.refine((value) => !value.startsWith("-"), {
  message: "A price must not be negative",
});
