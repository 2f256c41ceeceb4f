import { addTermYears, type IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import type { Product } from "../catalog/product.js";
import type { UserTier } from "../catalog/user-tier.js";
import { type FieldPath, type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import type { CatalogRuleContext, RuleContext } from "../policies/rule-context.js";
import type { VendorPolicy } from "../policies/vendor-policy.js";
import { daysFromTo } from "../time/day-arithmetic.js";
import { type CoTermAdjustment, checkTargetAfterToday, coTerm } from "./co-term.js";
import { initialLicenseTerm } from "./initial-term.js";
import type { TermPeriod } from "./term-period.js";

/**
 * L11 with L15: checks the co-term target of a quote or an order once, at `path`. It must lie
 * after `today` (`L11_TARGET_IN_PAST`) and not beyond the vendor policy's maintenance cap
 * (`maintenanceCapYears`, Atlassian 3) counted from `today`, as for renewals
 * (`L15_MAINTENANCE_CAP_EXCEEDED`, details `{ targetEnd, latestEnd, maintenanceCapYears }`).
 */
export function checkCoTermTarget(targetEnd: IsoDate, today: IsoDate, policy: VendorPolicy, path: FieldPath): LicensingError[] {
  const errors = checkTargetAfterToday(targetEnd, today, path);
  const latestEnd = addTermYears(today, policy.maintenanceCapYears);
  if (targetEnd > latestEnd) {
    errors.push(
      licensingError(
        "L15_MAINTENANCE_CAP_EXCEEDED",
        `The co-term target ${targetEnd} lies beyond the maintenance cap: at most maintenanceCapYears = ${policy.maintenanceCapYears} years ahead (until ${latestEnd}) may be bought`,
        path,
        { targetEnd, latestEnd, maintenanceCapYears: policy.maintenanceCapYears },
      ),
    );
  }
  return errors;
}

/** One quote or order line to co-term (L11). Prices are per unit. */
export interface CoTermLineInput {
  /** Names the line in the co-term plan (`licenseId` of its adjustment). */
  readonly lineId: string;
  readonly vendorId: string;
  /** The term the line buys without co-terming: its first day and its normal end. */
  readonly term: TermPeriod;
  /** The price of `term` (a new license: the tier price; a renewal: the steps bought; an upgrade: its pro-rata charge). */
  readonly price: Money;
  /** The price of 12 months the days given back are priced from when the target is before the normal end. */
  readonly shorteningAnnualPrice: Money;
  /** The price of 12 months the days added are priced from when the target is after the normal end (renewal price). */
  readonly extensionAnnualPrice: Money;
  readonly targetEnd: IsoDate;
}

/** A line co-termed to its target end (L11). */
export interface CoTermedLine {
  /** What the line now covers: the first day of its term to the target end (the day after the last day). */
  readonly period: TermPeriod;
  /** The `coTerm` adjustment from the normal end to the target: signed days, the year they are priced in, the amount. */
  readonly adjustment: CoTermAdjustment;
  /** `price` plus the adjustment's amount (rounded once, half-up, by `coTerm`). */
  readonly unitPrice: Money;
}

/**
 * L11: prices one quote or order line co-termed to `targetEnd` with {@link coTerm}: the license
 * is moved from the normal end of `term` to the target and the days are priced pro rata
 * (`annual price × days / days in the year`, 365 or 366, rounded once half-up) on top of the
 * normal price. A new Jira Data Center license of 21,000.00 from 2026-11-16 co-termed to
 * 2027-06-30 gives back 139 of 365 days: 21,000.00 − 7,997.26 = 13,002.74.
 *
 * Refused at `path` (the co-term target field): a target not after the first day of the term
 * (`L11_TARGET_BEFORE_START`), and what `coTerm` refuses (`L11_TARGET_IN_PAST`).
 */
export function coTermLine(input: CoTermLineInput, context: RuleContext, path: FieldPath): LicensingResult<CoTermedLine> {
  if (input.targetEnd <= input.term.from) {
    return fail(
      licensingError(
        "L11_TARGET_BEFORE_START",
        `The co-term target ${input.targetEnd} must be after ${input.term.from}, the first day of the term`,
        path,
        { targetEnd: input.targetEnd, termFrom: input.term.from },
      ),
    );
  }
  const isExtension = daysFromTo(input.term.to, input.targetEnd) > 0;
  const annualPrice = isExtension ? input.extensionAnnualPrice : input.shorteningAnnualPrice;
  const plan = coTerm(
    {
      vendorId: input.vendorId,
      targetEnd: input.targetEnd,
      licenses: [{ licenseId: input.lineId, currentEnd: input.term.to, annualPrice: annualPrice.toJSON() }],
    },
    context,
  );
  if (!plan.ok) {
    return failAll(
      plan.errors.map((error) => (error.path[0] === "targetEnd" ? licensingError(error.code, error.message, path, error.details) : error)),
    );
  }
  const [adjustment] = plan.value.adjustments;
  if (adjustment === undefined) return fail(licensingError("L11_NO_LICENSES", "Co-terming needs at least one license", path));
  return ok({
    period: { from: input.term.from, to: input.targetEnd },
    adjustment,
    unitPrice: input.price.add(adjustment.amount),
  });
}

/**
 * L11 + L15: a new license of `tier` co-termed to `targetEnd`: its first term from `startsOn`
 * ({@link initialLicenseTerm}) moved to the target by {@link coTermLine}. Days given back are
 * priced at the tier price (a perpetual license: at the renewal price, only maintenance is
 * given back), days added at the renewal price. `null` for products without a yearly term
 * (monthly), which are not co-termed.
 */
export function coTermNewLicense(
  lineId: string,
  product: Product,
  tier: UserTier,
  startsOn: IsoDate,
  targetEnd: IsoDate,
  context: CatalogRuleContext,
  path: FieldPath,
): LicensingResult<CoTermedLine | null> {
  const initial = initialLicenseTerm({ productId: product.id, startsOn }, context);
  if (!initial.ok) return initial;
  if (initial.value.term === null) return ok(null);
  const renewalPrice = tier.renewalPrice ?? tier.price;
  return coTermLine(
    {
      lineId,
      vendorId: product.vendorId,
      term: initial.value.term,
      price: tier.price,
      shorteningAnnualPrice: product.billingModel === "perpetual-maintenance" ? renewalPrice : tier.price,
      extensionAnnualPrice: renewalPrice,
      targetEnd,
    },
    context,
    path,
  );
}

/** How a line's description names its co-term: `co-termed: -139/365 days`, `+107/366 days`, or `no change`. */
export function coTermNote(adjustment: CoTermAdjustment): string {
  if (adjustment.days === 0) return "co-termed: no change";
  return `co-termed: ${adjustment.days > 0 ? "+" : ""}${adjustment.days}/${adjustment.daysInTerm} days`;
}
