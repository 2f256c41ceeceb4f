import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { DATA_CENTER_REQUEST, JIRA_ORDER, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface Period {
  from: string;
  to: string;
}

interface QuoteBody {
  id: string;
  quote: {
    total: { amount: string };
    requiresManualReview: boolean;
    lines: { amount: { amount: string }; period: Period | null; description: string }[];
  };
}

interface OrderBody {
  id: string;
  order: { status: string; total: { amount: string }; reviewReasons: string[]; lines: { amount: { amount: string }; period: Period | null }[] };
}

interface LicenseBody {
  license: { term: Period | null };
}

const CONTACT = JIRA_ORDER.technicalContact;

let api: TestApi;
beforeAll(async () => {
  // 2026-11-16 10:00 in Berlin: the day of the audit's example.
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

const quoteFor = (request: unknown) => send<QuoteBody>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.mueller, request }, 201);
const orderQuote = (quoteId: string) =>
  send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, quoteId, acceptance: { technicalContact: CONTACT } }, 201);
const command = (id: string, body: unknown) => api.request({ method: "POST", url: `/v1/orders/${id}/commands`, token: api.tokens.backOffice, payload: body as never });
const license = (id: string) => send<LicenseBody>(api, "GET", `/v1/licenses/${id}`, api.tokens.admin, undefined, 200);

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

/** Confirm → confirmation sent (→ in-review for co-terming, L10) → approved → purchased, paid on `paidOn`. */
const throughReview = (id: string, paidOn = "2026-11-16") =>
  run(id, { type: "confirm" }, { type: "record-confirmation-sent" }, { type: "complete-review", approved: true }, { type: "purchase", vendorOrderRef: `AT-${id.slice(0, 6)}`, paidOn });

async function registerLicense(sen: string, term: Period): Promise<string> {
  const body = { organizationId: api.organizations.mueller, productId: "jira-dc", userTier: 500, purchasedBy: "reseller", purchasedAt: "2025-03-10T10:00:00+01:00", sen, key: `AAAB-${sen}`, term };
  return (await send<{ id: string }>(api, "POST", "/v1/licenses", api.tokens.admin, body, 201)).id;
}

describe(`L11 co-term pricing on ${testDatabaseKind()}`, () => {
  it("L11: a Jira DC 500 quote on 2026-11-16 co-termed to 2027-06-30 is priced 13002.74 (226/365), ordered at that price, and the delivered license runs 2026-11-16 → 2027-06-30", async () => {
    const quote = await quoteFor({ ...DATA_CENTER_REQUEST, coTermTargetEnd: "2027-06-30" });
    expect(quote.quote.total.amount).toBe("13002.74");
    expect(quote.quote.requiresManualReview).toBe(true);
    const [line] = quote.quote.lines;
    expect(line?.period).toEqual({ from: "2026-11-16", to: "2027-06-30" });
    expect(line?.description).toBe("Jira Data Center, 500 users, 2026-11-16 – 2027-06-30 (co-termed: -139/365 days)");

    const order = await orderQuote(quote.id);
    expect([order.order.total.amount, order.order.lines[0]?.amount.amount, order.order.lines[0]?.period, order.order.reviewReasons]).toEqual([
      "13002.74",
      "13002.74",
      { from: "2026-11-16", to: "2027-06-30" },
      ["co-terming"],
    ]);
    await throughReview(order.id);
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-CT-NEW" }] });
    // What is stored is what was quoted and invoiced.
    expect((await license(`${order.id}-1`)).license.term).toEqual(line?.period);
  });

  it("L11: bought two days after the quote, the co-termed license keeps the quoted period 2026-11-16 → 2027-06-30 it was priced and invoiced for", async () => {
    const quote = await quoteFor({ ...DATA_CENTER_REQUEST, coTermTargetEnd: "2027-06-30" });
    const order = await orderQuote(quote.id);
    api.clock.set(new Date("2026-11-18T09:00:00Z"));
    try {
      await throughReview(order.id, "2026-11-18");
      await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-CT-LATER" }] });
      expect((await license(`${order.id}-1`)).license.term).toEqual({ from: "2026-11-16", to: "2027-06-30" });
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
  });

  it("L11: a renewal from 2027-03-15 co-termed to 2027-06-30 is 6139.34 (107/366) and the delivered license ends on 2027-06-30, not 2028-03-15", async () => {
    const id = await registerLicense("SEN-CT-RENEW", { from: "2026-03-15", to: "2027-03-15" });
    const request = { kind: "renewal", edition: "data-center", sen: "SEN-CT-RENEW", technicalContactEmail: CONTACT.email, productId: "jira-dc", userTier: 500, currentEnd: "2027-03-15", coTermTargetEnd: "2027-06-30" };
    const quote = await quoteFor(request);
    expect([quote.quote.total.amount, quote.quote.lines[0]?.period]).toEqual(["6139.34", { from: "2027-03-15", to: "2027-06-30" }]);
    expect(quote.quote.lines[0]?.description).toBe("Jira Data Center, 500 users, renewal 2027-03-15 – 2027-06-30 (co-termed: -259/366 days)");
    const order = await orderQuote(quote.id);
    expect(order.order.total.amount).toBe("6139.34");
    await throughReview(order.id);
    await run(order.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-CT-RENEWED" }] });
    expect((await license(id)).license.term).toEqual({ from: "2027-03-15", to: "2027-06-30" });
  });

  it("L11: a target beyond the 3-year maintenance cap is a 422 L15_MAINTENANCE_CAP_EXCEEDED naming coTermTargetEnd; a target before the renewal's start a 422 L11_TARGET_BEFORE_START", async () => {
    const capped = await api.request({ method: "POST", url: "/v1/quotes", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller, request: { ...DATA_CENTER_REQUEST, coTermTargetEnd: "2029-11-17" } } });
    expect(expectProblem(capped, 422, "body.coTermTargetEnd").code).toBe("L15_MAINTENANCE_CAP_EXCEEDED");
    const request = { kind: "renewal", edition: "data-center", sen: "SEN-CT-X", technicalContactEmail: CONTACT.email, productId: "jira-dc", userTier: 500, currentEnd: "2027-03-15", coTermTargetEnd: "2027-03-01" };
    const before = await api.request({ method: "POST", url: "/v1/quotes", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller, request } });
    expect(expectProblem(before, 422, "body.coTermTargetEnd").code).toBe("L11_TARGET_BEFORE_START");
  });

  it("L11: a co-termed renewal whose license was meanwhile renewed past the target is a 422 L11_TARGET_BEFORE_START at delivery, not a free full year", async () => {
    const id = await registerLicense("SEN-CT-MOVED", { from: "2026-03-15", to: "2027-03-15" });
    const request = { kind: "renewal", edition: "data-center", sen: "SEN-CT-MOVED", technicalContactEmail: CONTACT.email, productId: "jira-dc", userTier: 500, currentEnd: "2027-03-15", coTermTargetEnd: "2027-06-30" };
    const coTermed = await orderQuote((await quoteFor(request)).id);
    // Another (plain) renewal is delivered first: the license now ends on 2028-03-15.
    const plain = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: { ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-CT-MOVED" }] } }, 201);
    await run(plain.id, { type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase", paidOn: "2026-11-16" }, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-CT-PLAIN" }] });
    expect((await license(id)).license.term).toEqual({ from: "2027-03-15", to: "2028-03-15" });

    await throughReview(coTermed.id);
    const problem = expectProblem(await command(coTermed.id, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-CT-LATE" }] }), 422);
    expect(problem.code).toBe("L11_TARGET_BEFORE_START");
    expect((await license(id)).license.term).toEqual({ from: "2027-03-15", to: "2028-03-15" });
  });
});
