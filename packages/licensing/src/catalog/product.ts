import type { IsoDate } from "@kontor/calendar";
import { type CurrencyCode, currencyCodeSchema } from "@kontor/money";
import { z } from "zod";
import { dateSchema } from "../time/zone-fields.js";
import { type AddOn, addOnSchema } from "./add-on.js";
import { type BillingModel, billingModelSchema } from "./billing-model.js";
import { type Edition, editionSchema } from "./edition.js";
import { type ProductPricing, productPricingSchema } from "./product-pricing.js";

/**
 * A sellable product of one vendor in one edition and billing model, for example "Jira Data
 * Center, annual subscription" with its user tiers, or "Microsoft 365 Business Standard,
 * monthly rental" with its price per user.
 */
export interface Product {
  readonly id: string;
  readonly vendorId: string;
  readonly name: string;
  /** The product line shared by all editions ("jira"); end dates of policies refer to it (L16). */
  readonly productLine: string;
  readonly edition: Edition;
  readonly billingModel: BillingModel;
  readonly currency: CurrencyCode;
  readonly pricing: ProductPricing;
  /** Add-ons offered for this product (M6). */
  readonly addOns: readonly AddOn[];
  /** The day new sales ended (from this day on new licenses are refused), or `null` (L16; policies may end whole lines too). */
  readonly endOfSale: IsoDate | null;
  /** The day support ended (from this day on maintenance cannot be renewed), or `null` (L16). */
  readonly endOfSupport: IsoDate | null;
}

function pricesOf(pricing: ProductPricing, addOns: readonly AddOn[]): { path: (string | number)[]; currency: string }[] {
  const addOnPrices = addOns.map((addOn, i) => ({ path: ["addOns", i, "pricePerUnit"], currency: addOn.pricePerUnit.currency }));
  if (pricing.kind === "per-user") {
    return [{ path: ["pricing", "pricePerUser"], currency: pricing.pricePerUser.currency }, ...addOnPrices];
  }
  const tierPrices = pricing.tiers.flatMap((tier, i) => [
    { path: ["pricing", "tiers", i, "price"], currency: tier.price.currency },
    ...(tier.renewalPrice === null ? [] : [{ path: ["pricing", "tiers", i, "renewalPrice"], currency: tier.renewalPrice.currency }]),
  ]);
  return [...tierPrices, ...addOnPrices];
}

const productObjectSchema = z
  .object({
    id: z.string().min(1),
    vendorId: z.string().min(1),
    name: z.string().min(1),
    productLine: z.string().min(1),
    edition: editionSchema,
    billingModel: billingModelSchema,
    currency: currencyCodeSchema,
    pricing: productPricingSchema,
    addOns: z.array(addOnSchema).default([]),
    endOfSale: dateSchema.nullable().default(null),
    endOfSupport: dateSchema.nullable().default(null),
  })
  .strict();

/**
 * zod schema of a {@link Product}. Checks that every price is in the product's currency, that
 * monthly rentals are priced per user and everything else by user tiers.
 */
export const productSchema: z.ZodType<Product, z.input<typeof productObjectSchema>> = productObjectSchema
  .superRefine((product, ctx) => {
    for (const price of pricesOf(product.pricing, product.addOns)) {
      if (price.currency !== product.currency) {
        ctx.addIssue({ code: "custom", path: [...price.path, "currency"], message: `Expected ${product.currency}, the product's currency` });
      }
    }
    const rental = product.billingModel === "monthly-rental";
    if (rental !== (product.pricing.kind === "per-user")) {
      ctx.addIssue({
        code: "custom",
        path: ["pricing", "kind"],
        message: rental ? "A monthly rental is priced per user" : "Licenses and subscriptions are priced by user tiers",
      });
    }
    const ids = product.addOns.map((addOn) => addOn.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["addOns", i, "id"], message: `Duplicate add-on id ${id}` });
    });
  });

/** The JSON form of a {@link Product}, as accepted by {@link productSchema}. */
export type ProductInput = z.input<typeof productSchema>;
