import { findCustomerPriceList } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { seedLicensingCatalog } from "./licensing-fixtures.js";

// The catalog lists Microsoft 365 Business Standard (`m365-bs`) at 11.70 EUR per user and month.

interface PriceListBody {
  organizationId: string;
  prices: { productId: string; pricePerUser: { amount: string; currency: string } }[];
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

interface RentalPriceBody {
  quantity: number;
  pricePerUser: { amount: string; currency: string };
  monthlyTotal: { amount: string; currency: string };
  source: string;
}

const eur = (amount: string) => ({ amount, currency: "EUR" });
const consents = { termsAndLicenseConditions: true, vendorAccountCreation: true };

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

const listUrl = () => `/v1/organizations/${api.organizations.mueller}/rental-price-list`;
const getList = (who: keyof TestTokens, url = listUrl()) => api.request({ method: "GET", url, token: api.tokens[who] });
const putList = (body: unknown, who: keyof TestTokens = "accountManager", url = listUrl()) => api.request({ method: "PUT", url, token: api.tokens[who], payload: body as never });
const quote = (organizationId: string, quantity: number, who: keyof TestTokens = "muellerManager") =>
  api.request({ method: "GET", url: `/v1/rental-prices?organizationId=${organizationId}&productId=m365-bs&quantity=${String(quantity)}`, token: api.tokens[who] });
const amounts = (body: RentalPriceBody) => [body.pricePerUser.amount, body.monthlyTotal.amount, body.source];

describe(`customer rental price lists on ${testDatabaseKind()} (M1)`, () => {
  it("M1: without a price list the customer sees version 0 and the order form shows the list price: 18 × 11.70 = 210.60", async () => {
    const list = await getList("muellerManager");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<PriceListBody>()).toEqual({ organizationId: api.organizations.mueller, prices: [], version: 0, updatedBy: null, updatedAt: null });
    const price = await quote(api.organizations.mueller, 18);
    expect(price.statusCode, price.body).toBe(200);
    expect(amounts(price.json<RentalPriceBody>())).toEqual(["11.70", "210.60", "list-price"]);
  });

  it("M1: prices that are not of a rental product of the catalog, twice, in another currency or negative are 422 naming the price; nothing is stored", async () => {
    const cases: [unknown[], string, string][] = [
      [[{ productId: "no-such-product", pricePerUser: eur("9.00") }], "body.prices.0.productId", "CATALOG_UNKNOWN_PRODUCT"],
      [[{ productId: "jira-dc", pricePerUser: eur("9.00") }], "body.prices.0.productId", "RENTAL_NOT_A_RENTAL_PRODUCT"],
      [[{ productId: "m365-bs", pricePerUser: eur("10.90") }, { productId: "m365-bs", pricePerUser: eur("10.50") }], "body.prices.1.productId", "M1_DUPLICATE_PRICE"],
      [[{ productId: "m365-bs", pricePerUser: { amount: "12.00", currency: "USD" } }], "body.prices.0.pricePerUser.currency", "M1_PRICE_CURRENCY"],
      [[{ productId: "m365-bs", pricePerUser: eur("-1.00") }], "body.prices.0.pricePerUser.amount", "M1_NEGATIVE_PRICE"],
    ];
    for (const [prices, field, code] of cases) {
      expect(expectProblem(await putList({ prices, expectedVersion: 0 }), 422, field).code, code).toBe(code);
    }
    expectProblem(await putList({ prices: [{ productId: "m365-bs", pricePerUser: eur("10,90") }], expectedVersion: 0 }), 400, "body.prices.0.pricePerUser.amount");
    expect(await findCustomerPriceList(api.database.db, api.organizations.mueller)).toBeUndefined();
  });

  it("K10: only account managers and admins write (a technician 403, portal users 404); neither another organization's users nor Müller's own reporter may read it (404, as licensing reads are for managers)", async () => {
    const body = { prices: [{ productId: "m365-bs", pricePerUser: eur("1.00") }], expectedVersion: 0 };
    expectProblem(await putList(body, "technician"), 403);
    expectProblem(await putList(body, "backOffice"), 403);
    expectProblem(await putList(body, "muellerManager"), 404);
    expectProblem(await putList(body, "baeckereiManager"), 404);
    expectProblem(await getList("baeckereiManager"), 404);
    expectProblem(await quote(api.organizations.mueller, 18, "baeckereiManager"), 404);
    expectProblem(await getList("muellerReporter"), 404);
    expect(await findCustomerPriceList(api.database.db, api.organizations.mueller)).toBeUndefined();
  });

  it("M1: Müller's agreed 10.90 applies to the order form (18 × 10.90 = 196.20) and to the rental Müller places; Bäckerei still pays 11.70", async () => {
    const created = await putList({ prices: [{ productId: "m365-bs", pricePerUser: eur("10.90") }], expectedVersion: 0 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<PriceListBody>()).toEqual({
      organizationId: api.organizations.mueller,
      prices: [{ productId: "m365-bs", pricePerUser: eur("10.90") }],
      version: 1,
      updatedBy: api.users.accountManager,
      updatedAt: "2026-03-17T09:00:00.000Z",
    });
    expect((await getList("muellerManager")).json<PriceListBody>().version).toBe(1);

    expect(amounts((await quote(api.organizations.mueller, 18)).json<RentalPriceBody>())).toEqual(["10.90", "196.20", "customer-price-list"]);
    expect(amounts((await quote(api.organizations.baeckerei, 18, "baeckereiManager")).json<RentalPriceBody>())).toEqual(["11.70", "210.60", "list-price"]);

    const placed = await api.request({
      method: "POST",
      url: "/v1/rental-subscriptions",
      token: api.tokens.muellerManager,
      payload: { organizationId: api.organizations.mueller, productId: "m365-bs", quantity: 18, consents },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const rental = placed.json<{ subscription: { pricePerUser: { amount: string } }; overview: { monthlyTotal: { amount: string } } }>();
    expect(Number(rental.subscription.pricePerUser.amount)).toBe(10.9);
    expect(Number(rental.overview.monthlyTotal.amount)).toBe(196.2);
  });

  it("M1: a replacement needs the version read: a stale one is 409 VERSION_CONFLICT and changes nothing", async () => {
    const replaced = await putList({ prices: [{ productId: "m365-bs", pricePerUser: eur("10.50") }], expectedVersion: 1 }, "admin");
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<PriceListBody>()).toMatchObject({ version: 2, updatedBy: api.users.admin });
    expect(expectProblem(await putList({ prices: [], expectedVersion: 1 }), 409).code).toBe("VERSION_CONFLICT");
    expect(amounts((await quote(api.organizations.mueller, 40)).json<RentalPriceBody>())).toEqual(["10.50", "420.00", "customer-price-list"]);
  });
});
