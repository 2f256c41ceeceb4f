import { z } from "zod";
import { type FieldPath, type LicensingError, licensingError } from "../errors/licensing-error.js";
import type { VendorPolicy } from "../policies/vendor-policy.js";

/** How the reseller buys from the vendor: `direct`, or `via-distributor` (two-tier distribution, L6). */
export type PurchaseRoute = "direct" | "via-distributor";

/** zod schema of a {@link PurchaseRoute}; defaults to `direct`. */
export const purchaseRouteSchema = z.enum(["direct", "via-distributor"]).default("direct");

/**
 * L6: a reseller must buy directly from the vendor; buying through another distributor is
 * two-tier distribution and rejected with `L6_TWO_TIER_DISTRIBUTION` unless the policy allows it.
 */
export function checkPurchaseRoute(route: PurchaseRoute, policy: VendorPolicy, path: FieldPath = ["purchaseRoute"]): readonly LicensingError[] {
  if (route === "direct" || policy.twoTierDistributionAllowed) return [];
  return [
    licensingError(
      "L6_TWO_TIER_DISTRIBUTION",
      `${policy.vendorId} forbids buying through another distributor (two-tier distribution); buy directly from the vendor`,
      path,
      { vendorId: policy.vendorId },
    ),
  ];
}

/** L6: a requested reseller discount is refused with `L6_NO_RESELLER_DISCOUNT` when the policy grants none. */
export function checkResellerDiscountRequest(
  requested: boolean,
  policy: VendorPolicy,
  path: FieldPath = ["resellerDiscountRequested"],
): readonly LicensingError[] {
  if (!requested || policy.resellerDiscountPercent !== "0") return [];
  return [licensingError("L6_NO_RESELLER_DISCOUNT", `${policy.vendorId} gives resellers no discount`, path, { vendorId: policy.vendorId })];
}
