import { findOrganization } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import type { Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface OrganizationResponse {
  readonly organization: Organization;
  readonly version: number;
}

/** A valid German VAT ID (check digits verified by T4). */
const GERMAN_VAT_ID = "DE811907980";

// Hafen Logistik GmbH in Köln with a German VAT ID, billing its branches separately (O1).
const hafen: Omit<typeof MUELLER, "id"> & { id?: string } = { ...MUELLER, name: "Hafen Logistik GmbH", billing: "separate", vatId: GERMAN_VAT_ID, mailDomains: ["hafen-logistik.de"] };
delete hafen.id;

/** Niederlassung Wien: a branch in Austria, registered for VAT there (O1, T3). */
const wien = { name: "Niederlassung Wien", address: { street: "Kärntner Ring 12", postalCode: "1010", city: "Wien", country: "AT" }, receivesGoods: true, receivesServices: true };
/** Niederlassung Münster: a branch in Germany, without a VAT ID of its own. */
const muenster = { name: "Niederlassung Münster", address: { street: "Hafenweg 3", postalCode: "48155", city: "Münster", country: "DE" }, receivesGoods: false, receivesServices: true };

const createOrganization = (body: unknown) => api.request({ method: "POST", url: "/v1/organizations", token: api.tokens.accountManager, payload: body as never });
const addBranch = (id: string, body: unknown) => api.request({ method: "POST", url: `/v1/organizations/${id}/branches`, token: api.tokens.accountManager, payload: body as never });

async function newHafen(): Promise<string> {
  const created = await createOrganization(hafen);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<OrganizationResponse>().organization.id;
}

async function storedRecord(id: string): Promise<{ readonly record: Organization; readonly version: number }> {
  const row = await findOrganization(api.database.db, id);
  if (row === undefined) throw new Error(`organization ${id} not stored`);
  return { record: row.record as Organization, version: row.version };
}

async function organizationCount(): Promise<number> {
  return (await api.request({ method: "GET", url: "/v1/organizations?limit=100", token: api.tokens.admin })).json<{ items: unknown[] }>().items.length;
}

describe(`branch VAT IDs on ${testDatabaseKind()} (O1, T3, T4)`, () => {
  it("O1, T4: POST /branches takes the branch's own VAT ID typed with spaces ('ATU 135 856 27') and stores it normalized (ATU13585627); the organization keeps its own", async () => {
    const id = await newHafen();
    const added = await addBranch(id, { ...wien, vatId: "ATU 135 856 27" });
    expect(added.statusCode, added.body).toBe(201);
    const body = added.json<OrganizationResponse>();
    expect(body.organization.branches).toEqual([{ id: expect.any(String) as unknown, ...wien, vatId: "ATU13585627" }]);
    expect(body.organization.vatId).toBe(GERMAN_VAT_ID);
    const { record } = await storedRecord(id);
    expect(record.branches.map((branch) => branch.vatId)).toEqual(["ATU13585627"]);
    const read = await api.request({ method: "GET", url: `/v1/organizations/${id}`, token: api.tokens.accountManager });
    expect(read.json<OrganizationResponse>().organization.branches[0]?.vatId).toBe("ATU13585627");
  });

  it("O1: a branch without a VAT ID is added as before, with no vatId stored", async () => {
    const id = await newHafen();
    const added = await addBranch(id, muenster);
    expect(added.statusCode, added.body).toBe(201);
    const { record } = await storedRecord(id);
    expect(record.branches).toEqual([{ id: expect.any(String) as unknown, ...muenster }]);
    expect(Object.keys(record.branches[0] ?? {})).not.toContain("vatId");
  });

  it("T3: a German VAT ID on the Austrian branch is 422 T4_VAT_ID_COUNTRY_MISMATCH at body.vatId, naming the branch's address; nothing is added", async () => {
    const id = await newHafen();
    const problem = expectProblem(await addBranch(id, { ...wien, vatId: GERMAN_VAT_ID }), 422, "body.vatId");
    expect(problem.code).toBe("T4_VAT_ID_COUNTRY_MISMATCH");
    expect(problem.detail).toBe(`The VAT ID ${GERMAN_VAT_ID} is from DE, but the branch's address (its billing address when it is billed separately, O1, T3) is in AT`);
    expect(await storedRecord(id)).toMatchObject({ version: 1, record: { branches: [] } });
  });

  it("T4: a malformed branch VAT ID is refused at body.vatId: a wrong check digit 422 T4_VAT_ID_CHECK_DIGIT, a wrong format 422 T4_VAT_ID_FORMAT, too short for a VAT ID 400; nothing is added", async () => {
    const id = await newHafen();
    expect(expectProblem(await addBranch(id, { ...wien, vatId: "ATU 135 856 26" }), 422, "body.vatId").code).toBe("T4_VAT_ID_CHECK_DIGIT");
    expect(expectProblem(await addBranch(id, { ...wien, vatId: "ATU1358562" }), 422, "body.vatId").code).toBe("T4_VAT_ID_FORMAT");
    expectProblem(await addBranch(id, { ...wien, vatId: "AT" }), 400, "body.vatId");
    expect(await storedRecord(id)).toMatchObject({ version: 1, record: { branches: [] } });
  });

  it("O1, T4: POST /v1/organizations with branches inline checks and normalizes each branch's VAT ID against the branch's country", async () => {
    const created = await createOrganization({
      ...hafen,
      branches: [
        { id: "br-muenster", ...muenster },
        { id: "br-wien", ...wien, vatId: "atu 135 856 27" },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { organization } = created.json<OrganizationResponse>();
    expect(organization.branches.map((branch) => [branch.id, branch.vatId])).toEqual([
      ["br-muenster", undefined],
      ["br-wien", "ATU13585627"],
    ]);
    expect((await storedRecord(organization.id)).record.branches[1]?.vatId).toBe("ATU13585627");
  });

  it("T3, T4: inline branch VAT IDs that fail are 422 at body.branches.<index>.vatId, every one named beside the organization's own; nothing is stored", async () => {
    const before = await organizationCount();
    const problem = expectProblem(
      await createOrganization({
        ...hafen,
        vatId: "DE811907981",
        branches: [
          { id: "br-wien", ...wien, vatId: GERMAN_VAT_ID },
          { id: "br-muenster", ...muenster },
          { id: "br-graz", ...wien, name: "Niederlassung Graz", vatId: "ATU13585626" },
        ],
      }),
      422,
      "body.branches.0.vatId",
    );
    expect(problem.errors?.map((error) => [error.path, error.code])).toEqual([
      ["body.vatId", "T4_VAT_ID_CHECK_DIGIT"],
      ["body.branches.0.vatId", "T4_VAT_ID_COUNTRY_MISMATCH"],
      ["body.branches.2.vatId", "T4_VAT_ID_CHECK_DIGIT"],
    ]);
    expect(await organizationCount()).toBe(before);
  });

  it("T3: PUT /v1/organizations/:id checks branch VAT IDs the same way and keeps the version on a refusal", async () => {
    const id = await newHafen();
    const put = (branches: unknown[], expectedVersion: number) =>
      api.request({ method: "PUT", url: `/v1/organizations/${id}`, token: api.tokens.accountManager, payload: { ...hafen, branches, expectedVersion } });
    expect(expectProblem(await put([{ id: "br-wien", ...wien, vatId: GERMAN_VAT_ID }], 1), 422, "body.branches.0.vatId").code).toBe("T4_VAT_ID_COUNTRY_MISMATCH");
    expect((await storedRecord(id)).version).toBe(1);
    const updated = await put([{ id: "br-wien", ...wien, vatId: "ATU-135.856.27" }], 1);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<OrganizationResponse>()).toMatchObject({ version: 2, organization: { branches: [{ id: "br-wien", vatId: "ATU13585627" }] } });
  });
});
