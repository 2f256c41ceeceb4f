import { assetsExpiringBy, findAsset } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { expiryWarnings, type Asset } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { allPages } from "../../testing/all-pages.js";
import { resourceRequests } from "../../testing/resource-requests.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";

// The test clock stands at 2026-11-16T09:00Z; the default K11 lead time is 30 days.

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

const { create, read, replace } = resourceRequests(() => api, "/v1/assets", (tokens) => tokens.technician);

interface StoredAsset {
  asset: Asset;
  earliestExpiry: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Müller's firewall without its id: hardware warranty to 2027-12-15, its UTM support subscription ends on a month end. */
function firewallRecord() {
  return {
    organizationId: api.organizations.mueller,
    name: "Firewall FW01",
    category: "firewall",
    serialNumber: "FGT60F-0815",
    technicalData: { model: "FortiGate 60F", firmware: "7.4.3" },
    purchaseDate: "2025-12-15",
    warrantyEnd: "2027-12-15",
    licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2026-12-31" }],
    source: "goods-receipt",
    recordedAt: "2025-12-15T10:30:00+01:00",
  };
}

/** {@link firewallRecord} with an id, as POSTed. */
function firewall(id: string) {
  return { id, ...firewallRecord() };
}

/** Runs `action` with the API clock at `instant`, then puts the clock back. */
async function atInstant<T>(instant: string, action: () => Promise<T>): Promise<T> {
  const before = api.clock.now();
  api.clock.set(new Date(instant));
  try {
    return await action();
  } finally {
    api.clock.set(before);
  }
}

describe(`assets on ${testDatabaseKind()} (K11)`, () => {
  it("K11: records a firewall whose UTM support ends 2026-12-31; the worker's expiry query sees it exactly from that day", async () => {
    const response = await create(firewall("asset-fw01"));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe("/v1/assets/asset-fw01");
    const body = response.json<StoredAsset>();
    expect(body).toMatchObject({ earliestExpiry: "2026-12-31", version: 1, createdAt: "2026-11-16T09:00:00.000Z" });
    expect(body.asset).toEqual(firewall("asset-fw01"));
    expect((await read("asset-fw01")).json<StoredAsset>()).toEqual(body);

    // What assetExpiryJob reads: the candidates whose earliest expiry lies within its lead time.
    expect((await assetsExpiringBy(api.database.db, "2026-12-30")).map((row) => row.id)).not.toContain("asset-fw01");
    const candidates = await assetsExpiringBy(api.database.db, "2026-12-31");
    expect(candidates.map((row) => row.id)).toContain("asset-fw01");
    // 30 days before the last valid day, in Berlin, the stored record warns about the license only.
    const stored = candidates.find((row) => row.id === "asset-fw01")?.record as Asset;
    const warnings = expiryWarnings([stored], "2026-12-01T06:00:00+01:00", "Europe/Berlin");
    expect(warnings.ok && warnings.value).toEqual([
      expect.objectContaining({ type: "license-expiring", assetId: "asset-fw01", licenseId: "lic-utm", expiresOn: "2026-12-31", daysLeft: 30 }),
    ]);
  });

  it("K11: a warranty ending on the leap day 2028-02-29 is stored as the earliest expiry; 2027-02-29 is 400 naming body.warrantyEnd", async () => {
    const server = { ...firewall("asset-hv01"), name: "Server HV01", category: "server", warrantyEnd: "2028-02-29", licenses: [{ id: "lic-ws", product: "Windows Server 2025 Standard" }] };
    const response = await create(server);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<StoredAsset>().earliestExpiry).toBe("2028-02-29");
    expect((await assetsExpiringBy(api.database.db, "2028-02-29")).map((row) => row.id)).toContain("asset-hv01");
    expectProblem(await create({ ...server, id: "asset-hv02", warrantyEnd: "2027-02-29" }), 400, "body.warrantyEnd");
  });

  it("K11: without id and recordedAt the API assigns a UUID and the current instant; a printer without expiry is no candidate", async () => {
    const { organizationId, serialNumber, technicalData, source } = firewallRecord();
    const printer = { organizationId, serialNumber, technicalData, source, name: "Drucker Empfang", category: "printer", licenses: [] };
    const response = await create(printer);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<StoredAsset>();
    expect(body.asset.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.asset.recordedAt).toBe("2026-11-16T09:00:00.000Z");
    expect(body.earliestExpiry).toBeNull();
    expect((await assetsExpiringBy(api.database.db, "2099-12-31")).map((row) => row.id)).not.toContain(body.asset.id);
  });

  it("K11: renewing the UTM license to 2027-12-31 by PUT moves the earliest expiry, so the 2026 check no longer sees it", async () => {
    await create(firewall("asset-fw02"));
    const record = firewallRecord();
    const renewed = { ...record, licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2027-12-31" }] };
    const response = await atInstant("2026-11-20T08:00:00Z", () => replace("asset-fw02", { ...renewed, expectedVersion: 1 }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<StoredAsset>()).toMatchObject({ earliestExpiry: "2027-12-15", version: 2, updatedAt: "2026-11-20T08:00:00.000Z", createdAt: "2026-11-16T09:00:00.000Z" });
    // recordedAt was not sent: the stored one is kept.
    expect(response.json<StoredAsset>().asset.recordedAt).toBe("2025-12-15T10:30:00+01:00");
    expect((await assetsExpiringBy(api.database.db, "2026-12-31")).map((row) => row.id)).not.toContain("asset-fw02");
    expect((await findAsset(api.database.db, "asset-fw02"))?.earliestExpiry).toBe("2027-12-15");
  });

  it("K11: a PUT based on an old version is 409 VERSION_CONFLICT and changes nothing", async () => {
    await create(firewall("asset-fw03"));
    const record = firewallRecord();
    expect((await replace("asset-fw03", { ...record, name: "Firewall Zentrale", expectedVersion: 1 })).statusCode).toBe(200);
    const stale = expectProblem(await replace("asset-fw03", { ...record, name: "Firewall Lager", expectedVersion: 1 }), 409);
    expect(stale.code).toBe("VERSION_CONFLICT");
    expect(stale.detail).toContain("version 2");
    expect((await read("asset-fw03")).json<StoredAsset>()).toMatchObject({ asset: { name: "Firewall Zentrale" }, version: 2 });
  });

  it("K11: an asset stays with its organization: a PUT naming Bäckerei Schmidt is 400 naming body.organizationId", async () => {
    await create(firewall("asset-fw04"));
    const record = firewallRecord();
    expectProblem(await replace("asset-fw04", { ...record, organizationId: api.organizations.baeckerei, expectedVersion: 1 }), 400, "body.organizationId");
  });

  it("K11, O1: an unknown branch is 400 on body.branchId, a license linked twice 400 on body.licenses.1.id, an unknown organization 404 on body.organizationId", async () => {
    expectProblem(await create({ ...firewall("asset-fw05"), branchId: "branch-porz" }), 400, "body.branchId");
    const twice = { ...firewall("asset-fw05"), licenses: [...firewallRecord().licenses, { id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2027-12-31" }] };
    expectProblem(await create(twice), 400, "body.licenses.1.id");
    expectProblem(await create({ ...firewall("asset-fw05"), organizationId: "org-unknown" }), 404, "body.organizationId");
    expectProblem(await create({ ...firewall("asset-fw05"), licenses: [{ id: "lic-x", product: "X", expiresOn: "31.12.2026" }] }), 400, "body.licenses.0.expiresOn");
    expectProblem(await read("asset-fw05"), 404);
  });

  it("K11: a taken asset id is 409 ASSET_ID_TAKEN", async () => {
    expect((await create(firewall("asset-fw06"))).statusCode).toBe(201);
    expect(expectProblem(await create(firewall("asset-fw06")), 409).code).toBe("ASSET_ID_TAKEN");
  });

  it("K11: a POST retried with the same Idempotency-Key records the asset once and replays the answer", async () => {
    const send = () => api.request({ method: "POST", url: "/v1/assets", payload: firewall("asset-fw07"), token: api.tokens.technician, headers: { "idempotency-key": "asset-fw07-once" } });
    const first = await send();
    const replay = await send();
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body).toBe(first.body);
  });

  it("K10: technicians and admins write assets; dispatcher, account manager and the customer's manager get 403, Bäckerei Schmidt 404", async () => {
    expectProblem(await create(firewall("asset-fw08"), api.tokens.dispatcher), 403);
    expectProblem(await create(firewall("asset-fw08"), api.tokens.accountManager), 403);
    expectProblem(await create(firewall("asset-fw08"), api.tokens.muellerManager), 403);
    expectProblem(await create(firewall("asset-fw08"), api.tokens.baeckereiManager), 404);
    expect((await create(firewall("asset-fw08"), api.tokens.admin)).statusCode).toBe(201);
    const record = firewallRecord();
    expectProblem(await replace("asset-fw08", { ...record, expectedVersion: 1 }, api.tokens.muellerManager), 403);
    expectProblem(await replace("asset-fw08", { ...record, expectedVersion: 1 }, api.tokens.baeckereiManager), 404);
  });

  it("K10: Müller's manager reads Müller's asset; the reporter, back office and Bäckerei Schmidt's manager get 404", async () => {
    expect((await read("asset-fw01", api.tokens.muellerManager)).statusCode).toBe(200);
    expect((await read("asset-fw01", api.tokens.dispatcher)).statusCode).toBe(200);
    expectProblem(await read("asset-fw01", api.tokens.muellerReporter), 404);
    expectProblem(await read("asset-fw01", api.tokens.backOffice), 404);
    expectProblem(await read("asset-fw01", api.tokens.baeckereiManager), 404);
  });

  it("K10: lists are keyset pages; a portal manager sees only their organization's, staff filter by organizationId", async () => {
    const bakery = { ...firewall("asset-ofen"), organizationId: api.organizations.baeckerei, name: "Steuerung Backofen", category: "other", licenses: [] };
    expect((await create(bakery)).statusCode).toBe(201);
    const ids = async (url: string, token: string) => (await allPages(api, url, token)).map((item) => (item as StoredAsset).asset.id);
    const mine = await ids("/v1/assets?limit=2", api.tokens.muellerManager);
    expect(mine).toEqual(await ids(`/v1/assets?organizationId=${api.organizations.mueller}`, api.tokens.technician));
    expect(mine).toEqual(expect.arrayContaining(["asset-fw01", "asset-fw02", "asset-hv01"]));
    expect(mine).not.toContain("asset-ofen");
    expect(new Set(mine).size).toBe(mine.length);
    expect(await ids(`/v1/assets?organizationId=${api.organizations.mueller}`, api.tokens.baeckereiManager)).toEqual(["asset-ofen"]);
    expect(await ids(`/v1/assets?organizationId=${api.organizations.baeckerei}`, api.tokens.dispatcher)).toEqual(["asset-ofen"]);
    expectProblem(await api.request({ method: "GET", url: "/v1/assets", token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/assets?cursor=nonsense", token: api.tokens.admin }), 400, "query.cursor");
  });
});
