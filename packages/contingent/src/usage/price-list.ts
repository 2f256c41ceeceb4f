import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { priceSchema } from "../contracts/amount.js";
import { meterSchema } from "./meter.js";

/**
 * One version of a managed-services price list (C9, P1): the unit price per meter from
 * `effectiveFrom` on. Each version is complete — a meter it omits is not priced while it is in
 * force. Usage of a month is priced by the version in force on the month's 1st.
 */
export const priceListVersionSchema = z.strictObject({
  effectiveFrom: isoDateSchema,
  prices: z
    .array(z.strictObject({ meter: meterSchema, unitPrice: priceSchema }))
    .min(1)
    .refine((prices) => new Set(prices.map((p) => p.meter)).size === prices.length, {
      message: "Each meter may be priced once per version",
    }),
});

/** JSON form of a {@link PriceListVersion}. */
export type PriceListVersionInput = z.input<typeof priceListVersionSchema>;
/** One version of a pay-per-use price list. */
export type PriceListVersion = z.output<typeof priceListVersionSchema>;
