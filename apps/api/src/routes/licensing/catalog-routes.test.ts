import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { TEST_PRODUCTS, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface ProductBody {
  product: { id: string; name: string };
  vendor: { name: string };
  version: number;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

describe(`catalog routes on ${testDatabaseKind()}`, () => {
  it("every signed-in user reads the catalog (M1), paged in creation order", async () => {
    const first = await send<{ items: ProductBody[]; nextCursor: string }>(api, "GET", "/v1/catalog/products?limit=2", api.tokens.muellerReporter, undefined, 200);
    expect(first.items.map((item) => item.product.id)).toEqual(["confluence-cloud-monthly", "jira-dc"]); // same instant: by id
    const rest = await send<{ items: ProductBody[]; nextCursor: string | null }>(api, "GET", `/v1/catalog/products?limit=2&cursor=${first.nextCursor}`, api.tokens.muellerReporter, undefined, 200);
    expect([rest.items.map((item) => item.product.id), rest.nextCursor]).toEqual([["m365-bs"], null]);
    const one = await send<ProductBody>(api, "GET", "/v1/catalog/products/m365-bs", api.tokens.baeckereiManager, undefined, 200);
    expect([one.product.name, one.vendor.name]).toEqual(["Microsoft 365 Business Standard", "Microsoft"]);
    expectProblem(await api.request({ method: "GET", url: "/v1/catalog/products/nope", token: api.tokens.admin }), 404);
  });

  it("posting a product again replaces it and counts the version", async () => {
    const [jira] = TEST_PRODUCTS;
    const body = await send<ProductBody>(api, "POST", "/v1/catalog/products", api.tokens.accountManager, { ...jira, product: { ...jira.product, name: "Jira Data Center (2026)" } }, 201);
    expect([body.product.name, body.version]).toEqual(["Jira Data Center (2026)", 2]);
  });

  it("rejects a product whose vendor is another than the one posted, and prices in a foreign currency (400)", async () => {
    const [jira] = TEST_PRODUCTS;
    const usd = { ...jira, product: { ...jira.product, pricing: { kind: "user-tiers", tiers: [{ users: 500, price: { amount: "1", currency: "USD" } }] } } };
    expectProblem(await api.request({ method: "POST", url: "/v1/catalog/products", token: api.tokens.admin, payload: usd }), 400, "body.product.pricing.tiers.0.price.currency");
  });

  it("only admins and account managers keep the catalog: back office 403, portal users 404", async () => {
    const [jira] = TEST_PRODUCTS;
    expectProblem(await api.request({ method: "POST", url: "/v1/catalog/products", token: api.tokens.backOffice, payload: jira }), 403);
    expectProblem(await api.request({ method: "POST", url: "/v1/catalog/products", token: api.tokens.muellerManager, payload: jira }), 404);
  });
});
