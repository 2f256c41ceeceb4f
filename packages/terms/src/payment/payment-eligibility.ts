import { zoneSchema } from "@kontor/calendar";
import { Money, moneySchema } from "@kontor/money";
import { z } from "zod";
import { dateInputSchema, localDate } from "../dates/date-input.js";
import { fail, ok, type Result } from "../errors/terms-error.js";
import { convertMoney, exchangeRatesSchema, type ExchangeRates } from "../exchange/exchange-rates.js";
import type { Decision } from "../policy/decision.js";
import { policyInForce } from "../policy/policy-history.js";
import { refOf } from "../policy/policy-ref.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "../policies/payment-terms-policies.js";
import { billingModelSchema, buyerRoleSchema, type PaymentMethod } from "./payment-method.js";
import type { Clearing, PaymentMethodRule, PaymentTermsPolicy } from "./payment-policy.js";

/** The order facts payment eligibility depends on (RULES.md T1). */
export const paymentOrderSchema = z.object({
  /** Order total; its currency is the order's currency. */
  amount: moneySchema,
  billingModel: billingModelSchema,
  buyerRole: buyerRoleSchema,
});

/** See {@link paymentOrderSchema}. */
export type PaymentOrder = z.output<typeof paymentOrderSchema>;

/** Input of {@link paymentMethodEligibility}. */
export const paymentEligibilityInputSchema = z.object({
  order: paymentOrderSchema,
  /** Instant or day of the evaluation; picks the policy in force (P1). */
  asOf: dateInputSchema,
  zone: zoneSchema.optional(),
  /** Needed when a threshold is in another currency than the order (10,000 USD for net 30). */
  exchangeRates: exchangeRatesSchema.optional(),
});

/** See {@link paymentEligibilityInputSchema}. */
export type PaymentEligibilityInput = z.output<typeof paymentEligibilityInputSchema>;

/** Why a method was refused; stable, safe to switch on. */
export type PaymentRefusalCode =
  | "T1_BILLING_MODEL_EXCLUSIVE"
  | "T1_CURRENCY_REFUSED"
  | "T1_BILLING_MODEL_NOT_ELIGIBLE"
  | "T1_BUYER_ROLE_NOT_ELIGIBLE"
  | "T1_BELOW_MINIMUM";

/** A method the order may be paid with. */
export interface PaymentMethodOffer {
  readonly method: PaymentMethod;
  readonly label: string;
  readonly brands?: readonly string[];
  /** Days to the due date (on-invoice only). */
  readonly netDays?: number;
  readonly clearing: Clearing;
  readonly reason: string;
}

/** A method the order may not be paid with, and why. */
export interface PaymentMethodRefusal {
  readonly method: PaymentMethod;
  readonly label: string;
  readonly code: PaymentRefusalCode;
  readonly reason: string;
}

/** The T1 decision for one order: every method of the policy, either offered or refused. */
export interface PaymentEligibility extends Decision {
  readonly rule: "T1";
  readonly allowed: readonly PaymentMethodOffer[];
  readonly refused: readonly PaymentMethodRefusal[];
}

/** Options shared by the payment functions. */
export interface PaymentPolicyOptions {
  /** Payment-terms policy history; default {@link DEFAULT_PAYMENT_TERMS_POLICIES}. */
  readonly policies?: readonly PaymentTermsPolicy[];
}

const show = (money: Money): string => `${money.toFixed()} ${money.currency}`;

type Verdict = { readonly refused: PaymentRefusalCode; readonly reason: string } | { readonly reason: string };

function judge(rule: PaymentMethodRule, policy: PaymentTermsPolicy, order: PaymentOrder, rates: ExchangeRates | undefined): Result<Verdict> {
  const { amount, billingModel, buyerRole } = order;
  const exclusive = policy.exclusiveMethods.find((e) => e.billingModel === billingModel);
  if (exclusive !== undefined && !exclusive.methods.includes(rule.method)) {
    return ok({ refused: "T1_BILLING_MODEL_EXCLUSIVE", reason: `T1: ${billingModel} orders accept only ${exclusive.methods.join(", ")}` });
  }
  if (rule.refusedCurrencies.includes(amount.currency)) {
    return ok({ refused: "T1_CURRENCY_REFUSED", reason: `T1: ${rule.label} is not available for ${amount.currency} orders` });
  }
  if (rule.billingModels !== undefined && !rule.billingModels.includes(billingModel)) {
    return ok({
      refused: "T1_BILLING_MODEL_NOT_ELIGIBLE",
      reason: `T1: ${rule.label} is only for ${rule.billingModels.join(", ")} orders, not ${billingModel}`,
    });
  }
  if (rule.buyerRoles !== undefined && !rule.buyerRoles.includes(buyerRole)) {
    return ok({ refused: "T1_BUYER_ROLE_NOT_ELIGIBLE", reason: `T1: ${rule.label} is only for ${rule.buyerRoles.join(", ")} buyers` });
  }
  if (rule.minimumOrderValue !== undefined) {
    const minimum = Money.fromJSON(rule.minimumOrderValue);
    const converted = convertMoney(minimum, amount.currency, rates);
    if (!converted.ok) return converted;
    const equivalent = minimum.currency === amount.currency ? "" : ` (${show(converted.value)})`;
    if (amount.lessThan(converted.value)) {
      return ok({
        refused: "T1_BELOW_MINIMUM",
        reason: `T1: ${rule.label} needs an order of at least ${show(minimum)}${equivalent}; this order is ${show(amount)}`,
      });
    }
    return ok({ reason: `T1: ${billingModel} order of ${show(amount)} reaches the minimum of ${show(minimum)}${equivalent}` });
  }
  return ok({ reason: `T1: ${rule.label} is accepted for ${amount.currency} ${billingModel} orders` });
}

/**
 * Which payment methods an order may use (RULES.md T1), each offered method with its reason and
 * each refused one with a code and reason, under the payment-terms policy in force at `asOf`.
 * Thresholds in another currency (10,000 USD for net 30) are converted into the order's currency
 * with `exchangeRates` and rounded half-up to its minor unit before comparing.
 *
 * @example
 * ```ts
 * const result = paymentMethodEligibility({
 *   order: { amount: Money.of("250.00", "AUD"), billingModel: "cloud-annual", buyerRole: "customer" },
 *   asOf: "2026-03-02",
 * });
 * // result.value.refused: credit-card and check (T1_CURRENCY_REFUSED), on-invoice (T1_BELOW_MINIMUM) ...
 * ```
 */
export function paymentMethodEligibility(input: PaymentEligibilityInput, options: PaymentPolicyOptions = {}): Result<PaymentEligibility> {
  const { order } = input;
  if (order.amount.isNegative()) return fail("T1_NEGATIVE_AMOUNT", "An order amount cannot be negative", ["order", "amount"]);
  const day = localDate(input.asOf, input.zone, ["asOf"]);
  if (!day.ok) return day;
  const policy = policyInForce(options.policies ?? DEFAULT_PAYMENT_TERMS_POLICIES, day.value, "payment-terms policy");
  if (!policy.ok) return policy;

  const allowed: PaymentMethodOffer[] = [];
  const refused: PaymentMethodRefusal[] = [];
  for (const rule of policy.value.methods) {
    const verdict = judge(rule, policy.value, order, input.exchangeRates);
    if (!verdict.ok) return verdict;
    if ("refused" in verdict.value) {
      refused.push({ method: rule.method, label: rule.label, code: verdict.value.refused, reason: verdict.value.reason });
    } else {
      allowed.push({
        method: rule.method,
        label: rule.label,
        clearing: rule.clearing,
        reason: verdict.value.reason,
        ...(rule.brands === undefined ? {} : { brands: rule.brands }),
        ...(rule.netDays === undefined ? {} : { netDays: rule.netDays }),
      });
    }
  }
  const reason =
    allowed.length === 0
      ? `T1: no payment method is available for this ${order.billingModel} order`
      : `T1: ${allowed.map((o) => o.method).join(", ")} available for this ${order.billingModel} order of ${show(order.amount)}`;
  return ok({ rule: "T1", reason, policies: [refOf(policy.value)], allowed, refused });
}
