import { findLicensingProduct, loadLicensingCatalog, upsertLicensingProduct, upsertLicensingVendor, type Executor } from "@kontor/db";
import { catalogSchema, productSchema, vendorSchema, type Catalog, type ProductInput, type Vendor } from "@kontor/licensing";
import { toStoredJson } from "./stored-json.js";

const ATLASSIAN: Vendor = vendorSchema.parse({ id: "atlassian", name: "Atlassian" });
const MICROSOFT: Vendor = vendorSchema.parse({ id: "microsoft", name: "Microsoft" });
const ADOBE: Vendor = vendorSchema.parse({ id: "adobe", name: "Adobe" });

const eur = (amount: string) => ({ amount, currency: "EUR" as const });

/** Product ids the scenario refers to. */
export const DEMO_PRODUCT = {
  jiraDataCenter: "jira-dc",
  confluenceDataCenter: "confluence-dc",
  jiraCloudAnnual: "jira-cloud-annual",
  acrobatPro: "adobe-acrobat-pro-teams",
  m365BusinessStandard: "m365-bs",
  m365BusinessPremium: "m365-bp",
} as const;

/**
 * The demo catalog (seed 001: Atlassian Data Center and cloud annual by user tier; seed 002:
 * Microsoft 365 rented monthly per user, with an add-on; an Adobe team subscription). Prices are
 * demo list prices in EUR; Jira Data Center and M365 Business Standard match the API's tests.
 */
const DEMO_PRODUCTS: readonly { readonly vendor: Vendor; readonly product: ProductInput }[] = [
  {
    vendor: ATLASSIAN,
    product: {
      id: DEMO_PRODUCT.jiraDataCenter,
      vendorId: ATLASSIAN.id,
      name: "Jira Data Center",
      productLine: "jira",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("21000.00") }, { users: 1000, price: eur("36500.00") }] },
    },
  },
  {
    vendor: ATLASSIAN,
    product: {
      id: DEMO_PRODUCT.confluenceDataCenter,
      vendorId: ATLASSIAN.id,
      name: "Confluence Data Center",
      productLine: "confluence",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("15600.00") }, { users: 1000, price: eur("27300.00") }] },
    },
  },
  {
    vendor: ATLASSIAN,
    product: {
      id: DEMO_PRODUCT.jiraCloudAnnual,
      vendorId: ATLASSIAN.id,
      name: "Jira Cloud Standard (annual)",
      productLine: "jira",
      edition: "cloud",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: {
        kind: "user-tiers",
        tiers: [
          { users: 10, price: eur("850.00") },
          { users: 25, price: eur("2100.00") },
          { users: 50, price: eur("4150.00") },
        ],
      },
    },
  },
  {
    vendor: ADOBE,
    product: {
      id: DEMO_PRODUCT.acrobatPro,
      vendorId: ADOBE.id,
      name: "Adobe Acrobat Pro für Teams",
      productLine: "acrobat",
      edition: "cloud",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 5, price: eur("1140.00") }, { users: 10, price: eur("2280.00") }] },
    },
  },
  {
    vendor: MICROSOFT,
    product: {
      id: DEMO_PRODUCT.m365BusinessStandard,
      vendorId: MICROSOFT.id,
      name: "Microsoft 365 Business Standard",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("11.70") },
      addOns: [{ id: "teams-phone", name: "Teams Phone Standard", pricePerUnit: eur("7.50") }],
    },
  },
  {
    vendor: MICROSOFT,
    product: {
      id: DEMO_PRODUCT.m365BusinessPremium,
      vendorId: MICROSOFT.id,
      name: "Microsoft 365 Business Premium",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("20.60") },
      addOns: [{ id: "exchange-archiving", name: "Exchange Online Archiving", pricePerUnit: eur("2.80") }],
    },
  },
];

/**
 * Adds the demo products that are not in the catalog yet (a product staff already keep under
 * the same id stays as it is) and returns the whole catalog, validated as the API reads it.
 */
export async function seedDemoCatalog(executor: Executor, now: Date): Promise<Catalog> {
  for (const { vendor, product } of DEMO_PRODUCTS) {
    if ((await findLicensingProduct(executor, product.id)) !== undefined) continue;
    await upsertLicensingVendor(executor, vendor, now);
    await upsertLicensingProduct(executor, { id: product.id, vendorId: vendor.id, record: toStoredJson(productSchema.parse(product)) }, now);
  }
  const { vendors, products } = await loadLicensingCatalog(executor);
  return catalogSchema.parse({ vendors: vendors.map((vendor) => ({ id: vendor.id, name: vendor.name })), products: products.map((row) => row.record) });
}

/** A catalog product the scenario needs; it was just seeded, so a miss is a bug. */
export function demoProduct(catalog: Catalog, id: string): Catalog["products"][number] {
  const product = catalog.products.find((item) => item.id === id);
  if (product === undefined) throw new Error(`demo scenario: product ${id} is not in the catalog`);
  return product;
}
