import { catalogSchema } from "@kontor/licensing";

const eur = (amount: string) => ({ amount, currency: "EUR" as const });

/**
 * Test catalog, seed 001 prices: Jira Data Center (self-managed, its key comes from the vendor)
 * and Confluence Cloud annual (no key, L5).
 */
export const ATLASSIAN_TEST_CATALOG = catalogSchema.parse({
  vendors: [{ id: "atlassian", name: "Atlassian" }],
  products: [
    {
      id: "jira-dc",
      vendorId: "atlassian",
      name: "Jira Data Center",
      productLine: "jira",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("21000.00") }] },
    },
    {
      id: "confluence-cloud",
      vendorId: "atlassian",
      name: "Confluence Cloud",
      productLine: "confluence",
      edition: "cloud",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 100, price: eur("5500.00") }] },
    },
  ],
});

/** The customer's technical contact with a vendor account (L4). */
export const TEST_TECHNICAL_CONTACT = { fullName: "Tom Technik", email: "tom@mueller-gmbh.de", hasVendorAccount: true };
