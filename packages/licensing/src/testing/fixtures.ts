import { catalogSchema, type Catalog, type CatalogInput } from "../catalog/catalog.js";

const eur = (amount: string) => ({ amount, currency: "EUR" as const });

/** The catalog the tests use: Atlassian editions of Jira and Confluence, and Microsoft 365 rentals. */
export const TEST_CATALOG_INPUT: CatalogInput = {
  vendors: [
    { id: "atlassian", name: "Atlassian" },
    { id: "microsoft", name: "Microsoft" },
  ],
  products: [
    {
      id: "jira-dc",
      vendorId: "atlassian",
      name: "Jira Data Center",
      productLine: "jira",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: {
        kind: "user-tiers",
        tiers: [
          { users: 500, price: eur("21000.00") },
          { users: 1000, price: eur("36500.00") },
          { users: 2000, price: eur("58000.00") },
        ],
      },
    },
    {
      id: "confluence-dc",
      vendorId: "atlassian",
      name: "Confluence Data Center",
      productLine: "confluence",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("12000.00") }] },
    },
    {
      id: "jira-cloud-annual",
      vendorId: "atlassian",
      name: "Jira Cloud Standard (annual)",
      productLine: "jira",
      edition: "cloud",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: {
        kind: "user-tiers",
        tiers: [
          { users: 100, price: eur("8000.00") },
          { users: 200, price: eur("15000.00") },
        ],
      },
    },
    {
      id: "jira-cloud-monthly",
      vendorId: "atlassian",
      name: "Jira Cloud Standard (monthly)",
      productLine: "jira",
      edition: "cloud",
      billingModel: "monthly-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 10, price: eur("80.00") }] },
    },
    {
      id: "jira-server",
      vendorId: "atlassian",
      name: "Jira Server",
      productLine: "jira",
      edition: "server",
      billingModel: "perpetual-maintenance",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("12000.00"), renewalPrice: eur("6000.00") }] },
    },
    {
      id: "m365-business-standard",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Standard",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("11.70") },
      addOns: [
        { id: "teams-phone", name: "Teams Phone Standard", pricePerUnit: eur("7.50") },
        { id: "exchange-archiving", name: "Exchange Online Archiving", pricePerUnit: eur("2.80") },
      ],
    },
    {
      id: "m365-business-premium",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Premium",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("20.60") },
    },
  ],
};

/** {@link TEST_CATALOG_INPUT}, validated. */
export const TEST_CATALOG: Catalog = catalogSchema.parse(TEST_CATALOG_INPUT);
