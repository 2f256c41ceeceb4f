import { isoDateSchema } from "@kontor/calendar";
import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";

const percentSchema = z.string().regex(/^-?\d{1,3}(\.\d{1,4})?$/, "Expected a percentage like \"1.27\" or \"-0.88\"");

/** One published value of the base rate (Basiszinssatz, §247 BGB), in force from its date. */
export const baseRateSchema = z.object({
  effectiveFrom: isoDateSchema,
  /** The base rate in percent; it can be negative (−0.88 % from 2016-07-01 to 2022-12-31). */
  ratePercent: percentSchema,
  /** Where the value comes from, or why it must still be checked. */
  note: z.string().optional(),
});

/** See {@link baseRateSchema}. */
export type BaseRate = z.infer<typeof baseRateSchema>;

/**
 * The German late-payment policy (RULES.md T6, §§ 247, 288 BGB): the base-rate table, the
 * surcharges in percentage points and the flat fee for business debtors.
 */
export const latePaymentPolicySchema = policyHeaderSchema.extend({
  /** Surcharge over the base rate when the debtor is not a consumer (§288 (2) BGB: 9 points). */
  businessSurchargePoints: percentSchema,
  /** Surcharge over the base rate for consumers (§288 (1) BGB: 5 points). */
  consumerSurchargePoints: percentSchema,
  /** Flat fee for business debtors (§288 (5) BGB: 40 EUR). */
  flatFee: moneyJsonSchema,
  /** Days of a year in the interest formula; 365 (act/365 fixed). */
  dayCountBasis: z.union([z.literal(365), z.literal(360), z.literal(366)]),
  /** Base-rate values, each in force from its date until the next one. */
  baseRates: z.array(baseRateSchema).min(1),
});

/** See {@link latePaymentPolicySchema}. */
export type LatePaymentPolicy = z.infer<typeof latePaymentPolicySchema>;
