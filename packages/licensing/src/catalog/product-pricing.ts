import { type Money, moneySchema } from "@kontor/money";
import { z } from "zod";
import { type UserTier, userTierSchema } from "./user-tier.js";

/**
 * How a product is priced: by stepped user tiers (licenses and subscriptions) or by a price per
 * user and month (the rental marketplace, M1).
 */
export type ProductPricing =
  | { readonly kind: "user-tiers"; readonly tiers: readonly UserTier[] }
  | { readonly kind: "per-user"; readonly pricePerUser: Money };

/** zod schema of {@link ProductPricing}; tiers must be listed with strictly ascending user counts. */
export const productPricingSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("user-tiers"),
      tiers: z
        .array(userTierSchema)
        .min(1)
        .refine((tiers) => tiers.every((tier, i) => i === 0 || (tiers[i - 1]?.users ?? 0) < tier.users), {
          message: "Tiers must be listed with strictly ascending user counts",
        }),
    })
    .strict(),
  z.object({ kind: z.literal("per-user"), pricePerUser: moneySchema }).strict(),
]);
