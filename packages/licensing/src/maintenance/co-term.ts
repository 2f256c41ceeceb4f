import { addTermYears, type IsoDate, termDays } from "@kontor/calendar";
import { Money, moneySchema } from "@kontor/money";
import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { type FieldPath, type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import { type RuleContext, resolveContext } from "../policies/rule-context.js";
import { daysFromTo } from "../time/day-arithmetic.js";
import { dateSchema } from "../time/zone-fields.js";
import { proRataOf } from "./pro-rata.js";
import type { TermPeriod } from "./term-period.js";

/** A request to align several licenses to one maintenance end date (L11). */
export const coTermInputSchema = z
  .object({
    vendorId: z.string().min(1),
    /** The common new end: the day after the last covered day. */
    targetEnd: dateSchema,
    licenses: z
      .array(
        z
          .object({
            licenseId: z.string().min(1),
            /** The license's current end (the day after its last covered day). */
            currentEnd: dateSchema,
            /** The price of one 12-month term of the license. */
            annualPrice: moneySchema,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** Input of {@link coTerm}. */
export type CoTermInput = z.input<typeof coTermInputSchema>;

/** How one license changes when co-termed. */
export type CoTermChange = "extension" | "unchanged" | "shortening";

/** The adjustment of one license in a co-term (L11). */
export interface CoTermAdjustment {
  readonly licenseId: string;
  readonly currentEnd: IsoDate;
  readonly newEnd: IsoDate;
  readonly change: CoTermChange;
  /** Signed days: positive extends, negative shortens. */
  readonly days: number;
  /**
   * The year term the days are priced in: for an extension the year starting at the current
   * end (the days it buys), for a shortening the year ending at it (the days it gives back).
   */
  readonly pricingTerm: TermPeriod | null;
  /** Days of `pricingTerm` (365 or 366); 0 when unchanged. */
  readonly daysInTerm: number;
  /** `annualPrice × days / daysInTerm`, rounded once half-up: a charge, or a credit when negative. */
  readonly amount: Money;
}

/** A co-term plan: every license aligned to the target end, each adjustment priced (L11). */
export interface CoTermPlan {
  readonly targetEnd: IsoDate;
  readonly adjustments: readonly CoTermAdjustment[];
  /** The sum of the signed day adjustments. */
  readonly netDays: number;
  /** The sum of the rounded amounts. */
  readonly total: Money;
  /** L11 → L10: co-termed orders go to manual review when the policy says so (Atlassian: yes). */
  readonly requiresManualReview: boolean;
  readonly policyId: string;
}

/** L11: a co-term target must lie after `today` (`L11_TARGET_IN_PAST` at `path`). */
export function checkTargetAfterToday(targetEnd: IsoDate, today: IsoDate, path: FieldPath): LicensingError[] {
  if (targetEnd > today) return [];
  return [licensingError("L11_TARGET_IN_PAST", `The target end ${targetEnd} must be after ${today}`, path, { today })];
}

function adjust(license: { licenseId: string; currentEnd: IsoDate; annualPrice: Money }, targetEnd: IsoDate): CoTermAdjustment {
  const days = daysFromTo(license.currentEnd, targetEnd);
  if (days === 0) {
    return {
      licenseId: license.licenseId,
      currentEnd: license.currentEnd,
      newEnd: targetEnd,
      change: "unchanged",
      days,
      pricingTerm: null,
      daysInTerm: 0,
      amount: Money.zero(license.annualPrice.currency),
    };
  }
  const pricingTerm =
    days > 0
      ? { from: license.currentEnd, to: addTermYears(license.currentEnd, 1) }
      : { from: addTermYears(license.currentEnd, -1), to: license.currentEnd };
  const daysInTerm = termDays(pricingTerm.from, pricingTerm.to);
  return {
    licenseId: license.licenseId,
    currentEnd: license.currentEnd,
    newEnd: targetEnd,
    change: days > 0 ? "extension" : "shortening",
    days,
    pricingTerm,
    daysInTerm,
    amount: proRataOf(license.annualPrice, days, daysInTerm),
  };
}

/**
 * L11: co-terms licenses to one end date. Each license is extended or shortened to `targetEnd`
 * and the difference priced pro rata by day (`price × days / days in the term`, 365 or 366,
 * rounded once half-up per license). Licenses ending 2027-03-15, 2027-06-30 and 2027-11-01
 * co-termed to 2027-06-30: +107 days, unchanged, −124 days.
 *
 * Refused: no licenses (`L11_NO_LICENSES`), a license listed twice (`L11_DUPLICATE_LICENSE`),
 * a target end not after the local day of `asOf` (`L11_TARGET_IN_PAST`), mixed currencies.
 */
export function coTerm(input: CoTermInput, context: RuleContext): LicensingResult<CoTermPlan> {
  const parsed = parseWith(coTermInputSchema, input);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const { time, policies } = resolved.value;
  const policy = vendorPolicyOn(policies, request.vendorId, time.today);
  if (!policy.ok) return policy;

  const [head] = request.licenses;
  if (head === undefined) return fail(licensingError("L11_NO_LICENSES", "Co-terming needs at least one license", ["licenses"]));
  const currency = head.annualPrice.currency;
  const errors: LicensingError[] = [...checkTargetAfterToday(request.targetEnd, time.today, ["targetEnd"])];
  const seen = new Set<string>();
  request.licenses.forEach((license, i) => {
    if (seen.has(license.licenseId)) {
      errors.push(licensingError("L11_DUPLICATE_LICENSE", `License ${license.licenseId} is listed twice`, ["licenses", i, "licenseId"]));
    }
    seen.add(license.licenseId);
    if (license.annualPrice.currency !== currency) {
      errors.push(
        licensingError("CATALOG_CURRENCY_MISMATCH", `All licenses must be priced in ${currency}`, ["licenses", i, "annualPrice", "currency"]),
      );
    }
  });
  if (errors.length > 0) return failAll(errors);

  const adjustments = request.licenses.map((license) => adjust(license, request.targetEnd));
  return ok({
    targetEnd: request.targetEnd,
    adjustments,
    netDays: adjustments.reduce((sum, adjustment) => sum + adjustment.days, 0),
    total: Money.sum(
      adjustments.map((adjustment) => adjustment.amount),
      currency,
    ),
    requiresManualReview: policy.value.coTermingRequiresReview,
    policyId: policy.value.id,
  });
}
