import { z } from "zod";

/**
 * How a product is billed:
 * - `perpetual-maintenance`: perpetual license with 12 months of maintenance, renewable (L15)
 * - `annual-subscription`: 12-month terms (Data Center, cloud annual)
 * - `monthly-subscription`: vendor-billed monthly subscription (cloud monthly; not for resellers, L12)
 * - `monthly-rental`: per-user monthly rental from the marketplace (M1–M7)
 */
export const BILLING_MODELS = [
  "perpetual-maintenance",
  "annual-subscription",
  "monthly-subscription",
  "monthly-rental",
] as const;

/** A billing model; see {@link BILLING_MODELS}. */
export type BillingModel = (typeof BILLING_MODELS)[number];

/** zod schema of a {@link BillingModel}. */
export const billingModelSchema = z.enum(BILLING_MODELS);
