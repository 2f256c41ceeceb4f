import { z } from "zod";

/**
 * Customer groups that may get a vendor discount (L14): registered non-profits, academic
 * institutions, government bodies, and customers migrating from self-managed to cloud.
 */
export const DISCOUNT_ELIGIBILITIES = ["non-profit", "academic", "government", "cloud-migration"] as const;

/** One discount eligibility flag; see {@link DISCOUNT_ELIGIBILITIES}. */
export type DiscountEligibility = (typeof DISCOUNT_ELIGIBILITIES)[number];

/** zod schema of a {@link DiscountEligibility}. */
export const discountEligibilitySchema = z.enum(DISCOUNT_ELIGIBILITIES);
