import { type FieldPath, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import type { AddOn } from "./add-on.js";
import type { Catalog } from "./catalog.js";
import type { Product } from "./product.js";
import type { UserTier } from "./user-tier.js";

/** The product with `productId`, or `CATALOG_UNKNOWN_PRODUCT` at `path`. */
export function findProduct(catalog: Catalog, productId: string, path: FieldPath = ["productId"]): LicensingResult<Product> {
  const product = catalog.products.find((candidate) => candidate.id === productId);
  return product === undefined
    ? fail(licensingError("CATALOG_UNKNOWN_PRODUCT", `Product ${JSON.stringify(productId)} is not in the catalog`, path))
    : ok(product);
}

/**
 * The tier of `product` for exactly `users` users (a quote names a tier, L7), or
 * `CATALOG_UNKNOWN_TIER` listing the tiers that exist.
 */
export function findTier(product: Product, users: number, path: FieldPath = ["userTier"]): LicensingResult<UserTier> {
  const tiers = product.pricing.kind === "user-tiers" ? product.pricing.tiers : [];
  const tier = tiers.find((candidate) => candidate.users === users);
  if (tier !== undefined) return ok(tier);
  const offered = tiers.map((candidate) => candidate.users).join(", ");
  return fail(
    licensingError(
      "CATALOG_UNKNOWN_TIER",
      `${product.name} has no ${users}-user tier${offered === "" ? "" : ` (tiers: ${offered})`}`,
      path,
      { productId: product.id, users },
    ),
  );
}

/** The smallest tier of `product` that covers `users` users, or `CATALOG_UNKNOWN_TIER` when none does. */
export function tierForUsers(product: Product, users: number, path: FieldPath = ["users"]): LicensingResult<UserTier> {
  const tiers = product.pricing.kind === "user-tiers" ? product.pricing.tiers : [];
  const tier = tiers.find((candidate) => candidate.users >= users);
  return tier === undefined
    ? fail(licensingError("CATALOG_UNKNOWN_TIER", `${product.name} has no tier for ${users} users`, path, { productId: product.id, users }))
    : ok(tier);
}

/** The add-on `addOnId` offered for `product`, or `undefined` when it is not offered (M6). */
export function findAddOn(product: Product, addOnId: string): AddOn | undefined {
  return product.addOns.find((addOn) => addOn.id === addOnId);
}
