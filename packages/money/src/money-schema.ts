import { z } from "zod";
import { currencyCodeSchema } from "./currency.js";
import { Money } from "./money.js";

/** zod schema of a decimal amount string such as `"-1234.56"` (no exponent, no grouping). */
export const decimalStringSchema = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,10})?$/, "Expected a decimal string like \"1234.56\"");

/** zod schema of the JSON form of money: `{ amount: "1234.56", currency: "EUR" }`. */
export const moneyJsonSchema = z
  .object({
    amount: decimalStringSchema,
    currency: currencyCodeSchema,
  })
  .strict();

/** zod schema that validates the JSON form and yields a {@link Money}. */
export const moneySchema = moneyJsonSchema.transform((json) => Money.fromJSON(json));
