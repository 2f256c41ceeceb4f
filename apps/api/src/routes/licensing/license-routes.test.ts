import { findLicense } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { seedLicensingCatalog, send } from "./licensing-fixtures.js";

let api: TestApi;
let customerBought: string;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  await seedLicensingCatalog(api);
  const license = await send<{ id: string }>(
    api,
    "POST",
    "/v1/licenses",
    api.tokens.admin,
    {
      organizationId: api.organizations.mueller,
      productId: "jira-dc",
      userTier: 500,
      sen: "SEN-100",
      key: "AAAB-CUSTOMER-KEY",
      purchasedBy: "customer",
      purchasedAt: "2026-11-10T10:00:00+01:00",
      term: { from: "2026-11-10", to: "2027-11-10" },
    },
    201,
  );
  customerBought = license.id;
}, 60_000);
afterAll(() => api.close());

const post = (url: string, payload: unknown, token = api.tokens.accountManager) => api.request({ method: "POST", url, token, payload: payload as never });

describe(`license routes on ${testDatabaseKind()}`, () => {
  it("L13: the customer bought it, so its manager reads the key and the reseller's staff may not", async () => {
    const key = await send<{ key: string }>(api, "GET", `/v1/licenses/${customerBought}/key`, api.tokens.muellerManager, undefined, 200);
    expect(key.key).toBe("AAAB-CUSTOMER-KEY");
    expect(expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${customerBought}/key`, token: api.tokens.admin }), 403).code).toBe("L13_NOT_ORIGINAL_PURCHASER");
    // A reporter may not read licensing data at all, Bäckerei may not know it exists.
    expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${customerBought}/key`, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${customerBought}/key`, token: api.tokens.baeckereiManager }), 404);
  });

  it("stores the key sealed and never returns it with the license", async () => {
    const row = await findLicense(api.database.db, customerBought);
    expect(row?.keySealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain("AAAB-CUSTOMER-KEY");
    const body = await send<{ hasKey: boolean }>(api, "GET", `/v1/licenses/${customerBought}`, api.tokens.muellerManager, undefined, 200);
    expect(body.hasKey).toBe(true);
    expect(JSON.stringify(body)).not.toContain("AAAB-CUSTOMER-KEY");
  });

  it("L13: a cloud license has no key", async () => {
    const cloud = await send<{ id: string }>(api, "POST", "/v1/licenses", api.tokens.admin, { organizationId: api.organizations.mueller, productId: "confluence-cloud-monthly", userTier: 10, purchasedBy: "reseller", purchasedAt: "2026-11-01T10:00:00Z" }, 201);
    expect(expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${cloud.id}/key`, token: api.tokens.admin }), 422).code).toBe("L13_CLOUD_LICENSE_HAS_NO_KEY");
  });

  it("L15: renews in 12-month steps from the current end 2027-11-10; more than 3 years ahead is refused", async () => {
    const response = await post(`/v1/licenses/${customerBought}/renewal-quote`, { steps: 1 });
    expect(response.statusCode, response.body).toBe(200);
    const renewal = response.json<{ previousEnd: string; newEnd: string; amount: { amount: string } }>();
    expect([renewal.previousEnd, renewal.newEnd, renewal.amount.amount]).toEqual(["2027-11-10", "2028-11-10", "21000"]);
    const capped = expectProblem(await post(`/v1/licenses/${customerBought}/renewal-quote`, { steps: 4 }), 422);
    expect(capped.code).toBe("L15_MAINTENANCE_CAP_EXCEEDED");
  });

  it("L19: 500 → 1000 users on 2026-11-16 pays 359/365 of 15500.00 = 15245.21 and replaces the tier", async () => {
    const response = await post(`/v1/licenses/${customerBought}/upgrade-quote`, { toTier: 1000 });
    expect(response.statusCode, response.body).toBe(200);
    const upgrade = response.json<{ users: number; daysCharged: number; daysInTerm: number; charge: { amount: string } }>();
    expect([upgrade.users, upgrade.daysCharged, upgrade.daysInTerm, upgrade.charge.amount]).toEqual([1000, 359, 365, "15245.21"]);
    expect(expectProblem(await post(`/v1/licenses/${customerBought}/upgrade-quote`, { toTier: 500 }), 422).code).toBe("L19_NOT_AN_UPGRADE");
  });

  it("L17: a self-managed license bought 2026-11-10 is refundable until 2026-12-10, not a day later", async () => {
    const open = await post(`/v1/licenses/${customerBought}/refund-check`, {});
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<{ deadline: string; day: number }>()).toMatchObject({ deadline: "2026-12-10", day: 6 });
    api.clock.set(new Date("2026-12-11T09:00:00Z"));
    expect(expectProblem(await post(`/v1/licenses/${customerBought}/refund-check`, {}), 422).code).toBe("L17_REFUND_DEADLINE_PASSED");
    api.clock.set(new Date("2026-11-16T09:00:00Z"));
  });

  it("L17: a cloud monthly license's refund window runs from its recorded payment day, not from the purchase", async () => {
    const cloud = await send<{ id: string }>(api, "POST", "/v1/licenses", api.tokens.admin, { organizationId: api.organizations.mueller, productId: "confluence-cloud-monthly", userTier: 10, purchasedBy: "reseller", purchasedAt: "2026-10-20T10:00:00Z", paidOn: "2026-11-01" }, 201);
    api.clock.set(new Date("2026-11-25T09:00:00Z"));
    try {
      // First paid month: 2026-11-01 to 2026-11-30. From the purchase (2026-10-20) it would have ended on 2026-11-19.
      const open = await post(`/v1/licenses/${cloud.id}/refund-check`, {});
      expect(open.statusCode, open.body).toBe(200);
      expect(open.json<{ windowStart: string; deadline: string }>()).toMatchObject({ windowStart: "2026-11-01", deadline: "2026-11-30" });
      // A payment instant in the request still wins.
      expect(expectProblem(await post(`/v1/licenses/${cloud.id}/refund-check`, { paidAt: "2026-10-20T10:00:00Z" }), 422).code).toBe("L17_REFUND_DEADLINE_PASSED");
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
  });

  it("pricing and registering are staff work: portal manager 404, technician 403", async () => {
    expectProblem(await post(`/v1/licenses/${customerBought}/renewal-quote`, { steps: 1 }, api.tokens.muellerManager), 404);
    expectProblem(await post(`/v1/licenses/${customerBought}/renewal-quote`, { steps: 1 }, api.tokens.technician), 403);
    expectProblem(await post("/v1/licenses", { organizationId: api.organizations.mueller, productId: "jira-dc", userTier: 500, purchasedBy: "customer", purchasedAt: "2026-11-10T10:00:00Z" }, api.tokens.muellerManager), 404);
  });

  it("lists a portal manager's licenses only", async () => {
    const own = await send<{ items: { organizationId: string }[] }>(api, "GET", "/v1/licenses", api.tokens.muellerManager, undefined, 200);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((item) => item.organizationId === api.organizations.mueller)).toBe(true);
    expect((await send<{ items: unknown[] }>(api, "GET", "/v1/licenses", api.tokens.baeckereiManager, undefined, 200)).items).toEqual([]);
  });
});
