import { calendarRefSchema } from "@kontor/calendar";
import { currencyCodeSchema, moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";
import { billingModelSchema, buyerRoleSchema, paymentMethodSchema } from "./payment-method.js";

const dayCount = z.number().int().min(0).max(366);

/**
 * How long a payment takes to clear (RULES.md T2):
 * - `immediate`: clears the day it is made (card, PayPal);
 * - `business-days`: between `minDays` and `maxDays` business days of `calendar` after the start
 *   (TARGET2 or a German state for SEPA transfers, `"US"` for ACH);
 * - `calendar-days`: between `minDays` and `maxDays` calendar days (checks by post);
 * - `net-terms`: on invoice; the payer may pay any day up to the due date (see `netDays`).
 */
export const clearingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("immediate") }),
  z.object({ kind: z.literal("business-days"), minDays: dayCount, maxDays: dayCount, calendar: calendarRefSchema }),
  z.object({ kind: z.literal("calendar-days"), minDays: dayCount, maxDays: dayCount }),
  z.object({ kind: z.literal("net-terms") }),
]).refine((c) => !("minDays" in c) || c.minDays <= c.maxDays, { message: "minDays must not exceed maxDays" });

/** See {@link clearingSchema}. */
export type Clearing = z.infer<typeof clearingSchema>;

/** When one payment method is offered (RULES.md T1). Every condition is optional. */
export const paymentMethodRuleSchema = z.object({
  method: paymentMethodSchema,
  /** Name for people (`"Kreditkarte"`). */
  label: z.string().min(1),
  /** Card brands accepted, for display. */
  brands: z.array(z.string().min(1)).optional(),
  /** Order currencies the method is refused for (T1: no card or check for AUD). */
  refusedCurrencies: z.array(currencyCodeSchema).default([]),
  /** When present, only orders of these billing models get the method. */
  billingModels: z.array(billingModelSchema).min(1).optional(),
  /** When present, only these buyer roles get the method. */
  buyerRoles: z.array(buyerRoleSchema).min(1).optional(),
  /** Minimum order value, compared in the order's currency through exchange rates. */
  minimumOrderValue: moneyJsonSchema.optional(),
  /** Days from the invoice date to the due date (on-invoice payment only). */
  netDays: z.number().int().min(0).max(366).optional(),
  clearing: clearingSchema,
});

/** See {@link paymentMethodRuleSchema}. */
export type PaymentMethodRule = z.infer<typeof paymentMethodRuleSchema>;

/**
 * A vendor's payment-terms policy (RULES.md T1, T2), in force from `effectiveFrom` (P1). The
 * order of `methods` is the order offers are listed in.
 */
export const paymentTermsPolicySchema = policyHeaderSchema.extend({
  methods: z.array(paymentMethodRuleSchema).min(1).refine((rules) => new Set(rules.map((r) => r.method)).size === rules.length, {
    message: "Each payment method may appear once",
  }),
  /** Billing models that accept only the listed methods (T1: cloud monthly is card only). */
  exclusiveMethods: z.array(z.object({ billingModel: billingModelSchema, methods: z.array(paymentMethodSchema).min(1) })).default([]),
});

/** See {@link paymentTermsPolicySchema}. */
export type PaymentTermsPolicy = z.infer<typeof paymentTermsPolicySchema>;
