import { findCustomerPriceList, saveCustomerPriceList, type Executor } from "@kontor/db";
import { customerPriceListSchema, findRentalProduct, type Catalog } from "@kontor/licensing";
import { DEMO_PRODUCT } from "./demo-catalog.js";
import { demoValue } from "./demo-result.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** Müller GmbH's agreed price per user and month of Microsoft 365 Business Standard (list price 11.70). */
export const DEMO_CUSTOMER_PRICE = { productId: DEMO_PRODUCT.m365BusinessStandard, pricePerUser: { amount: "10.90", currency: "EUR" } } as const;

/**
 * M1: the customer-specific rental prices the account manager agreed with Müller GmbH last month:
 * Microsoft 365 Business Standard at 10.90 EUR instead of the list price, so the order form
 * (`GET /v1/rental-prices`) and every rental Müller places from now on use it; other products
 * cost the list price. Checked like `PUT /v1/organizations/:id/rental-price-list` checks it (a
 * rental product of the catalog, in its currency) and stored as version 1. A price list staff
 * stored already stays as it is. Returns the stored version.
 */
export async function seedDemoPriceList(executor: Executor, catalog: Catalog, timeline: DemoTimeline, customerId: string, agreedBy: string): Promise<number> {
  const existing = await findCustomerPriceList(executor, customerId);
  if (existing !== undefined) return existing.version;
  const product = demoValue(findRentalProduct(catalog, DEMO_CUSTOMER_PRICE.productId), "the price list's product");
  const priceList = customerPriceListSchema.parse({ customerId, prices: [DEMO_CUSTOMER_PRICE] });
  if (priceList.prices.some((price) => price.pricePerUser.currency !== product.currency)) throw new Error(`demo scenario: ${product.name} is not sold in EUR`);
  const saved = await saveCustomerPriceList(executor, { organizationId: customerId, prices: [DEMO_CUSTOMER_PRICE], updatedBy: agreedBy }, 0, timeline.at(timeline.previousMonth(15), 10));
  if (saved === undefined) throw new Error(`demo scenario: the price list of ${customerId} was stored concurrently`);
  return saved.version;
}
