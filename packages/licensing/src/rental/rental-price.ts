import { type Money } from "@kontor/money";
import { z } from "zod";
import { findProduct } from "../catalog/catalog-lookup.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Product } from "../catalog/product.js";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import type { CustomerPriceList } from "./customer-price-list.js";

/** M1: what the order form shows: the customer's price per user and the monthly total. */
export interface RentalPrice {
  readonly productId: string;
  readonly quantity: number;
  readonly pricePerUser: Money;
  readonly monthlyTotal: Money;
}

/** Input of {@link rentalPrice}. */
export const rentalPriceInputSchema = z
  .object({ productId: z.string().min(1), quantity: z.number().int().positive() })
  .strict();

/** Input of {@link rentalPrice}. */
export type RentalPriceInput = z.input<typeof rentalPriceInputSchema>;

/** The monthly rental product `productId`, or `RENTAL_NOT_A_RENTAL_PRODUCT` / `CATALOG_UNKNOWN_PRODUCT`. */
export function findRentalProduct(catalog: Catalog, productId: string): LicensingResult<Product> {
  const product = findProduct(catalog, productId);
  if (!product.ok) return product;
  if (product.value.billingModel !== "monthly-rental") {
    return fail(
      licensingError("RENTAL_NOT_A_RENTAL_PRODUCT", `${product.value.name} is not rented monthly in the marketplace`, ["productId"]),
    );
  }
  return product;
}

/** M1: the customer's price per user of `product`: from the price list when listed, else the list price. */
export function customerPricePerUser(product: Product, priceList: CustomerPriceList | undefined): Money | undefined {
  const listed = priceList?.prices.find((price) => price.productId === product.id)?.pricePerUser;
  if (listed !== undefined) return listed;
  return product.pricing.kind === "per-user" ? product.pricing.pricePerUser : undefined;
}

/**
 * M1: the customer-specific price per user and the monthly total for `quantity` users of a
 * rental product.
 */
export function rentalPrice(input: RentalPriceInput, catalog: Catalog, priceList?: CustomerPriceList): LicensingResult<RentalPrice> {
  const parsed = parseWith(rentalPriceInputSchema, input);
  if (!parsed.ok) return parsed;
  const product = findRentalProduct(catalog, parsed.value.productId);
  if (!product.ok) return product;
  const pricePerUser = customerPricePerUser(product.value, priceList);
  if (pricePerUser === undefined || pricePerUser.currency !== product.value.currency) {
    return fail(licensingError("CATALOG_CURRENCY_MISMATCH", `No ${product.value.currency} price per user for ${product.value.name}`, ["productId"]));
  }
  return ok({
    productId: product.value.id,
    quantity: parsed.value.quantity,
    pricePerUser,
    monthlyTotal: pricePerUser.multiply(parsed.value.quantity).round("half-up"),
  });
}
