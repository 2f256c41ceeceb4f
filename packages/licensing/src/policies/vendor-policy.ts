import type { CalendarId, IsoDate } from "@kontor/calendar";
import { calendarRefSchema } from "@kontor/calendar";
import { decimal, decimalStringSchema } from "@kontor/money";
import { z } from "zod";
import { type Edition, editionSchema } from "../catalog/edition.js";
import { dateSchema } from "../time/zone-fields.js";
import type { DiscountEligibility } from "./discount-eligibility.js";
import type { Versioned } from "./policy-in-force.js";

/** The end of a product line in one edition (L16): no new sales from one date, no support from another. */
export interface ProductLineEnd {
  /** The product line, or `null` for every line of the edition. */
  readonly productLine: string | null;
  readonly edition: Edition;
  /** First day new licenses can no longer be bought, or `null`. */
  readonly newSalesEndOn: IsoDate | null;
  /** First day without support; maintenance can no longer be renewed from then, or `null`. */
  readonly supportEndOn: IsoDate | null;
}

/** Who may read the key of a self-managed license (L13): only its original purchaser, or anyone (vendors without the rule). */
export type KeyAccess = "original-purchaser" | "anyone";

/**
 * A vendor's rules for resellers, in force from `effectiveFrom` (P1). The shipped default is
 * {@link ATLASSIAN_RESELLER_POLICY} (seed 001); users can load their own with `parseVendorPolicy`.
 */
export interface VendorPolicy extends Versioned {
  readonly vendorId: string;
  /** L6: may a reseller buy through another distributor (two-tier)? */
  readonly twoTierDistributionAllowed: boolean;
  /** L6: reseller discount in percent ("0": none). */
  readonly resellerDiscountPercent: string;
  /** L12: may a reseller buy cloud monthly subscriptions for customers? */
  readonly resellerMayBuyCloudMonthly: boolean;
  /** L13: who may read license keys. */
  readonly keyAccess: KeyAccess;
  /** L8: calendar days a quote stays valid after the day it was made. */
  readonly quoteValidityDays: number;
  /** L10: expected completion of a manual review, in business days. */
  readonly reviewBusinessDays: { readonly min: number; readonly max: number };
  /** Holiday calendar for business days of reviews (L10). */
  readonly calendar: CalendarId | readonly CalendarId[];
  /** L11: co-terming puts the order into manual review. */
  readonly coTermingRequiresReview: boolean;
  /** L14: discount in percent per eligibility. */
  readonly discountPercent: Readonly<Record<DiscountEligibility, string>>;
  /** L15: maintenance months included with a perpetual license. */
  readonly includedMaintenanceMonths: number;
  /** L15: months per maintenance or subscription renewal step. */
  readonly renewalStepMonths: number;
  /** L15: how many years ahead of the purchase day maintenance may run at most. */
  readonly maintenanceCapYears: number;
  /** L16: ended product lines. */
  readonly productLineEnds: readonly ProductLineEnd[];
  /** L17: refund windows. */
  readonly refunds: {
    /** Calendar days after the original purchase for self-managed licenses. */
    readonly selfManagedDays: number;
    /** Calendar days after payment for cloud annual subscriptions. */
    readonly cloudAnnualDaysAfterPayment: number;
    /** Months from the first payment for cloud monthly subscriptions (1: the first paid month). */
    readonly cloudMonthlyPaidMonths: number;
  };
}

/** A percentage 0–100 as a decimal string. */
export const percentSchema = decimalStringSchema.refine((value) => decimal(value).gte(0) && decimal(value).lte(100), {
  message: "Expected a percentage from 0 to 100",
});

const productLineEndSchema = z
  .object({
    productLine: z.string().min(1).nullable(),
    edition: editionSchema,
    newSalesEndOn: dateSchema.nullable(),
    supportEndOn: dateSchema.nullable(),
  })
  .strict();

const vendorPolicyObjectSchema = z
  .object({
    id: z.string().min(1),
    vendorId: z.string().min(1),
    effectiveFrom: dateSchema,
    twoTierDistributionAllowed: z.boolean(),
    resellerDiscountPercent: percentSchema,
    resellerMayBuyCloudMonthly: z.boolean(),
    keyAccess: z.enum(["original-purchaser", "anyone"]),
    quoteValidityDays: z.number().int().min(1).max(365),
    reviewBusinessDays: z
      .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
      .strict()
      .refine((range) => range.min <= range.max, { message: "min must not exceed max", path: ["max"] }),
    calendar: calendarRefSchema,
    coTermingRequiresReview: z.boolean(),
    discountPercent: z
      .object({
        "non-profit": percentSchema,
        academic: percentSchema,
        government: percentSchema,
        "cloud-migration": percentSchema,
      })
      .strict(),
    includedMaintenanceMonths: z.number().int().min(0),
    renewalStepMonths: z.number().int().min(1),
    maintenanceCapYears: z.number().int().min(1),
    productLineEnds: z.array(productLineEndSchema),
    refunds: z
      .object({
        selfManagedDays: z.number().int().min(0),
        cloudAnnualDaysAfterPayment: z.number().int().min(0),
        cloudMonthlyPaidMonths: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

/** zod schema of a {@link VendorPolicy} (P1: user policies are validated before use). */
export const vendorPolicySchema: z.ZodType<VendorPolicy, z.input<typeof vendorPolicyObjectSchema>> =
  vendorPolicyObjectSchema;

/** The JSON form of a {@link VendorPolicy}. */
export type VendorPolicyInput = z.input<typeof vendorPolicySchema>;
