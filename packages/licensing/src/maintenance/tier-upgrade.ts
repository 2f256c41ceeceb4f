import { type IsoDate, termDays } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import { z } from "zod";
import { findTier } from "../catalog/catalog-lookup.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import type { CatalogRuleContext } from "../policies/rule-context.js";
import { checkProductOrderable } from "../reseller/product-availability.js";
import { dateSchema } from "../time/zone-fields.js";
import { proRataOf } from "./pro-rata.js";
import { termPeriodSchema } from "./term-period.js";
import { licenseRefundSchema, checkNotRefunded } from "./license-refund.js";
import { startProductCommand } from "./product-command.js";

/** A request to upgrade the user tier of a license during its current term (L19). */
export const tierUpgradeInputSchema = z
  .object({
    productId: z.string().min(1),
    fromTier: z.number().int().positive(),
    toTier: z.number().int().positive(),
    /** The current term: first day and end (the day after its last day). */
    term: termPeriodSchema,
    /**
     * The day the upgrade takes effect. Cloud annual upgrades take effect from the payment date
     * (L18); default: the local day of `asOf` in the customer's zone.
     */
    effectiveOn: dateSchema.optional(),
    /** The license's refund, if it was refunded (L17): a refunded license is void and not upgraded. */
    refund: licenseRefundSchema.nullable().optional(),
  })
  .strict();

/** Input of {@link priceTierUpgrade}. */
export type TierUpgradeInput = z.input<typeof tierUpgradeInputSchema>;

/** A priced tier upgrade (L19). */
export interface TierUpgrade {
  readonly productId: string;
  readonly fromTier: number;
  readonly toTier: number;
  /** Users licensed after the upgrade: the new tier replaces the old one (500 → 1,000 is 1,000). */
  readonly users: number;
  readonly effectiveOn: IsoDate;
  readonly termEnd: IsoDate;
  /** Days from the upgrade day to the end of the term. */
  readonly daysCharged: number;
  /** Days of the whole term (365 or 366 for a year). */
  readonly daysInTerm: number;
  /** New tier price minus old tier price, for the whole term. */
  readonly priceDifference: Money;
  /** `priceDifference × daysCharged / daysInTerm`, rounded once half-up. */
  readonly charge: Money;
  readonly policyId: string;
}

/**
 * L19: upgrading a user tier replaces the tier and is charged pro rata by day, from the upgrade
 * day to the current end, for the price difference. A Data Center license 2026-01-01 →
 * 2027-01-01 upgraded on 2026-09-01 pays 122/365 of the difference.
 *
 * Refused: a target tier not above the current one (`L19_NOT_AN_UPGRADE`), an upgrade day
 * outside the term (`L19_OUTSIDE_TERM`), unknown tiers, ended products (L16), and refunded
 * licenses (`L17_LICENSE_REFUNDED` at `refund`, when the input carries the license's `refund`).
 */
export function priceTierUpgrade(input: TierUpgradeInput, context: CatalogRuleContext): LicensingResult<TierUpgrade> {
  const start = startProductCommand(tierUpgradeInputSchema, input, context);
  if (!start.ok) return start;
  const { request, time, policies, product } = start.value;
  const refunded = checkNotRefunded(request.refund, "its user tier is not upgraded");
  if (!refunded.ok) return refunded;
  const from = findTier(product, request.fromTier, ["fromTier"]);
  const to = findTier(product, request.toTier, ["toTier"]);
  if (!from.ok) return from;
  if (!to.ok) return to;
  if (request.toTier <= request.fromTier) {
    return fail(
      licensingError("L19_NOT_AN_UPGRADE", `${request.toTier} users is not an upgrade from ${request.fromTier} users`, ["toTier"]),
    );
  }
  const policy = vendorPolicyOn(policies, product.vendorId, time.today);
  if (!policy.ok) return policy;
  const unavailable = checkProductOrderable(product, "upgrade", policy.value, time.today);
  if (unavailable.length > 0) return failAll(unavailable);

  const effectiveOn = request.effectiveOn ?? time.today;
  if (effectiveOn < request.term.from || effectiveOn >= request.term.to) {
    return fail(
      licensingError(
        "L19_OUTSIDE_TERM",
        `The upgrade day ${effectiveOn} is outside the term ${request.term.from} – ${request.term.to}`,
        [request.effectiveOn === undefined ? "asOf" : "effectiveOn"],
        { effectiveOn, termFrom: request.term.from, termTo: request.term.to },
      ),
    );
  }
  const daysCharged = termDays(effectiveOn, request.term.to);
  const daysInTerm = termDays(request.term.from, request.term.to);
  const priceDifference = to.value.price.subtract(from.value.price);
  return ok({
    productId: request.productId,
    fromTier: request.fromTier,
    toTier: request.toTier,
    users: request.toTier,
    effectiveOn,
    termEnd: request.term.to,
    daysCharged,
    daysInTerm,
    priceDifference,
    charge: proRataOf(priceDifference, daysCharged, daysInTerm),
    policyId: policy.value.id,
  });
}
