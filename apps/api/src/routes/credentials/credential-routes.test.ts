import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { credentialRequests, FIREWALL_SECRET, grantedSecret, storedText, type StoredCredential } from "./credential-test-support.js";

// The test clock stands at 2026-11-16T09:00Z.

let api: TestApi;
let firewallAssetId: string;
let baeckereiAssetId: string;
beforeAll(async () => {
  api = await createTestApi();
  const asset = (organizationId: string, id: string) =>
    api.request({
      method: "POST",
      url: "/v1/assets",
      token: api.tokens.technician,
      payload: { id, organizationId, name: "Firewall FW01", category: "firewall", technicalData: { model: "Sophos XGS 2100" }, licenses: [], source: "inventory" },
    });
  firewallAssetId = (await asset(api.organizations.mueller, "asset-mueller-fw01")).json<{ asset: { id: string } }>().asset.id;
  baeckereiAssetId = (await asset(api.organizations.baeckerei, "asset-baeckerei-fw01")).json<{ asset: { id: string } }>().asset.id;
}, 60_000);
afterAll(() => api.close());

const { create, createFirewall, readSecret, get } = credentialRequests(() => api);

describe(`stored credentials on ${testDatabaseKind()} (K12)`, () => {
  it("K12: a technician stores the admin login of Müller's firewall; no answer and no column holds the secret", async () => {
    const response = await create({ organizationId: api.organizations.mueller, assetId: firewallAssetId, label: "Sophos XGS 2100 admin", username: "admin", secret: FIREWALL_SECRET });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<StoredCredential>();
    expect(response.headers.location).toBe(`/v1/credentials/${body.id}`);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      organizationId: api.organizations.mueller,
      assetId: firewallAssetId,
      label: "Sophos XGS 2100 admin",
      username: "admin",
      version: 1,
      createdBy: api.users.technician,
      updatedBy: api.users.technician,
      createdAt: "2026-11-16T09:00:00.000Z",
      updatedAt: "2026-11-16T09:00:00.000Z",
    });
    expect(response.body).not.toContain(FIREWALL_SECRET);
    // The row itself: sealed (AES-256-GCM, `v1:`), not the plain secret.
    const row = await api.database.query<{ secret_sealed: string }>("SELECT * FROM access_credentials WHERE id = $1", [body.id]);
    expect(row.rows[0]?.secret_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(row.rows)).not.toContain(FIREWALL_SECRET);
    expect(await storedText(api)).not.toContain(FIREWALL_SECRET);
    // The technician reads it back through the audited secret read only.
    expect(grantedSecret(await readSecret(body.id, "technician"))).toBe(FIREWALL_SECRET);
  });

  it("K12: a POST with an Idempotency-Key stores a replay without the secret", async () => {
    const payload = { organizationId: api.organizations.mueller, label: "WLAN Lager", secret: "wlan-psk-0815-geheim" };
    const send = () => api.request({ method: "POST", url: "/v1/credentials", payload, token: api.tokens.dispatcher, headers: { "idempotency-key": "wlan-lager-1" } });
    const first = await send();
    const replay = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    expect(await storedText(api)).not.toContain("wlan-psk-0815-geheim");
  });

  it("K11, K12: the asset must be one of the same organization; an unknown organization is 404 naming body.organizationId", async () => {
    const base = { organizationId: api.organizations.mueller, label: "x", secret: "s3cret-value" };
    expectProblem(await create({ ...base, assetId: baeckereiAssetId }), 400, "body.assetId");
    expectProblem(await create({ ...base, assetId: "asset-missing" }), 400, "body.assetId");
    expectProblem(await create({ ...base, organizationId: "org-missing" }), 404, "body.organizationId");
    expectProblem(await create({ ...base, password: "typo" }), 400);
  });

  it("K12: only technicians, the service team and admins store credentials; customers 403, another customer 404", async () => {
    const payload = { organizationId: api.organizations.mueller, label: "NAS admin", secret: "nas-secret-1" };
    expect((await create(payload, "admin")).statusCode).toBe(201);
    for (const who of ["backOffice", "accountManager", "materialsManagement", "muellerManager", "muellerReporter"] as const) {
      expect(expectProblem(await create(payload, who), 403).code, who).toBe("K10_ACCESS_DENIED");
    }
    expectProblem(await create(payload, "baeckereiManager"), 404);
  });

  it("K12: Müller's portal users see the metadata (to know what to request); Bäckerei's manager sees none of it; back office and account managers are 403", async () => {
    const credential = await createFirewall({ label: "Sophos XGS 2100 read-only" });
    for (const who of ["muellerManager", "muellerReporter", "technician", "dispatcher", "admin"] as const) {
      const response = await get(`/v1/credentials/${credential.id}`, who);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      expect(response.json()).toEqual(credential);
    }
    const listed = (await allPages(api, "/v1/credentials?limit=2", api.tokens.muellerReporter)) as StoredCredential[];
    expect(listed.map((item) => item.id)).toContain(credential.id);
    expect(listed.every((item) => item.organizationId === api.organizations.mueller)).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(FIREWALL_SECRET);

    expectProblem(await get(`/v1/credentials/${credential.id}`, "baeckereiManager"), 404);
    const foreign = await get(`/v1/credentials?organizationId=${api.organizations.mueller}`, "baeckereiManager");
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json<{ items: StoredCredential[] }>().items).toEqual([]);
    for (const who of ["backOffice", "accountManager"] as const) {
      expectProblem(await get(`/v1/credentials/${credential.id}`, who), 403);
      expectProblem(await get("/v1/credentials", who), 403);
    }
  });

  it("K12: staff list one organization's credentials or all, page by page", async () => {
    const all = (await allPages(api, "/v1/credentials?limit=1", api.tokens.dispatcher)) as StoredCredential[];
    const mueller = (await allPages(api, `/v1/credentials?limit=1&organizationId=${api.organizations.mueller}`, api.tokens.dispatcher)) as StoredCredential[];
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(mueller).toEqual(all.filter((item) => item.organizationId === api.organizations.mueller));
  });

  it("K12: a PUT rotates the secret under a version check; a stale version is 409 and changes nothing", async () => {
    const credential = await createFirewall({ label: "Switch SW01 admin", assetId: firewallAssetId });
    api.clock.set(new Date("2026-11-17T10:00:00Z"));
    try {
      const rotated = await api.request({
        method: "PUT",
        url: `/v1/credentials/${credential.id}`,
        token: api.tokens.dispatcher,
        payload: { label: "Switch SW01 admin", username: "root", secret: "rotated-2026-11-17", expectedVersion: 1 },
      });
      expect(rotated.statusCode, rotated.body).toBe(200);
      expect(rotated.json<StoredCredential>()).toMatchObject({ version: 2, username: "root", assetId: null, updatedBy: api.users.dispatcher, updatedAt: "2026-11-17T10:00:00.000Z", createdAt: "2026-11-16T09:00:00.000Z" });
      expect(rotated.body).not.toContain("rotated-2026-11-17");
      expect(await storedText(api)).not.toContain("rotated-2026-11-17");
      expect(grantedSecret(await readSecret(credential.id, "technician"))).toBe("rotated-2026-11-17");

      const stale = await api.request({ method: "PUT", url: `/v1/credentials/${credential.id}`, token: api.tokens.technician, payload: { label: "alt", secret: "stale-secret", expectedVersion: 1 } });
      expect(expectProblem(stale, 409).code).toBe("VERSION_CONFLICT");
      // Without a new secret the stored one stays.
      const renamed = await api.request({ method: "PUT", url: `/v1/credentials/${credential.id}`, token: api.tokens.technician, payload: { label: "Switch SW01", expectedVersion: 2 } });
      expect(renamed.json<StoredCredential>()).toMatchObject({ version: 3, label: "Switch SW01", username: null });
      expect(grantedSecret(await readSecret(credential.id, "admin"))).toBe("rotated-2026-11-17");

      const put = (who: "muellerManager" | "backOffice" | "baeckereiManager") =>
        api.request({ method: "PUT", url: `/v1/credentials/${credential.id}`, token: api.tokens[who], payload: { label: "x", secret: "mine-now", expectedVersion: 3 } });
      expectProblem(await put("muellerManager"), 403);
      expectProblem(await put("backOffice"), 403);
      expectProblem(await put("baeckereiManager"), 404);
      expectProblem(await api.request({ method: "PUT", url: `/v1/credentials/${credential.id}`, token: api.tokens.technician, payload: { label: "x", assetId: baeckereiAssetId, expectedVersion: 3 } }), 400, "body.assetId");
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
  });
});
