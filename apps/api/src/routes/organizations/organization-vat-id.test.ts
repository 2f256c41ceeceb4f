import { findOrganization } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import type { Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface OrganizationResponse {
  readonly organization: Organization;
  readonly version: number;
}

// A customer in Vienna: an EU business outside Germany, billed by reverse charge when its VAT ID is on record (T3).
const mueller: Omit<typeof MUELLER, "id"> & { id?: string } = { ...MUELLER };
delete mueller.id;
const wienInput = {
  ...mueller,
  name: "Donau Handels GmbH",
  address: { street: "Kärntner Straße 5", postalCode: "1010", city: "Wien", country: "AT" },
  serviceReportRecipient: "buchhaltung@donau-handel.at",
  mailDomains: ["donau-handel.at"],
  calendarId: "DE-BY",
  zone: "Europe/Vienna",
};

const post = (body: unknown, who: keyof TestTokens = "accountManager") =>
  api.request({ method: "POST", url: "/v1/organizations", token: api.tokens[who], payload: body as never });
const put = (id: string, body: unknown, who: keyof TestTokens = "accountManager") =>
  api.request({ method: "PUT", url: `/v1/organizations/${id}`, token: api.tokens[who], payload: body as never });

describe(`organization VAT IDs on ${testDatabaseKind()} (T3, T4)`, () => {
  it("T4: a VAT ID typed with spaces is checked and stored normalized, and read back as stored", async () => {
    const created = await post({ ...wienInput, vatId: "ATU 135 85 627" });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<OrganizationResponse>();
    expect(body.organization.vatId).toBe("ATU13585627");
    const stored = await findOrganization(api.database.db, body.organization.id);
    expect((stored?.record as Organization).vatId).toBe("ATU13585627");
    const read = await api.request({ method: "GET", url: `/v1/organizations/${body.organization.id}`, token: api.tokens.accountManager });
    expect(read.json<OrganizationResponse>().organization.vatId).toBe("ATU13585627");
  });

  it("T4: a wrong check digit is 422 T4_VAT_ID_CHECK_DIGIT at body.vatId, an unknown prefix 422 T4_VAT_ID_UNKNOWN_PREFIX; nothing is stored", async () => {
    const before = (await api.request({ method: "GET", url: "/v1/organizations?limit=100", token: api.tokens.admin })).json<{ items: unknown[] }>().items.length;
    expect(expectProblem(await post({ ...wienInput, vatId: "ATU13585626" }), 422, "body.vatId").code).toBe("T4_VAT_ID_CHECK_DIGIT");
    // A Swiss UID is no EU VAT ID.
    expect(expectProblem(await post({ ...wienInput, vatId: "CHE-123.456.788" }), 422, "body.vatId").code).toBe("T4_VAT_ID_UNKNOWN_PREFIX");
    const after = (await api.request({ method: "GET", url: "/v1/organizations?limit=100", token: api.tokens.admin })).json<{ items: unknown[] }>().items.length;
    expect(after).toBe(before);
  });

  it("T3: the VAT ID must be of the address's country (the billing address decides the tax): a German ID on a Vienna address is 422", async () => {
    const problem = expectProblem(await post({ ...wienInput, vatId: "DE136695976" }), 422, "body.vatId");
    expect(problem.code).toBe("T4_VAT_ID_COUNTRY_MISMATCH");
    expect(problem.detail).toContain("DE136695976");
    expect(problem.detail).toContain("AT");
  });

  it("T3: Greek IDs carry the prefix EL for a GR address, and XI IDs belong to a GB (Northern Ireland) address", async () => {
    const athens = await post({ ...wienInput, address: { street: "Ermou 1", postalCode: "10563", city: "Athen", country: "GR" }, vatId: "EL094259216" });
    expect(athens.statusCode, athens.body).toBe(201);
    const belfast = await post({ ...wienInput, address: { street: "Donegall Place 1", postalCode: "BT1 5AB", city: "Belfast", country: "GB" }, vatId: "XI123456782" });
    expect(belfast.statusCode, belfast.body).toBe(201);
    expect(belfast.json<OrganizationResponse>().organization.vatId).toBe("XI123456782");
  });

  it("T4: PUT checks the VAT ID the same way and keeps the version on a refusal; removing it is allowed", async () => {
    const created = (await post(wienInput)).json<OrganizationResponse>();
    expect(created.organization.vatId).toBeUndefined();
    const id = created.organization.id;
    expectProblem(await put(id, { ...wienInput, vatId: "ATU13585626", expectedVersion: 1 }), 422, "body.vatId");
    const updated = await put(id, { ...wienInput, vatId: "atu13585627", expectedVersion: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<OrganizationResponse>()).toMatchObject({ version: 2, organization: { vatId: "ATU13585627" } });
    const removed = await put(id, { ...wienInput, expectedVersion: 2 });
    expect(removed.json<OrganizationResponse>().organization.vatId).toBeUndefined();
  });

  it("K10: another organization's portal manager cannot set Müller's VAT ID (404), and Müller's own manager may not either (403)", async () => {
    const muellerId = api.organizations.mueller;
    expectProblem(await put(muellerId, { ...mueller, vatId: "DE136695976", expectedVersion: 1 }, "baeckereiManager"), 404);
    expectProblem(await put(muellerId, { ...mueller, vatId: "DE136695976", expectedVersion: 1 }, "muellerManager"), 403);
    expect(((await findOrganization(api.database.db, muellerId))?.record as Organization).vatId).toBeUndefined();
  });
});
