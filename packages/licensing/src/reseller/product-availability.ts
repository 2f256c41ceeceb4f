import type { IsoDate } from "@kontor/calendar";
import type { Product } from "../catalog/product.js";
import { type FieldPath, type LicensingError, licensingError } from "../errors/licensing-error.js";
import type { VendorPolicy } from "../policies/vendor-policy.js";
import type { LicenseAction } from "./license-action.js";

function earliest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((min, date) => (date !== null && (min === null || date < min) ? date : min), null);
}

/**
 * The day new sales of `product` end and the day its support ends, from the catalog and the
 * policy's product-line ends (L16); the earliest date wins.
 */
export function productEndDates(product: Product, policy: VendorPolicy): { readonly endOfSale: IsoDate | null; readonly endOfSupport: IsoDate | null } {
  const lineEnds = policy.productLineEnds.filter(
    (end) => end.edition === product.edition && (end.productLine === null || end.productLine === product.productLine),
  );
  return {
    endOfSale: earliest([product.endOfSale, ...lineEnds.map((end) => end.newSalesEndOn)]),
    endOfSupport: earliest([product.endOfSupport, ...lineEnds.map((end) => end.supportEndOn)]),
  };
}

/**
 * Whether a reseller may order `product` on `today` (the local day of `asOf`):
 * - L12: never a cloud monthly subscription (unless the policy allows it);
 * - L16: no new licenses or tier upgrades from the end of sale on, no renewals from the end of
 *   support on; the error carries the date (`details.endedOn`).
 *
 * @returns the errors, empty when the product may be ordered
 */
export function checkProductOrderable(
  product: Product,
  action: LicenseAction,
  policy: VendorPolicy,
  today: IsoDate,
  path: FieldPath = [],
): readonly LicensingError[] {
  const errors: LicensingError[] = [];
  if (product.edition === "cloud" && product.billingModel === "monthly-subscription" && !policy.resellerMayBuyCloudMonthly) {
    errors.push(
      licensingError(
        "L12_RESELLER_CLOUD_MONTHLY",
        `Resellers may buy cloud annual subscriptions for customers, never cloud monthly (${product.name})`,
        [...path, "productId"],
        { productId: product.id },
      ),
    );
  }
  const ends = productEndDates(product, policy);
  const ended = action === "renewal" ? ends.endOfSupport : ends.endOfSale;
  if (ended !== null && today >= ended) {
    const what = action === "renewal" ? "support" : "new sales";
    errors.push(
      licensingError("L16_PRODUCT_ENDED", `${product.name}: ${what} ended on ${ended}`, [...path, "productId"], {
        productId: product.id,
        endedOn: ended,
        action,
      }),
    );
  }
  return errors;
}
