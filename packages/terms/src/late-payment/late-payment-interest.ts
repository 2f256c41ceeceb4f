import { isoDateSchema, type IsoDate } from "@kontor/calendar";
import { decimal, Money, moneySchema } from "@kontor/money";
import { z } from "zod";
import { localDate } from "../dates/date-input.js";
import { daysInclusive, plusDays } from "../dates/day-arithmetic.js";
import { fail, guard, ok, type Result } from "../errors/terms-error.js";
import type { Decision } from "../policy/decision.js";
import { inForce, policyInForce } from "../policy/policy-history.js";
import { refOf, type PolicyRef } from "../policy/policy-ref.js";
import { DEFAULT_LATE_PAYMENT_POLICIES } from "../policies/late-payment-policies.js";
import type { LatePaymentPolicy } from "./late-payment-policy.js";

/** Input of {@link latePaymentInterest}. */
export const latePaymentInterestInputSchema = z.object({
  /** The overdue amount. */
  principal: moneySchema,
  /** First day of default (usually the day after the due date); counted. */
  from: isoDateSchema,
  /** Last day interest runs (for example the day of payment); counted. */
  until: isoDateSchema,
  /** `business` (default): base + 9 points and the flat fee; `consumer`: base + 5 points. */
  debtor: z.enum(["business", "consumer"]).optional(),
});

/** See {@link latePaymentInterestInputSchema}. */
export type LatePaymentInterestInput = z.output<typeof latePaymentInterestInputSchema>;

/** A stretch of days with one base rate. */
export interface InterestPeriod {
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** Days in the stretch, both ends counted. */
  readonly days: number;
  readonly baseRatePercent: string;
  /** Day the base rate took effect. */
  readonly baseRateEffectiveFrom: IsoDate;
  /** Base rate plus surcharge, in percent per year. */
  readonly ratePercent: string;
  /** principal × rate × days / 365, rounded half-up to the minor unit. */
  readonly interest: Money;
}

/** The T6 late-payment claim for one overdue amount. */
export interface LatePaymentInterest extends Decision {
  readonly rule: "T6";
  readonly principal: Money;
  readonly debtor: "business" | "consumer";
  readonly periods: readonly InterestPeriod[];
  /** Sum of the rounded period amounts. */
  readonly interest: Money;
  /** 40 EUR for business debtors (§288 (5) BGB); absent for consumers. */
  readonly flatFee?: Money;
  /** The day-count convention used, for display: `"act/365"`. */
  readonly dayCount: string;
}

/** Options of {@link latePaymentInterest}. */
export interface LatePaymentOptions {
  /** Late-payment policy history; default {@link DEFAULT_LATE_PAYMENT_POLICIES}. */
  readonly policies?: readonly LatePaymentPolicy[];
}

/**
 * Default interest and flat fee for a late payment (RULES.md T6, §288 BGB).
 *
 * The period from `from` to `until` (both days counted) is split where the base rate changes
 * (1 January and 1 July). For each sub-period: interest = principal × (base rate + 9 points) ×
 * days / 365 — actual days over a fixed 365-day year, also in leap years (act/365 fixed) — rounded
 * half-up to the cent; the total is the sum of the rounded sub-periods. Business debtors also owe
 * the 40 EUR flat fee of §288 (5). The policy in force on `until` supplies the table.
 *
 * @example
 * ```ts
 * latePaymentInterest({ principal: Money.of("10000.00", "EUR"), from: "2025-06-16", until: "2025-07-15" });
 * // 15 days at 2.27 + 9 = 11.27 % → 46.32 EUR; 15 days at 1.27 + 9 = 10.27 % → 42.21 EUR; + 40 EUR
 * ```
 */
export function latePaymentInterest(input: LatePaymentInterestInput, options: LatePaymentOptions = {}): Result<LatePaymentInterest> {
  const from = localDate(input.from, undefined, ["from"]);
  if (!from.ok) return from;
  const until = localDate(input.until, undefined, ["until"]);
  if (!until.ok) return until;
  if (until.value < from.value) return fail("T6_INVALID_PERIOD", `until ${until.value} is before from ${from.value}`, ["until"]);
  if (input.principal.isNegative()) return fail("T6_NEGATIVE_PRINCIPAL", "The principal cannot be negative", ["principal"]);
  const found = policyInForce(options.policies ?? DEFAULT_LATE_PAYMENT_POLICIES, until.value, "late-payment policy");
  if (!found.ok) return found;
  const policy = found.value;
  const debtor = input.debtor ?? "business";
  const surcharge = debtor === "business" ? policy.businessSurchargePoints : policy.consumerSurchargePoints;

  const rates = [...policy.baseRates].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  if (inForce(rates, from.value) === undefined) {
    return fail("T6_BASE_RATE_UNKNOWN", `The late-payment policy ${policy.version} has no base rate for ${from.value}`, ["from"]);
  }

  return guard(() => {
    const periods: InterestPeriod[] = [];
    const used: PolicyRef[] = [refOf(policy)];
    const divisor = 100 * policy.dayCountBasis;
    rates.forEach((rate, index) => {
      const next = rates[index + 1];
      const start = rate.effectiveFrom > from.value ? rate.effectiveFrom : from.value;
      const end = next === undefined || plusDays(next.effectiveFrom, -1) > until.value ? until.value : plusDays(next.effectiveFrom, -1);
      if (start > end) return;
      const days = daysInclusive(start, end);
      const ratePercent = decimal(rate.ratePercent).plus(decimal(surcharge));
      periods.push({
        from: start,
        until: end,
        days,
        baseRatePercent: rate.ratePercent,
        baseRateEffectiveFrom: rate.effectiveFrom,
        ratePercent: ratePercent.toFixed(),
        interest: input.principal.multiply(ratePercent).multiply(days).divide(divisor).round("half-up"),
      });
      used.push({ id: `${policy.id}/base-rate`, version: policy.version, effectiveFrom: rate.effectiveFrom });
    });
    const interest = Money.sum(
      periods.map((p) => p.interest),
      input.principal.currency,
    );
    const flatFee = debtor === "business" ? Money.fromJSON(policy.flatFee) : undefined;
    const parts = periods.map((p) => `${p.days} days at ${p.ratePercent} % = ${p.interest.toFixed()}`).join("; ");
    const fee = flatFee === undefined ? "" : ` plus the flat fee of ${flatFee.toFixed()} ${flatFee.currency} (§288 (5) BGB)`;
    return ok({
      rule: "T6",
      reason: `T6: default interest on ${input.principal.toFixed()} ${input.principal.currency} from ${from.value} to ${until.value} at base rate + ${surcharge} points, act/365: ${parts}; total ${interest.toFixed()}${fee}`,
      policies: used,
      principal: input.principal,
      debtor,
      periods,
      interest,
      dayCount: `act/${policy.dayCountBasis}`,
      ...(flatFee === undefined ? {} : { flatFee }),
    });
  });
}
