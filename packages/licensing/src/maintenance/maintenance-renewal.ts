import { addTermYears, type IsoDate, monthlyAnniversary } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import { z } from "zod";
import { findTier } from "../catalog/catalog-lookup.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import type { CatalogRuleContext } from "../policies/rule-context.js";
import { checkProductOrderable } from "../reseller/product-availability.js";
import { dateSchema } from "../time/zone-fields.js";
import type { TermPeriod } from "./term-period.js";
import { licenseRefundSchema, checkNotRefunded } from "./license-refund.js";
import { startProductCommand } from "./product-command.js";

/** A request to renew maintenance (or an annual subscription) of one license (L15). */
export const maintenanceRenewalInputSchema = z
  .object({
    productId: z.string().min(1),
    userTier: z.number().int().positive(),
    /** The current end of maintenance: the day after its last covered day. */
    currentEnd: dateSchema,
    /** How many renewal steps (12 months each by default) to buy. */
    steps: z.number().int().min(1).default(1),
    /** The license's refund, if it was refunded (L17): a refunded license is void and not renewed. */
    refund: licenseRefundSchema.nullable().optional(),
  })
  .strict();

/** Input of {@link renewMaintenance}. */
export type MaintenanceRenewalInput = z.input<typeof maintenanceRenewalInputSchema>;

/** A priced maintenance renewal (L15). */
export interface MaintenanceRenewal {
  readonly productId: string;
  readonly userTier: number;
  readonly previousEnd: IsoDate;
  /** One period per step, back to back from the previous end. */
  readonly periods: readonly TermPeriod[];
  readonly newEnd: IsoDate;
  /** Whether maintenance had lapsed: the first period starts before the purchase day. */
  readonly backdated: boolean;
  readonly pricePerStep: Money;
  readonly amount: Money;
  readonly policyId: string;
}

/**
 * L15: renews maintenance in 12-month steps (policy `renewalStepMonths`) that start at the
 * previous maintenance end, whenever the renewal is bought; a lapsed license is renewed from its
 * old end, not from the purchase day. The new end may lie at most `maintenanceCapYears` (3) years
 * after the purchase day (`L15_MAINTENANCE_CAP_EXCEEDED`). Steps are month-end anchored on the
 * previous end (2028-02-29 → 2029-02-28 → 2030-02-28 → 2031-02-28 → 2032-02-29).
 *
 * Also refused: products that are not renewed annually (`L15_NOT_ANNUALLY_RENEWABLE`),
 * products whose support has ended (L16, for example Server from 2024-02-02) and refunded
 * licenses (`L17_LICENSE_REFUNDED` at `refund`, when the input carries the license's `refund`).
 */
export function renewMaintenance(input: MaintenanceRenewalInput, context: CatalogRuleContext): LicensingResult<MaintenanceRenewal> {
  const start = startProductCommand(maintenanceRenewalInputSchema, input, context);
  if (!start.ok) return start;
  const { request, time, policies, product } = start.value;
  const refunded = checkNotRefunded(request.refund, "its maintenance is not renewed");
  if (!refunded.ok) return refunded;
  const tier = findTier(product, request.userTier);
  if (!tier.ok) return tier;
  const policy = vendorPolicyOn(policies, product.vendorId, time.today);
  if (!policy.ok) return policy;

  if (product.billingModel !== "perpetual-maintenance" && product.billingModel !== "annual-subscription") {
    return fail(
      licensingError(
        "L15_NOT_ANNUALLY_RENEWABLE",
        `${product.name} is billed as ${product.billingModel} and is not renewed in 12-month steps`,
        ["productId"],
      ),
    );
  }
  const unavailable = checkProductOrderable(product, "renewal", policy.value, time.today);
  if (unavailable.length > 0) return failAll(unavailable);

  const step = policy.value.renewalStepMonths;
  const periods = Array.from({ length: request.steps }, (_, k) => ({
    from: monthlyAnniversary(request.currentEnd, k * step),
    to: monthlyAnniversary(request.currentEnd, (k + 1) * step),
  }));
  const newEnd = monthlyAnniversary(request.currentEnd, request.steps * step);
  const latestEnd = addTermYears(time.today, policy.value.maintenanceCapYears);
  if (newEnd > latestEnd) {
    return fail(
      licensingError(
        "L15_MAINTENANCE_CAP_EXCEEDED",
        `Maintenance would run until ${newEnd}; at most ${policy.value.maintenanceCapYears} years ahead (until ${latestEnd}) may be bought`,
        ["steps"],
        { newEnd, latestEnd },
      ),
    );
  }
  const pricePerStep = tier.value.renewalPrice ?? tier.value.price;
  return ok({
    productId: request.productId,
    userTier: request.userTier,
    previousEnd: request.currentEnd,
    periods,
    newEnd,
    backdated: request.currentEnd < time.today,
    pricePerStep,
    amount: pricePerStep.multiply(request.steps).round("half-up"),
    policyId: policy.value.id,
  });
}
