import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { contingentContractInput } from "./contingent-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface ContractRecord {
  contract: { id: string; kind: string; customerId: string; currency: string; zone: string; endDate: string | null; contingent: { overdraftAllowed: boolean } };
  organizationId: string;
  firstOpenMonth: string;
  version: number;
}

async function create(id: string, customerId: string, token = api.tokens.accountManager) {
  return api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(id, customerId), token });
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
});
