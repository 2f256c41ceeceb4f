import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { contingentContractInput } from "./contingent-fixtures.js";
import { addBranch } from "../../testing/add-branch.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface ContractRecord {
  contract: { id: string; kind: string; customerId: string; branchId: string | null; currency: string; zone: string; endDate: string | null; contingent: { overdraftAllowed: boolean } };
  organizationId: string;
  firstOpenMonth: string;
  version: number;
}

async function create(id: string, customerId: string, token = api.tokens.accountManager) {
  return api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(id, customerId), token });
}

/** Adds a branch to an organization as a real client would (O1) and returns its id. */

/** Concludes the README's contingent for `customerId` serving `branchId`. */
async function createForBranch(id: string, customerId: string, branchId: string | null) {
  return api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(id, customerId, { branchId }), token: api.tokens.accountManager });
}

/** The problem's field error on `field`, asserting status 400 and that it names the field. */
function fieldProblem(response: Awaited<ReturnType<typeof api.request>>, field: string): { path: string; code: string; message?: string } {
  const problem = expectProblem(response, 400, field);
  const error = problem.errors?.find((candidate) => candidate.path === field);
  if (error === undefined) throw new Error(`no field error on ${field}: ${response.body}`);
  return error;
}

/** GET of a contract id as the admin: its status code (404 when nothing was stored). */
async function readStatus(id: string): Promise<number> {
  return (await api.request({ method: "GET", url: `/v1/contracts/${id}`, token: api.tokens.admin })).statusCode;
}

describe(`contracts on ${testDatabaseKind()}`, () => {
  it("C1, C2: concludes a 10-hour contingent; parseContract fills in EUR, Europe/Berlin and overdraft allowed (C3)", async () => {
    const response = await create("K-1001", api.organizations.mueller);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe("/v1/contracts/K-1001");
    const body = response.json<ContractRecord>();
    expect(body).toMatchObject({ organizationId: "org-mueller", firstOpenMonth: "2026-01", version: 1 });
    expect(body.contract).toMatchObject({ id: "K-1001", kind: "contingent", currency: "EUR", zone: "Europe/Berlin", endDate: null, contingent: { overdraftAllowed: true } });
    const read = await api.request({ method: "GET", url: "/v1/contracts/K-1001", token: api.tokens.technician });
    expect(read.json<ContractRecord>()).toEqual(body);
  });

  it("refuses a taken contract id with 409 and an unknown customer with 404", async () => {
    await create("K-1002", api.organizations.mueller);
    expect(expectProblem(await create("K-1002", api.organizations.mueller), 409).code).toBe("CONTRACT_ID_TAKEN");
    expectProblem(await create("K-1003", "org-unknown"), 404);
  });

  it("C1: an end date before the start date is 400 naming body.endDate", async () => {
    const payload = { ...contingentContractInput("K-1004", api.organizations.mueller), endDate: "2025-12-31" };
    expectProblem(await api.request({ method: "POST", url: "/v1/contracts", payload, token: api.tokens.admin }), 400, "body.endDate");
  });

  it("K10: only account managers and admins conclude contracts: technician 403, portal manager 404", async () => {
    expectProblem(await create("K-1005", api.organizations.mueller, api.tokens.technician), 403);
    expectProblem(await create("K-1005", api.organizations.mueller, api.tokens.muellerManager), 404);
    expect((await create("K-1005", api.organizations.mueller, api.tokens.admin)).statusCode).toBe(201);
  });

  it("K10: lists are restricted to the portal user's organization; staff filter by organizationId", async () => {
    await create("K-BAECKEREI", api.organizations.baeckerei);
    const ids = async (url: string, token: string) =>
      (await api.request({ method: "GET", url, token })).json<{ items: ContractRecord[] }>().items.map((item) => item.contract.id);
    expect(await ids("/v1/contracts", api.tokens.baeckereiManager)).toEqual(["K-BAECKEREI"]);
    expect(await ids(`/v1/contracts?organizationId=${api.organizations.mueller}`, api.tokens.baeckereiManager)).toEqual(["K-BAECKEREI"]);
    expect(await ids("/v1/contracts", api.tokens.muellerManager)).toEqual(["K-1001", "K-1002", "K-1005"]);
    expect(await ids(`/v1/contracts?organizationId=${api.organizations.baeckerei}`, api.tokens.dispatcher)).toEqual(["K-BAECKEREI"]);
    expect(await ids("/v1/contracts", api.tokens.backOffice)).toEqual(["K-1001", "K-1002", "K-1005", "K-BAECKEREI"]);
    // Reporters have no contract:read (K10).
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts", token: api.tokens.muellerReporter }), 404);
  });

  it("pages through the contracts with the cursor", async () => {
    const seen: string[] = [];
    let url: string | undefined = "/v1/contracts?limit=3";
    while (url !== undefined) {
      const page: { items: ContractRecord[]; nextCursor: string | null } = (await api.request({ method: "GET", url, token: api.tokens.admin })).json();
      seen.push(...page.items.map((item) => item.contract.id));
      url = page.nextCursor === null ? undefined : `/v1/contracts?limit=3&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(["K-1001", "K-1002", "K-1005", "K-BAECKEREI"]);
  });

  it("K10: another customer's contract is 404, a reporter's read too", async () => {
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/K-1001", token: api.tokens.baeckereiManager }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/K-1001", token: api.tokens.muellerReporter }), 404);
    expect((await api.request({ method: "GET", url: "/v1/contracts/K-1001", token: api.tokens.muellerManager })).statusCode).toBe(200);
  });

  // These run last: they add contracts the list and paging tests above do not expect.
  it("O1: a contract serving a branch that receives services is 201 and GET returns its branchId", async () => {
    const deutz = await addBranch(api, api.organizations.mueller, "Filiale Deutz", { goods: true, services: true });
    const response = await createForBranch("K-O1-DEUTZ", api.organizations.mueller, deutz);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ContractRecord>().contract.branchId).toBe(deutz);
    const read = await api.request({ method: "GET", url: "/v1/contracts/K-O1-DEUTZ", token: api.tokens.muellerManager });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<ContractRecord>().contract).toMatchObject({ id: "K-O1-DEUTZ", customerId: api.organizations.mueller, branchId: deutz });
  });

  it("O1: a contract without branchId serves the company itself: branchId is null", async () => {
    const response = await create("K-O1-COMPANY", api.organizations.mueller);
    expect(response.statusCode, response.body).toBe(201);
    const read = await api.request({ method: "GET", url: "/v1/contracts/K-O1-COMPANY", token: api.tokens.admin });
    expect(read.json<ContractRecord>().contract.branchId).toBeNull();
    expect((await createForBranch("K-O1-COMPANY-NULL", api.organizations.mueller, null)).statusCode).toBe(201);
    expect((await api.request({ method: "GET", url: "/v1/contracts/K-O1-COMPANY-NULL", token: api.tokens.admin })).json<ContractRecord>().contract.branchId).toBeNull();
  });

  it("O1: an unknown branch id is 400 on body.branchId (unknown_branch) and stores nothing", async () => {
    const error = fieldProblem(await createForBranch("K-O1-UNKNOWN", api.organizations.mueller, "branch-does-not-exist"), "body.branchId");
    expect(error.code).toBe("unknown_branch");
    expect(await readStatus("K-O1-UNKNOWN")).toBe(404);
  });

  it("O1: a branch that receives goods but not services is 400 on body.branchId (not_receiving_services) naming the branch", async () => {
    const porz = await addBranch(api, api.organizations.mueller, "Lager Porz", { goods: true, services: false });
    const error = fieldProblem(await createForBranch("K-O1-PORZ", api.organizations.mueller, porz), "body.branchId");
    expect(error.code).toBe("not_receiving_services");
    expect(error.message).toContain("Lager Porz");
    expect(await readStatus("K-O1-PORZ")).toBe(404);
  });

  it("O1, K10: another customer's branch is 400 on body.branchId: branch ids do not leak across customers", async () => {
    const schwabing = await addBranch(api, api.organizations.baeckerei, "Filiale Schwabing", { goods: true, services: true });
    expect((await createForBranch("K-O1-SCHWABING", api.organizations.baeckerei, schwabing)).statusCode).toBe(201);
    const error = fieldProblem(await createForBranch("K-O1-FOREIGN", api.organizations.mueller, schwabing), "body.branchId");
    expect(error.code).toBe("unknown_branch");
    expect(JSON.stringify(error)).not.toContain("Bäckerei");
    expect(await readStatus("K-O1-FOREIGN")).toBe(404);
    const ehrenfeld = await addBranch(api, api.organizations.mueller, "Filiale Ehrenfeld", { goods: false, services: true });
    expect(fieldProblem(await createForBranch("K-O1-FOREIGN-2", api.organizations.baeckerei, ehrenfeld), "body.branchId").code).toBe("unknown_branch");
    expect(await readStatus("K-O1-FOREIGN-2")).toBe(404);
  });
});
