import { describe, expect, it } from "vitest";
import { TEST_CATALOG, TEST_CATALOG_INPUT } from "../testing/fixtures.js";
import { codesOf, valueOf } from "../testing/expect-result.js";
import { findAddOn, findProduct, findTier, tierForUsers } from "./catalog-lookup.js";
import { catalogSchema } from "./catalog.js";
import { productSchema } from "./product.js";

describe("catalog", () => {
  it("models vendors, editions, billing models, stepped tiers, add-ons and end dates", () => {
    const jira = valueOf(findProduct(TEST_CATALOG, "jira-dc"));
    expect([jira.edition, jira.billingModel, jira.endOfSale, jira.endOfSupport]).toEqual(["data-center", "annual-subscription", null, null]);
    expect(valueOf(findTier(jira, 1000)).price.toFixed()).toBe("36500.00");
    expect(valueOf(tierForUsers(jira, 501)).users).toBe(1000);
    expect(codesOf(tierForUsers(jira, 2001))).toEqual(["CATALOG_UNKNOWN_TIER"]);
    const m365 = valueOf(findProduct(TEST_CATALOG, "m365-business-standard"));
    expect(findAddOn(m365, "teams-phone")?.pricePerUnit.toFixed()).toBe("7.50");
    expect(findAddOn(m365, "copilot")).toBeUndefined();
    expect(codesOf(findProduct(TEST_CATALOG, "nope"))).toEqual(["CATALOG_UNKNOWN_PRODUCT"]);
  });

  it("rejects prices in another currency, rentals priced by tier, descending tiers and unknown vendors", () => {
    const [jira] = TEST_CATALOG_INPUT.products;
    const base = jira as Record<string, unknown>;
    const usd = productSchema.safeParse({ ...base, pricing: { kind: "user-tiers", tiers: [{ users: 10, price: { amount: "1", currency: "USD" } }] } });
    expect(usd.error?.issues[0]?.path).toEqual(["pricing", "tiers", 0, "price", "currency"]);
    const rental = productSchema.safeParse({ ...base, billingModel: "monthly-rental" });
    expect(rental.error?.issues[0]?.path).toEqual(["pricing", "kind"]);
    const descending = productSchema.safeParse({
      ...base,
      pricing: { kind: "user-tiers", tiers: [{ users: 50, price: { amount: "2", currency: "EUR" } }, { users: 10, price: { amount: "1", currency: "EUR" } }] },
    });
    expect(descending.success).toBe(false);
    const orphan = catalogSchema.safeParse({ vendors: [], products: [jira] });
    expect(orphan.error?.issues[0]?.path).toEqual(["products", 0, "vendorId"]);
  });
});
