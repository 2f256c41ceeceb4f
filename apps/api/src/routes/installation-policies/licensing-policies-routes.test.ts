import { findInstallationPolicies } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_POLICIES } from "@kontor/licensing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { DATA_CENTER_REQUEST, JIRA_ORDER, seedLicensingCatalog } from "../licensing/licensing-fixtures.js";
import { ADOBE_TEST_POLICY, defaultsWithAdobe, defaultsWithAtlassianDiscounts } from "./licensing-policies-fixtures.js";

// The test clock stands at 2026-03-17T09:00Z.

interface StoredPolicies {
  readonly policies: { readonly vendors: readonly { readonly id: string; readonly vendorId: string; readonly discountPercent: Record<string, string> }[] };
  readonly source: "stored" | "default";
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

interface QuoteBody {
  readonly id: string;
  readonly quote: { readonly total: { readonly amount: string }; readonly discount: { readonly eligibility: string | null; readonly percent: string } };
}

/** An Adobe team subscription, sold as a cloud annual subscription (demo catalog). */
const ACROBAT = {
  vendor: { id: "adobe", name: "Adobe" },
  product: {
    id: "adobe-acrobat-pro-teams",
    vendorId: "adobe",
    name: "Adobe Acrobat Pro für Teams",
    productLine: "acrobat",
    edition: "cloud",
    billingModel: "annual-subscription",
    currency: "EUR",
    pricing: { kind: "user-tiers", tiers: [{ users: 5, price: { amount: "1140.00", currency: "EUR" } }, { users: 10, price: { amount: "2280.00", currency: "EUR" } }] },
  },
} as const;

const ACROBAT_QUOTE_REQUEST = {
  kind: "cloud-annual-existing-site",
  reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
  site: { url: "https://adminconsole.adobe.com/mueller" },
  authorizedContact: { fullName: "Anna Becker", email: "anna.becker@mueller-gmbh.de" },
  products: [{ productId: ACROBAT.product.id, userTier: 5 }],
} as const;

const ACROBAT_ORDER = {
  kind: "license",
  lines: [{ lineId: "1", productId: ACROBAT.product.id, userTier: 5, action: "new" }],
  technicalContact: JIRA_ORDER.technicalContact,
} as const;

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
  await seedLicensingCatalog(api);
  const adobe = await api.request({ method: "POST", url: "/v1/catalog/products", payload: ACROBAT, token: api.tokens.admin });
  if (adobe.statusCode !== 201) throw new Error(`catalog seed failed: ${adobe.body}`);
}, 60_000);
afterAll(() => api.close());

const get = (who: keyof TestTokens) => api.request({ method: "GET", url: "/v1/licensing-policies", token: api.tokens[who] });
const put = (body: unknown, who: keyof TestTokens = "admin") => api.request({ method: "PUT", url: "/v1/licensing-policies", token: api.tokens[who], payload: body as never });
const quote = (request: unknown) => api.request({ method: "POST", url: "/v1/quotes", token: api.tokens.accountManager, payload: { organizationId: api.organizations.mueller, request } });
const order = (body: Record<string, unknown>) => api.request({ method: "POST", url: "/v1/orders", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller, ...body } });

describe(`licensing policies on ${testDatabaseKind()} (P1, K10)`, () => {
  it("P1: before the first write licensing staff read the shipped defaults with version 0", async () => {
    for (const who of ["admin", "accountManager", "backOffice"] as const) {
      const read = await get(who);
      expect(read.statusCode, `${who}: ${read.body}`).toBe(200);
      expect(read.json()).toEqual({ policies: JSON.parse(JSON.stringify(DEFAULT_POLICIES)) as unknown, source: "default", version: 0, updatedBy: null, updatedAt: null });
    }
  });

  it("K10: other staff get 403, only admins write (403 for the account manager and back office), portal users get 404", async () => {
    for (const who of ["technician", "dispatcher", "materialsManagement"] as const) {
      expect(expectProblem(await get(who), 403).code, who).toBe("K10_ACCESS_DENIED");
      expect(expectProblem(await put({ policies: defaultsWithAdobe() }, who), 403).code, who).toBe("K10_ACCESS_DENIED");
    }
    for (const who of ["accountManager", "backOffice"] as const) expect(expectProblem(await put({ policies: defaultsWithAdobe() }, who), 403).code, who).toBe("K10_ACCESS_DENIED");
    for (const who of ["muellerManager", "muellerReporter", "baeckereiManager"] as const) {
      expectProblem(await get(who), 404);
      expectProblem(await put({ policies: defaultsWithAdobe() }, who), 404);
    }
    expect(await findInstallationPolicies(api.database.db, "licensing")).toBeUndefined();
  });

  it("P1: with the shipped defaults an Adobe product can be neither quoted nor ordered (P1_NO_POLICY_IN_FORCE)", async () => {
    expect(expectProblem(await quote(ACROBAT_QUOTE_REQUEST), 422).errors?.map((error) => error.code)).toContain("P1_NO_POLICY_IN_FORCE");
    expect(expectProblem(await order({ order: ACROBAT_ORDER }), 422).errors?.map((error) => error.code)).toContain("P1_NO_POLICY_IN_FORCE");
  });

  it("P1: an invalid policy set is 400 naming the field; nothing is stored", async () => {
    const withAdobe = (change: Record<string, unknown>) => ({ policies: { ...defaultsWithAdobe(), vendors: [{ ...ADOBE_TEST_POLICY, ...change }] } });
    expectProblem(await put(withAdobe({ effectiveFrom: "2024-13-01" })), 400, "body.policies.vendors.0.effectiveFrom");
    expectProblem(await put(withAdobe({ discountPercent: { ...ADOBE_TEST_POLICY.discountPercent, academic: "150" } })), 400, "body.policies.vendors.0.discountPercent.academic");
    expectProblem(await put(withAdobe({ quoteValidityDays: 0 })), 400, "body.policies.vendors.0.quoteValidityDays");
    // Two versions of one vendor's policy taking effect on one day.
    expectProblem(await put({ policies: { vendors: [ADOBE_TEST_POLICY, { ...ADOBE_TEST_POLICY, id: "copy" }] } }), 400, "body.policies.vendors.1.effectiveFrom");
    expectProblem(await put({ policies: { ...defaultsWithAdobe(), seats: [] } }), 400);
    expectProblem(await put({ policies: defaultsWithAdobe(), expectedVersion: -1 }), 400, "body.expectedVersion");
    expect(await findInstallationPolicies(api.database.db, "licensing")).toBeUndefined();
  });

  it("P1: after an admin stores a set with an Adobe vendor policy (201, version 1), the Adobe product is quoted (1140 EUR for 5 users) and ordered", async () => {
    const created = await put({ policies: defaultsWithAdobe() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe("/v1/licensing-policies");
    const stored = created.json<StoredPolicies>();
    expect(stored).toMatchObject({ source: "stored", version: 1, updatedBy: api.users.admin, updatedAt: "2026-03-17T09:00:00.000Z" });
    expect(stored.policies.vendors.map((policy) => policy.id)).toEqual(["atlassian-reseller-2021-02-02", "adobe-test-2024-01-01"]);
    expect((await get("accountManager")).json()).toEqual(stored);

    const quoted = await quote(ACROBAT_QUOTE_REQUEST);
    expect(quoted.statusCode, quoted.body).toBe(201);
    expect(quoted.json<QuoteBody>().quote.total.amount).toBe("1140");
    const fromQuote = await order({ quoteId: quoted.json<QuoteBody>().id, acceptance: { technicalContact: JIRA_ORDER.technicalContact } });
    expect(fromQuote.statusCode, fromQuote.body).toBe(201);
    const direct = await order({ order: ACROBAT_ORDER });
    expect(direct.statusCode, direct.body).toBe(201);
  });

  it("L14: a changed discount percentage changes the quote: Jira Data Center 500 users for a non-profit, 21000 EUR at 0 %, 17850 EUR at 15 %", async () => {
    const nonProfit = { ...DATA_CENTER_REQUEST, eligibility: ["non-profit"] };
    const before = await quote(nonProfit);
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json<QuoteBody>().quote.total.amount).toBe("21000");

    const discounts = { "non-profit": "15", academic: "20", government: "10", "cloud-migration": "5" };
    const replaced = await put({ policies: { ...defaultsWithAtlassianDiscounts(discounts), vendors: [...defaultsWithAtlassianDiscounts(discounts).vendors ?? [], ADOBE_TEST_POLICY] }, expectedVersion: 1 });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<StoredPolicies>().version).toBe(2);

    const after = await quote(nonProfit);
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json<QuoteBody>().quote).toMatchObject({ total: { amount: "17850" }, discount: { eligibility: "non-profit", percent: "15" } });
    // Not stacked: of non-profit (15 %) and academic (20 %) the higher applies: 21000 × 0.8 = 16800.
    expect((await quote({ ...DATA_CENTER_REQUEST, eligibility: ["non-profit", "academic"] })).json<QuoteBody>().quote.total.amount).toBe("16800");
  });

  it("P1: a stale or a repeated first write is 409 VERSION_CONFLICT and changes nothing", async () => {
    const stale = expectProblem(await put({ policies: defaultsWithAdobe(), expectedVersion: 1 }), 409);
    expect([stale.code, stale.detail]).toEqual(["VERSION_CONFLICT", "Licensing policies is at version 2, not 1"]);
    expect(expectProblem(await put({ policies: defaultsWithAdobe() }), 409).code).toBe("VERSION_CONFLICT");
    expect((await get("admin")).json<StoredPolicies>().version).toBe(2);
  });

  it("P1: a stored set that no longer parses fails reads and quotes with a 500 naming the field instead of using the defaults", async () => {
    await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{vendors,0,quoteValidityDays}', '0'::jsonb) WHERE domain = 'licensing'");
    const problem = expectProblem(await get("admin"), 500);
    expect(problem.code).toBe("LICENSING_POLICIES_INVALID");
    expect(problem.detail).toContain("vendors.0.quoteValidityDays");
    expect(expectProblem(await quote(DATA_CENTER_REQUEST), 500).code).toBe("LICENSING_POLICIES_INVALID");
    // An admin replaces it at its version; the shipped defaults apply again (Adobe refused once more).
    const fixed = await put({ policies: JSON.parse(JSON.stringify(DEFAULT_POLICIES)) as unknown, expectedVersion: 2 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(expectProblem(await quote(ACROBAT_QUOTE_REQUEST), 422).errors?.map((error) => error.code)).toContain("P1_NO_POLICY_IN_FORCE");
  });
});
