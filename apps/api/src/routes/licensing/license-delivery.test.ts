import { findLicense, findLicenseOrder, listLicensesEndingBetween, openLicenseKey } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { DATA_CENTER_REQUEST, JIRA_ORDER, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface OrderBody {
  id: string;
  quoteId: string | null;
  order: { status: string; coTermTargetEnd?: string | null; reviewReasons?: string[] };
}

interface LicenseBody {
  id: string;
  orderId: string | null;
  hasKey: boolean;
  license: { userTier: number; sen?: string | null; term: { from: string; to: string } | null; lastChange?: { action: string; effectiveOn: string } };
}

const CLOUD_ANNUAL = {
  vendor: { id: "atlassian", name: "Atlassian" },
  product: {
    id: "jira-cloud-annual",
    vendorId: "atlassian",
    name: "Jira Cloud (annual)",
    productLine: "jira",
    edition: "cloud",
    billingModel: "annual-subscription",
    currency: "EUR",
    pricing: { kind: "user-tiers", tiers: [{ users: 100, price: { amount: "8000.00", currency: "EUR" } }] },
  },
};
const CONTACT = JIRA_ORDER.technicalContact;
const SITE = "https://mueller.atlassian.net";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  await seedLicensingCatalog(api);
  await send(api, "POST", "/v1/catalog/products", api.tokens.admin, CLOUD_ANNUAL, 201);
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};
const command = (id: string, body: unknown) => api.request({ method: "POST", url: `/v1/orders/${id}/commands`, token: api.tokens.backOffice, payload: body as never });

/** Applies commands in order, each expected to succeed; answers the last order body. */
async function run(id: string, ...bodies: unknown[]): Promise<OrderBody> {
  let last: OrderBody | undefined;
  for (const body of bodies) {
    const response = await command(id, body);
    if (response.statusCode !== 200) throw new Error(`${JSON.stringify(body)}: ${response.statusCode} ${response.body}`);
    last = response.json<OrderBody>();
  }
  if (last === undefined) throw new Error("no command");
  return last;
}

/** Confirm → confirmation sent → purchase (paid on `paidOn` if given): status `purchased`. */
const toPurchased = (id: string, paidOn?: string) =>
  run(id, { type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase", vendorOrderRef: `AT-${id.slice(0, 6)}`, ...(paidOn === undefined ? {} : { paidOn }) });

async function placeOrder(order: unknown): Promise<OrderBody> {
  return send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order }, 201);
}

async function registerLicense(body: Record<string, unknown>): Promise<string> {
  const base = { organizationId: api.organizations.mueller, productId: "jira-dc", userTier: 500, purchasedBy: "reseller", purchasedAt: "2025-01-10T10:00:00+01:00" };
  return (await send<{ id: string }>(api, "POST", "/v1/licenses", api.tokens.admin, { ...base, ...body }, 201)).id;
}

const license = (id: string) => send<LicenseBody>(api, "GET", `/v1/licenses/${id}`, api.tokens.admin, undefined, 200);

async function licensesWith(match: (item: LicenseBody) => boolean): Promise<LicenseBody[]> {
  const page = await send<{ items: LicenseBody[] }>(api, "GET", `/v1/licenses?organizationId=${api.organizations.mueller}&limit=200`, api.tokens.admin, undefined, 200);
  return page.items.filter(match);
}

describe(`licenses from delivered orders on ${testDatabaseKind()}`, () => {
  it("L15: a Data Center license delivered on 2028-02-29 runs to 2029-02-28 (month-end), and the renewal-reminder query finds it", async () => {
    at("2028-02-29T09:00:00Z");
    const order = await placeOrder(JIRA_ORDER);
    await toPurchased(order.id, "2028-02-29");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-LEAP" }] });
    const delivered = await license(`${order.id}-1`);
    expect(delivered.license.term).toEqual({ from: "2028-02-29", to: "2029-02-28" });
    const ending = await listLicensesEndingBetween(api.database.db, "2029-02-01", "2029-02-28");
    expect(ending.map((item) => [item.license.id, item.termEnd])).toContainEqual([`${order.id}-1`, "2029-02-28"]);
    at("2026-11-16T09:00:00Z");
  });

  it("L15: the term starts on the purchase day in the customer's zone (purchased 2026-11-16 23:30 Berlin, delivered the next day)", async () => {
    at("2026-11-16T22:30:00Z");
    const order = await placeOrder(JIRA_ORDER);
    await toPurchased(order.id);
    at("2026-11-17T10:00:00Z");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-LATE" }] });
    expect((await license(`${order.id}-1`)).license.term).toEqual({ from: "2026-11-16", to: "2027-11-16" });
    at("2026-11-16T09:00:00Z");
  });

  it("L15, L9: a delivered renewal extends the same license by 12 months from its end (2027-01-01 → 2028-01-01), no second row, with the new key", async () => {
    const id = await registerLicense({ sen: "SEN-RENEW", key: "AAAB-OLD", term: { from: "2026-01-01", to: "2027-01-01" } });
    const order = await placeOrder({ ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-RENEW" }] });
    await toPurchased(order.id, "2026-11-16");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-RENEWED" }] });
    const renewed = await license(id);
    expect(renewed.license.term).toEqual({ from: "2027-01-01", to: "2028-01-01" });
    expect(renewed.license.lastChange?.action).toBe("renewal");
    expect((await licensesWith((item) => item.license.sen === "SEN-RENEW")).map((item) => item.id)).toEqual([id]);
    const row = await findLicense(api.database.db, id);
    expect([row === undefined ? null : openLicenseKey(row), row?.originalPurchaserId, row?.version]).toEqual(["AAAB-RENEWED", "reseller", 2]);
    // The reminder now looks at the new end, not the old one.
    expect((await listLicensesEndingBetween(api.database.db, "2027-01-01", "2027-01-01")).map((item) => item.license.id)).not.toContain(id);
    expect((await listLicensesEndingBetween(api.database.db, "2028-01-01", "2028-01-01")).map((item) => item.license.id)).toContain(id);
  });

  it("L15: a lapsed license (ended 2025-05-31) is renewed from its old end, not from the purchase day: 2025-05-31 → 2026-05-31", async () => {
    const id = await registerLicense({ sen: "SEN-LAPSED", key: "AAAB-LAPSED", term: { from: "2024-05-31", to: "2025-05-31" } });
    const order = await placeOrder({ ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-LAPSED" }] });
    await toPurchased(order.id, "2026-11-16");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-LAPSED-2" }] });
    expect((await license(id)).license.term).toEqual({ from: "2025-05-31", to: "2026-05-31" });
    expect(await licensesWith((item) => item.license.sen === "SEN-LAPSED")).toHaveLength(1);
  });

  it("L15, L9: a renewal quote for 2 steps becomes an order whose delivery extends the license 2028-02-29 → 2029-02-28 → 2030-02-28", async () => {
    at("2028-01-15T09:00:00Z");
    const id = await registerLicense({ sen: "SEN-QUOTE", key: "AAAB-Q", term: { from: "2027-02-28", to: "2028-02-29" } });
    const request = { kind: "renewal", edition: "data-center", sen: "SEN-QUOTE", technicalContactEmail: CONTACT.email, productId: "jira-dc", userTier: 500, currentEnd: "2028-02-29", steps: 2 };
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.mueller, request }, 201);
    const order = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: CONTACT } }, 201);
    await toPurchased(order.id, "2028-01-15");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-Q2" }] });
    expect((await license(id)).license.term).toEqual({ from: "2028-02-29", to: "2030-02-28" });
    at("2026-11-16T09:00:00Z");
  });

  it("L19, L9: an upgrade 500 → 1,000 users leaves exactly one license, with tier 1,000 (not 1,500) and the same term", async () => {
    const id = await registerLicense({ sen: "SEN-UP", key: "AAAB-500", term: { from: "2026-01-01", to: "2027-01-01" } });
    const request = { kind: "upgrade", edition: "data-center", sen: "SEN-UP", technicalContactEmail: CONTACT.email, productId: "jira-dc", fromTier: 500, toTier: 1000, term: { from: "2026-01-01", to: "2027-01-01" } };
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.mueller, request }, 201);
    const order = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: CONTACT } }, 201);
    await toPurchased(order.id, "2026-11-16");
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-1000" }] });
    const held = await licensesWith((item) => item.license.sen === "SEN-UP");
    expect(held.map((item) => [item.id, item.license.userTier, item.license.term])).toEqual([[id, 1000, { from: "2026-01-01", to: "2027-01-01" }]]);
    expect(held[0]?.license.lastChange).toMatchObject({ action: "upgrade", effectiveOn: "2026-11-16" });
  });

  it("L18, L15: a cloud annual renewal paid only after delivery takes effect from the payment date 2026-11-20, on the same subscription", async () => {
    const id = await registerLicense({ productId: "jira-cloud-annual", userTier: 100, siteUrl: SITE, term: { from: "2026-01-10", to: "2027-01-10" } });
    const order = await placeOrder({ ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-cloud-annual", userTier: 100, action: "renewal", siteUrl: SITE }] });
    await toPurchased(order.id);
    await run(order.id, { type: "deliver", keys: [] });
    // L18: not yet paid, nothing changed.
    expect((await license(id)).license.term).toEqual({ from: "2026-01-10", to: "2027-01-10" });
    at("2026-11-20T09:00:00Z");
    await run(order.id, { type: "record-vendor-payment", paidOn: "2026-11-20" });
    expect((await license(id)).license.term).toEqual({ from: "2026-11-20", to: "2027-11-20" });
    expect(await licensesWith((item) => item.orderId === order.id)).toEqual([]);
    at("2026-11-16T09:00:00Z");
  });

  it("L9: a renewal naming a SEN Kontor does not know is a 422 L9_LICENSE_UNKNOWN; the order stays purchased and no license is added", async () => {
    const order = await placeOrder({ ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-NOWHERE" }] });
    await toPurchased(order.id, "2026-11-16");
    const problem = expectProblem(await command(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-X" }] }), 422);
    expect(problem.code).toBe("L9_LICENSE_UNKNOWN");
    expect((await findLicenseOrder(api.database.db, order.id))?.status).toBe("purchased");
    expect(await licensesWith((item) => item.orderId === order.id)).toEqual([]);
  });

  it("L11 → L10: an order from a co-termed quote carries the target end and goes to in-review; approved and delivered, its term ends on 2027-06-30", async () => {
    const quote = await send<{ id: string; quote: { requiresManualReview: boolean } }>(
      api,
      "POST",
      "/v1/quotes",
      api.tokens.admin,
      { organizationId: api.organizations.mueller, request: { ...DATA_CENTER_REQUEST, coTermTargetEnd: "2027-06-30" } },
      201,
    );
    expect(quote.quote.requiresManualReview).toBe(true);
    const order = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: CONTACT } }, 201);
    expect([order.order.coTermTargetEnd, order.order.reviewReasons]).toEqual(["2027-06-30", ["co-terming"]]);
    const reviewed = await run(order.id, { type: "confirm" }, { type: "record-confirmation-sent" });
    expect(reviewed.order.status).toBe("in-review");
    await run(order.id, { type: "complete-review", approved: true }, { type: "purchase", paidOn: "2026-11-16" }, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-COTERM" }] });
    expect((await license(`${order.id}-1`)).license.term).toEqual({ from: "2026-11-16", to: "2027-06-30" });
  });
});
