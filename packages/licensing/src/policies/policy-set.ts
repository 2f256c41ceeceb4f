import type { IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { errorsFromZod } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, failAll, ok } from "../errors/result.js";
import { ATLASSIAN_RESELLER_POLICY } from "./atlassian-reseller-policy.js";
import { type FulfilmentPolicy, fulfilmentPolicySchema } from "./fulfilment-policy.js";
import { DEFAULT_FULFILMENT_POLICY } from "./kontor-fulfilment-policy.js";
import { MICROSOFT_RENTAL_POLICY } from "./microsoft-rental-policy.js";
import { policyInForce } from "./policy-in-force.js";
import { type RentalPolicy, rentalPolicySchema } from "./rental-policy.js";
import { type VendorPolicy, vendorPolicySchema } from "./vendor-policy.js";

/**
 * Every policy version the rules may pick from (P1): the reseller's fulfilment policy, vendor
 * policies and rental marketplace policies, each a list of versions with `effectiveFrom`.
 */
export interface PolicySet {
  readonly fulfilment: readonly FulfilmentPolicy[];
  readonly vendors: readonly VendorPolicy[];
  readonly rental: readonly RentalPolicy[];
}

/** The shipped defaults: seed 000 fulfilment, Atlassian reseller rules (seed 001), Microsoft rental (seed 002). */
export const DEFAULT_POLICIES: PolicySet = Object.freeze({
  fulfilment: Object.freeze([DEFAULT_FULFILMENT_POLICY]),
  vendors: Object.freeze([ATLASSIAN_RESELLER_POLICY]),
  rental: Object.freeze([MICROSOFT_RENTAL_POLICY]),
});

function noTwoVersionsOnOneDay(
  versions: readonly { id: string; effectiveFrom: string; vendorId?: string }[],
  ctx: z.RefinementCtx,
  key: string,
): void {
  const seen = new Set<string>();
  versions.forEach((version, i) => {
    const slot = `${version.vendorId ?? ""}|${version.effectiveFrom}`;
    if (seen.has(slot)) {
      ctx.addIssue({ code: "custom", path: [key, i, "effectiveFrom"], message: `Two versions take effect on ${version.effectiveFrom}` });
    }
    seen.add(slot);
  });
}

const policySetObjectSchema = z
  .object({
    fulfilment: z.array(fulfilmentPolicySchema).default([]),
    vendors: z.array(vendorPolicySchema).default([]),
    rental: z.array(rentalPolicySchema).default([]),
  })
  .strict();

/** zod schema of a {@link PolicySet}; two versions of one policy may not take effect on the same day. */
export const policySetSchema: z.ZodType<PolicySet, z.input<typeof policySetObjectSchema>> = policySetObjectSchema.superRefine(
  (set, ctx) => {
    noTwoVersionsOnOneDay(set.fulfilment, ctx, "fulfilment");
    noTwoVersionsOnOneDay(set.vendors, ctx, "vendors");
    noTwoVersionsOnOneDay(set.rental, ctx, "rental");
  },
);

/** The JSON form of a {@link PolicySet}. */
export type PolicySetInput = z.input<typeof policySetSchema>;

/**
 * Loads a user's policy set from parsed JSON (P1), without code changes. Every problem is a
 * `P1_INVALID_POLICY` error naming the field.
 *
 * @example
 * ```ts
 * const loaded = loadPolicySet(JSON.parse(text));
 * if (loaded.ok) mergePolicySets(DEFAULT_POLICIES, loaded.value);
 * ```
 */
export function loadPolicySet(json: unknown): LicensingResult<PolicySet> {
  const parsed = policySetSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return failAll(errorsFromZod(parsed.error).map((error) => licensingError("P1_INVALID_POLICY", error.message, error.path)));
}

/** The versions of `base` followed by those of `extra`: a user's policies on top of the defaults. */
export function mergePolicySets(base: PolicySet, extra: PolicySet): PolicySet {
  return Object.freeze({
    fulfilment: [...base.fulfilment, ...extra.fulfilment],
    vendors: [...base.vendors, ...extra.vendors],
    rental: [...base.rental, ...extra.rental],
  });
}

/** The fulfilment policy in force on `day` (P1). */
export function fulfilmentPolicyOn(policies: PolicySet, day: IsoDate): LicensingResult<FulfilmentPolicy> {
  return policyInForce(policies.fulfilment, day, "fulfilment policy");
}

/** The policy of `vendorId` in force on `day` (P1). */
export function vendorPolicyOn(policies: PolicySet, vendorId: string, day: IsoDate): LicensingResult<VendorPolicy> {
  return policyInForce(
    policies.vendors.filter((policy) => policy.vendorId === vendorId),
    day,
    `vendor policy for ${vendorId}`,
  );
}

/** The rental marketplace policy of `vendorId` in force on `day` (P1). */
export function rentalPolicyOn(policies: PolicySet, vendorId: string, day: IsoDate): LicensingResult<RentalPolicy> {
  return policyInForce(
    policies.rental.filter((policy) => policy.vendorId === vendorId),
    day,
    `rental policy for ${vendorId}`,
  );
}
