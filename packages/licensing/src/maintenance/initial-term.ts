import { type IsoDate, monthlyAnniversary } from "@kontor/calendar";
import { z } from "zod";
import { type LicensingResult, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import type { CatalogRuleContext } from "../policies/rule-context.js";
import { dateSchema } from "../time/zone-fields.js";
import type { TermPeriod } from "./term-period.js";
import { startProductCommand } from "./product-command.js";

/** A request for the first term of a newly bought license (L15). */
export const initialTermInputSchema = z
  .object({
    productId: z.string().min(1),
    /** The first covered day: the purchase day in the customer's zone (cloud: the instance is live from it, L5). */
    startsOn: dateSchema,
  })
  .strict();

/** Input of {@link initialLicenseTerm}. */
export type InitialTermInput = z.input<typeof initialTermInputSchema>;

/** The first term of a new license, or `null` for products without a yearly term (monthly). */
export interface InitialTerm {
  readonly productId: string;
  readonly term: TermPeriod | null;
  /** Months the term runs: included maintenance (perpetual) or one renewal step (annual). */
  readonly months: number | null;
  readonly policyId: string;
}

/**
 * L15: the first maintenance or subscription term of a newly bought license, from `startsOn`.
 * A perpetual license (`perpetual-maintenance`, Server) gets the policy's included maintenance
 * (`includedMaintenanceMonths`, 12); an annual subscription (Data Center, cloud annual) one
 * renewal step (`renewalStepMonths`, 12). Month-end anchored like renewals: bought on
 * 2028-02-29, the term ends 2029-02-28 (the day after the last covered day). Monthly
 * subscriptions and rentals have no yearly term (`term: null`). The vendor policy is the one in
 * force on the local day of `asOf` (P1): pass the purchase instant.
 */
export function initialLicenseTerm(input: InitialTermInput, context: CatalogRuleContext): LicensingResult<InitialTerm> {
  const start = startProductCommand(initialTermInputSchema, input, context);
  if (!start.ok) return start;
  const { request, time, policies, product } = start.value;
  const policy = vendorPolicyOn(policies, product.vendorId, time.today);
  if (!policy.ok) return policy;

  const months =
    product.billingModel === "perpetual-maintenance"
      ? policy.value.includedMaintenanceMonths
      : product.billingModel === "annual-subscription"
        ? policy.value.renewalStepMonths
        : null;
  // A policy may include no maintenance at all (0 months): then there is no term to renew.
  const to: IsoDate | null = months === null || months === 0 ? null : monthlyAnniversary(request.startsOn, months);
  return ok({
    productId: request.productId,
    term: to === null ? null : { from: request.startsOn, to },
    months: to === null ? null : months,
    policyId: policy.value.id,
  });
}
