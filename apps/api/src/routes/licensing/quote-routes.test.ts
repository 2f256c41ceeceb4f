import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { DATA_CENTER_REQUEST, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface QuoteBody {
  id: string;
  organizationId: string;
  quote: { total: { amount: string }; validUntil: string; createdOn: string; lines: { amount: { amount: string } }[] };
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

describe(`quote routes on ${testDatabaseKind()}`, () => {
  it("L8: prices a Data Center quote, Jira 500 users = 21000 EUR, valid 30 days until 2026-04-16", async () => {
    const body = await send<QuoteBody>(api, "POST", "/v1/quotes", api.tokens.accountManager, { organizationId: api.organizations.mueller, request: DATA_CENTER_REQUEST }, 201);
    expect(body.quote.total.amount).toBe("21000");
    expect([body.quote.createdOn, body.quote.validUntil]).toEqual(["2026-03-17", "2026-04-16"]);
    const again = await send<QuoteBody>(api, "GET", `/v1/quotes/${body.id}`, api.tokens.muellerManager, undefined, 200);
    expect(again.quote.lines[0]?.amount.amount).toBe("21000");
  });

  it("L8: names every missing item of an incomplete Data Center request in a 422", async () => {
    const response = await api.request({
      method: "POST",
      url: "/v1/quotes",
      token: api.tokens.admin,
      payload: { organizationId: api.organizations.mueller, request: { kind: "data-center", cart: [{ productId: "jira-dc", userTier: 500 }] } },
    });
    const problem = expectProblem(response, 422, "body.resellerBuysForCustomer");
    expect(problem.errors?.map((error) => error.code)).toContain("L8_REQUIRED_FIELD_MISSING");
    expect(problem.errors?.map((error) => error.path)).toContain("body.termsAccepted");
  });

  it("L12: a cloud monthly product cannot be quoted for a customer", async () => {
    const response = await api.request({
      method: "POST",
      url: "/v1/quotes",
      token: api.tokens.admin,
      payload: {
        organizationId: api.organizations.mueller,
        request: {
          kind: "cloud-annual-existing-site",
          reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
          site: { url: "https://mueller.atlassian.net" },
          authorizedContact: { fullName: "Anna Becker", email: "anna.becker@mueller-gmbh.de" },
          products: [{ productId: "confluence-cloud-monthly", userTier: 10 }],
        },
      },
    });
    expect(expectProblem(response, 422).errors?.map((error) => error.code)).toContain("L12_RESELLER_CLOUD_MONTHLY");
  });

  it("L6: buying through a distributor is refused", async () => {
    const response = await api.request({
      method: "POST",
      url: "/v1/quotes",
      token: api.tokens.admin,
      payload: { organizationId: api.organizations.mueller, request: { ...DATA_CENTER_REQUEST, purchaseRoute: "via-distributor" } },
    });
    expect(expectProblem(response, 422).errors?.map((error) => error.code)).toContain("L6_TWO_TIER_DISTRIBUTION");
  });

  it("only licensing staff create quotes: technician 403, portal manager 404", async () => {
    const payload = { organizationId: api.organizations.mueller, request: DATA_CENTER_REQUEST };
    expectProblem(await api.request({ method: "POST", url: "/v1/quotes", token: api.tokens.technician, payload }), 403);
    expectProblem(await api.request({ method: "POST", url: "/v1/quotes", token: api.tokens.muellerManager, payload }), 404);
  });

  it("lists a portal manager's own quotes only, reporters see none, pages with a cursor", async () => {
    await send(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.baeckerei, request: DATA_CENTER_REQUEST }, 201);
    const own = await send<{ items: QuoteBody[] }>(api, "GET", "/v1/quotes", api.tokens.muellerManager, undefined, 200);
    expect(own.items.length).toBe(1);
    expect(own.items.every((item) => item.organizationId === api.organizations.mueller)).toBe(true);
    expectProblem(await api.request({ method: "GET", url: "/v1/quotes", token: api.tokens.muellerReporter }), 404);
    const first = await send<{ items: QuoteBody[]; nextCursor: string }>(api, "GET", "/v1/quotes?limit=1", api.tokens.admin, undefined, 200);
    const second = await send<{ items: QuoteBody[]; nextCursor: string | null }>(api, "GET", `/v1/quotes?limit=1&cursor=${first.nextCursor}`, api.tokens.admin, undefined, 200);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(second.nextCursor).toBeNull();
  });

  it("a foreign organization's quote is 404 for Bäckerei's manager", async () => {
    const [quote] = (await send<{ items: QuoteBody[] }>(api, "GET", `/v1/quotes?organizationId=${api.organizations.mueller}`, api.tokens.admin, undefined, 200)).items;
    expectProblem(await api.request({ method: "GET", url: `/v1/quotes/${quote?.id ?? ""}`, token: api.tokens.baeckereiManager }), 404);
  });
});
