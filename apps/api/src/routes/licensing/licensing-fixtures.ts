import type { TestApi } from "../../testing/test-api.js";

const atlassian = { id: "atlassian", name: "Atlassian" };
const microsoft = { id: "microsoft", name: "Microsoft" };
const eur = (amount: string) => ({ amount, currency: "EUR" });

/** Catalog products of the licensing tests, priced like the package's README (seed 001, seed 002). */
export const TEST_PRODUCTS = [
  {
    vendor: atlassian,
    product: {
      id: "jira-dc",
      vendorId: "atlassian",
      name: "Jira Data Center",
      productLine: "jira",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("21000.00") }, { users: 1000, price: eur("36500.00") }] },
    },
  },
  {
    vendor: atlassian,
    product: {
      id: "confluence-cloud-monthly",
      vendorId: "atlassian",
      name: "Confluence Cloud (monthly)",
      productLine: "confluence",
      edition: "cloud",
      billingModel: "monthly-subscription",
      currency: "EUR",
      pricing: { kind: "user-tiers", tiers: [{ users: 10, price: eur("60.00") }] },
    },
  },
  {
    vendor: microsoft,
    product: {
      id: "m365-bs",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Standard",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("11.70") },
      addOns: [{ id: "teams-phone", name: "Teams Phone Standard", pricePerUnit: eur("7.50") }],
    },
  },
] as const;

/** Puts the test products into the catalog (idempotent: posting a product again replaces it). */
export async function seedLicensingCatalog(api: TestApi): Promise<void> {
  for (const body of TEST_PRODUCTS) {
    const response = await api.request({ method: "POST", url: "/v1/catalog/products", payload: body, token: api.tokens.admin });
    if (response.statusCode !== 201) throw new Error(`catalog seed failed: ${response.body}`);
  }
}

/** A Data Center quote request for Jira, 500 users (L8). */
export const DATA_CENTER_REQUEST = {
  kind: "data-center",
  cart: [{ productId: "jira-dc", userTier: 500 }],
  resellerBuysForCustomer: true,
  reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
  customer: { fullName: "Anna Becker", email: "anna.becker@mueller-gmbh.de" },
  termsAccepted: true,
} as const;

/** A license order for Jira Data Center, 500 users, with a verified technical contact (L1, L4). */
export const JIRA_ORDER = {
  kind: "license",
  lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "new" }],
  confirmationRequirements: { customerPoNumber: "PO-7781" },
  technicalContact: { fullName: "Tom Technik", email: "tom@mueller-gmbh.de", hasVendorAccount: true },
} as const;

/** Posts a JSON request as `token` and returns the parsed body, failing on an unexpected status. */
export async function send<T>(api: TestApi, method: "GET" | "POST", url: string, token: string, payload: unknown, status: number): Promise<T> {
  const response = await api.request({ method, url, token, ...(payload === undefined ? {} : { payload: payload as never }) });
  if (response.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${response.statusCode} ${response.body}`);
  return response.json<T>();
}
