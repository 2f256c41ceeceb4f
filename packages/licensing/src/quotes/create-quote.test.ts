import { describe, expect, it } from "vitest";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES, loadPolicySet, mergePolicySets } from "../policies/policy-set.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { createQuote } from "./create-quote.js";
import type { QuoteRequest } from "./quote-request.js";
import { checkQuoteValid } from "./quote-validity.js";

const context = { asOf: "2026-03-17T10:00:00+01:00", catalog: TEST_CATALOG };
const reseller = { fullName: "Petra Schmidt", email: "petra@kontor.example" };
const address = { street: "Hauptstraße 1", postalCode: "60311", city: "Frankfurt am Main", country: "DE" };

const dataCenter: QuoteRequest = {
  kind: "data-center",
  quoteId: "Q-2026-001",
  cart: [{ productId: "jira-dc", userTier: 500 }, { productId: "confluence-dc", userTier: 500 }],
  resellerBuysForCustomer: true,
  reseller,
  customer: { fullName: "Max Müller", email: "max@customer.example" },
  termsAccepted: true,
};

describe("createQuote", () => {
  it("L8: a complete Data Center quote is priced per tier and valid for 30 days", () => {
    const quote = valueOf(createQuote(dataCenter, context));
    expect(quote.lines.map((line) => [line.productId, line.userTier, line.amount.toFixed()])).toEqual([
      ["jira-dc", 500, "21000.00"],
      ["confluence-dc", 500, "12000.00"],
    ]);
    expect(quote.total.toFixed()).toBe("33000.00");
    expect(quote.createdOn).toBe("2026-03-17");
    expect(quote.validUntil).toBe("2026-04-16");
    expect(quote.vendorId).toBe("atlassian");
    expect(quote.requiresManualReview).toBe(false);
  });

  it("L8: each missing Data Center item is its own error naming the field", () => {
    const result = createQuote(
      { kind: "data-center", quoteId: "Q-2", cart: [{ productId: "jira-dc" }], reseller: { fullName: "Petra Schmidt" }, customer: {} },
      context,
    );
    expect(codesOf(result).every((code) => code === "L8_REQUIRED_FIELD_MISSING")).toBe(true);
    expect(errorsOf(result).map((error) => error.path)).toEqual([
      ["cart", 0, "userTier"],
      ["resellerBuysForCustomer"],
      ["reseller", "email"],
      ["customer", "fullName"],
      ["customer", "email"],
      ["termsAccepted"],
    ]);
    expect(errorsOf(result)[5]?.message).toBe("Missing: acceptance of the vendor's terms");
  });

  it("L8: an empty cart is a missing item; unticked terms count as missing", () => {
    const result = createQuote({ ...dataCenter, cart: [], termsAccepted: false }, context);
    expect(errorsOf(result).map((error) => [error.code, error.path])).toEqual([
      ["L8_REQUIRED_FIELD_MISSING", ["cart"]],
      ["L8_REQUIRED_FIELD_MISSING", ["termsAccepted"]],
    ]);
  });

  it("L8: a quote is valid through the end of its last day in the customer's zone", () => {
    const quote = valueOf(createQuote(dataCenter, context));
    expect(valueOf(checkQuoteValid(quote, "2026-04-16T21:59:59Z")).validUntil).toBe("2026-04-16"); // 23:59:59 in Berlin
    const expired = checkQuoteValid(quote, "2026-04-16T22:00:00Z"); // midnight in Berlin
    expect(codesOf(expired)).toEqual(["L8_QUOTE_EXPIRED"]);
    expect(errorsOf(expired)[0]?.details).toEqual({ validUntil: "2026-04-16" });
  });

  it("L8, P1: the validity period is the one of the policy in force when the quote is made", () => {
    const policies = mergePolicySets(DEFAULT_POLICIES, {
      fulfilment: [],
      rental: [],
      vendors: [{ ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-2027", effectiveFrom: "2027-01-01", quoteValidityDays: 14 }],
    });
    // 2026-12-31T23:30Z is already 2027-01-01 in Berlin: the 2027 policy applies.
    const late = valueOf(createQuote(dataCenter, { ...context, policies, asOf: "2026-12-31T23:30:00Z" }));
    expect(late).toMatchObject({ policyId: "atlassian-2027", createdOn: "2027-01-01", validUntil: "2027-01-15" });
    const early = valueOf(createQuote(dataCenter, { ...context, policies, asOf: "2026-12-31T22:30:00Z" }));
    expect(early).toMatchObject({ policyId: "atlassian-reseller-2021-02-02", createdOn: "2026-12-31", validUntil: "2027-01-30" });
  });

  it("L7: a cloud annual quote for an existing site needs reseller name and e-mail, site URL or SEN, authorized contact and a tier per product", () => {
    const complete = createQuote(
      {
        kind: "cloud-annual-existing-site",
        quoteId: "Q-3",
        reseller,
        site: { sen: "SEN-4711" },
        authorizedContact: { fullName: "Anna Admin", email: "anna@customer.example" },
        products: [{ productId: "jira-cloud-annual", userTier: 100 }],
      },
      context,
    );
    expect(valueOf(complete).total.toFixed()).toBe("8000.00");
    const missing = createQuote(
      { kind: "cloud-annual-existing-site", quoteId: "Q-4", reseller: { email: "petra@kontor.example" }, products: [{ productId: "jira-cloud-annual" }] },
      context,
    );
    expect(errorsOf(missing).map((error) => [error.code, error.path, error.message])).toEqual([
      ["L7_REQUIRED_FIELD_MISSING", ["reseller", "fullName"], "Missing: reseller full name"],
      ["L7_REQUIRED_FIELD_MISSING", ["site"], "Missing: site URL or SEN of the customer's cloud site"],
      ["L7_REQUIRED_FIELD_MISSING", ["authorizedContact", "fullName"], "Missing: full name of the site's authorized contact"],
      ["L7_REQUIRED_FIELD_MISSING", ["authorizedContact", "email"], "Missing: e-mail of the site's authorized contact"],
      ["L7_REQUIRED_FIELD_MISSING", ["products", 0, "userTier"], "Missing: user tier of products item 1"],
    ]);
  });

  it("L7: without a site, reseller and end user need name, e-mail and a physical billing address, plus the product list", () => {
    const missing = createQuote(
      {
        kind: "cloud-annual-new-site",
        quoteId: "Q-5",
        reseller: { ...reseller, billingAddress: address },
        customer: { fullName: "Max Müller", email: "max@customer.example", billingAddress: { street: "Ring 2", city: "Köln" } },
      },
      context,
    );
    expect(errorsOf(missing).map((error) => error.path)).toEqual([
      ["customer", "billingAddress", "postalCode"],
      ["customer", "billingAddress", "country"],
      ["products"],
    ]);
    const complete = createQuote(
      {
        kind: "cloud-annual-new-site",
        quoteId: "Q-6",
        reseller: { ...reseller, billingAddress: address },
        customer: { fullName: "Max Müller", email: "max@customer.example", billingAddress: { ...address, street: "Ring 2" } },
        products: [{ productId: "jira-cloud-annual", userTier: 200 }],
      },
      context,
    );
    expect(valueOf(complete).total.toFixed()).toBe("15000.00");
  });

  it("L9: a Data Center renewal needs the SEN and the technical contact's e-mail", () => {
    const missing = createQuote({ kind: "renewal", quoteId: "Q-7", edition: "data-center", productId: "jira-dc", userTier: 500, currentEnd: "2026-06-30" }, context);
    expect(errorsOf(missing).map((error) => [error.code, error.path])).toEqual([
      ["L9_REQUIRED_FIELD_MISSING", ["sen"]],
      ["L9_REQUIRED_FIELD_MISSING", ["technicalContactEmail"]],
    ]);
    const renewal = valueOf(
      createQuote(
        { kind: "renewal", quoteId: "Q-8", edition: "data-center", sen: "SEN-1", technicalContactEmail: "ops@customer.example", productId: "jira-dc", userTier: 500, currentEnd: "2026-06-30" },
        context,
      ),
    );
    expect(renewal.lines[0]).toMatchObject({ action: "renewal", period: { from: "2026-06-30", to: "2027-06-30" } });
    expect(renewal.total.toFixed()).toBe("21000.00");
  });

  it("L9: a cloud annual upgrade needs an authorized contact (billing, technical or site admin) with name, e-mail and site URL", () => {
    const base = {
      kind: "upgrade" as const,
      quoteId: "Q-9",
      edition: "cloud" as const,
      productId: "jira-cloud-annual",
      fromTier: 100,
      toTier: 200,
      term: { from: "2026-01-01", to: "2027-01-01" },
    };
    const missing = createQuote({ ...base, authorizedContact: { fullName: "Anna Admin" } }, context);
    expect(errorsOf(missing).map((error) => error.path)).toEqual([
      ["authorizedContact", "role"],
      ["authorizedContact", "email"],
      ["authorizedContact", "siteUrl"],
    ]);
    const quote = valueOf(
      createQuote(
        {
          ...base,
          authorizedContact: { role: "site-admin", fullName: "Anna Admin", email: "anna@customer.example", siteUrl: "https://customer.atlassian.net" },
          paidOn: "2026-09-01",
        },
        context,
      ),
    );
    // L18/L19: effective from the payment date 2026-09-01: 7,000 × 122 / 365 = 2,339.73
    expect(quote.lines[0]).toMatchObject({ action: "upgrade", userTier: 200, period: { from: "2026-09-01", to: "2027-01-01" } });
    expect(quote.total.toFixed()).toBe("2339.73");
  });

  it("L14: a user policy with an academic discount of 50% halves the price; the best of several flags applies", () => {
    const loaded = valueOf(
      loadPolicySet({
        vendors: [
          {
            ...ATLASSIAN_RESELLER_POLICY,
            id: "atlassian-discounts-2026",
            effectiveFrom: "2026-01-01",
            discountPercent: { "non-profit": "75", academic: "50", government: "10", "cloud-migration": "15" },
          },
        ],
      }),
    );
    const policies = mergePolicySets(DEFAULT_POLICIES, loaded);
    const quote = valueOf(createQuote({ ...dataCenter, eligibility: ["government", "academic"] }, { ...context, policies }));
    expect(quote.discount).toEqual({ eligibility: "academic", percent: "50" });
    expect(quote.lines[0]).toMatchObject({ discountPercent: "50" });
    expect(quote.lines[0]?.discount.toFixed()).toBe("10500.00");
    expect(quote.total.toFixed()).toBe("16500.00");
    // The shipped policy has no percentages (seed 001 names none): no discount.
    expect(valueOf(createQuote({ ...dataCenter, eligibility: ["academic"] }, context)).total.toFixed()).toBe("33000.00");
  });

  it("L6, L12, L16: two-tier route, reseller discount, cloud monthly and ended Server products are all reported", () => {
    const result = createQuote(
      {
        ...dataCenter,
        purchaseRoute: "via-distributor",
        resellerDiscountRequested: true,
        cart: [{ productId: "jira-server", userTier: 500 }],
      },
      context,
    );
    expect(codesOf(result)).toEqual(["L6_TWO_TIER_DISTRIBUTION", "L6_NO_RESELLER_DISCOUNT", "L16_PRODUCT_ENDED"]);
    expect(errorsOf(result)[2]).toMatchObject({ path: ["cart", 0, "productId"], details: { endedOn: "2021-02-02" } });
    const monthly = createQuote(
      {
        kind: "cloud-annual-existing-site",
        quoteId: "Q-10",
        reseller,
        site: { url: "https://customer.atlassian.net" },
        authorizedContact: { fullName: "Anna Admin", email: "anna@customer.example" },
        products: [{ productId: "jira-cloud-monthly", userTier: 10 }],
      },
      context,
    );
    expect(codesOf(monthly)).toEqual(["L12_RESELLER_CLOUD_MONTHLY"]);
  });

  it("L11: a co-term note asks for manual review (L10)", () => {
    const quote = valueOf(createQuote({ ...dataCenter, coTermTargetEnd: "2027-06-30" }, context));
    expect(quote).toMatchObject({ requiresManualReview: true, coTermTargetEnd: "2027-06-30" });
  });

  it("reports unknown products and tiers, wrong editions and malformed input with paths", () => {
    const result = createQuote({ ...dataCenter, cart: [{ productId: "nope", userTier: 1 }, { productId: "jira-dc", userTier: 750 }, { productId: "jira-cloud-annual", userTier: 100 }] }, context);
    expect(errorsOf(result).map((error) => [error.code, error.path])).toEqual([
      ["CATALOG_UNKNOWN_PRODUCT", ["cart", 0, "productId"]],
      ["CATALOG_UNKNOWN_TIER", ["cart", 1, "userTier"]],
      ["INVALID_INPUT", ["cart", 2, "productId"]],
    ]);
    const malformed = createQuote({ ...dataCenter, reseller: { fullName: "P", email: "not-an-email" } }, context);
    expect(errorsOf(malformed)[0]).toMatchObject({ code: "INVALID_INPUT", path: ["reseller", "email"] });
    expect(codesOf(createQuote({ kind: "nonsense" } as unknown as QuoteRequest, context))).toEqual(["INVALID_INPUT"]);
  });
});
