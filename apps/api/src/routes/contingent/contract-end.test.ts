import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { contingentContractInput, entryInput } from "./contingent-fixtures.js";
import { record } from "./contingent-test-support.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface ContractRecord {
  contract: { id: string; endDate: string | null };
  firstOpenMonth: string;
  version: number;
}

async function conclude(id: string, startDate: string) {
  const response = await api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(id, api.organizations.mueller, { startDate }), token: api.tokens.accountManager });
  expect(response.statusCode, response.body).toBe(201);
}

async function end(id: string, endDate: string | null, token = api.tokens.accountManager) {
  return api.request({ method: "PUT", url: `/v1/contracts/${id}/end-date`, payload: { endDate }, token });
}

async function close(id: string, month: string, at: string) {
  api.clock.set(new Date(at));
  const response = await api.request({ method: "POST", url: `/v1/contracts/${id}/month-closes`, payload: { month }, token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ month: string; statement: { creditMinutes: number }; invoice: { lines: { kind: string; net: { amount: string } }[] } }>();
}

async function stored(id: string): Promise<ContractRecord> {
  return (await api.request({ method: "GET", url: `/v1/contracts/${id}`, token: api.tokens.admin })).json<ContractRecord>();
}

describe(`ending contracts on ${testDatabaseKind()}`, () => {
  it("C1/C8: September and October closed, the customer's notice ends the contingent on 31 October; November bills nothing", async () => {
    await conclude("K-END-1", "2026-09-01");
    await close("K-END-1", "2026-09", "2026-10-01T05:00:00Z");
    await close("K-END-1", "2026-10", "2026-11-01T05:00:00Z");
    api.clock.set(new Date("2026-11-16T09:00:00Z"));

    const tooEarly = expectProblem(await end("K-END-1", "2026-10-30"), 422, "body.endDate");
    expect(tooEarly.code).toBe("C1_TERM_IN_CLOSED_MONTH");
    expect(tooEarly.detail).toContain("2026-10-31 at the earliest");

    const before = await stored("K-END-1");
    const ended = await end("K-END-1", "2026-10-31");
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<ContractRecord>()).toMatchObject({ contract: { id: "K-END-1", endDate: "2026-10-31" }, firstOpenMonth: "2026-11", version: before.version + 1 });
    expect((await stored("K-END-1")).contract.endDate).toBe("2026-10-31");

    // Work in November now lies outside the term (C1).
    const late = await record(api, "K-END-1", "2026-11-16T10:00:00Z", [entryInput("E-END-NOV", "2026-11-02", 30)]);
    expect(expectProblem(late, 422, "body.entries.0.workDate").code).toBe("C1_OUTSIDE_CONTRACT_TERM");
    const november = await close("K-END-1", "2026-11", "2026-12-01T05:00:00Z");
    expect(november).toMatchObject({ month: "2026-11", statement: { creditMinutes: 0 }, invoice: { lines: [] } });
  });

  it("C1: the same end again changes nothing; running on again (null) counts up the version", async () => {
    await conclude("K-END-2", "2026-11-01");
    expect((await end("K-END-2", "2026-12-31")).json<ContractRecord>().version).toBe(2);
    const again = await end("K-END-2", "2026-12-31");
    expect(again.statusCode).toBe(200);
    expect(again.json<ContractRecord>()).toMatchObject({ contract: { endDate: "2026-12-31" }, version: 2 });
    expect((await end("K-END-2", null)).json<ContractRecord>()).toMatchObject({ contract: { endDate: null }, version: 3 });
  });

  it("C1/C6: an end before recorded work is 422 C1_BOOKED_AFTER_END naming the entry, and the contract stays as it was", async () => {
    await conclude("K-END-3", "2026-11-01");
    const recorded = await record(api, "K-END-3", "2026-11-16T10:00:00Z", [entryInput("E-END-12", "2026-11-12", 45)]);
    expect(recorded.statusCode, recorded.body).toBe(201);
    const before = await stored("K-END-3");
    const refused = expectProblem(await end("K-END-3", "2026-11-10"), 422, "body.endDate");
    expect(refused.code).toBe("C1_BOOKED_AFTER_END");
    expect(refused.detail).toContain("E-END-12");
    expect(expectProblem(await end("K-END-3", "2026-10-31"), 422, "body.endDate").code).toBe("C1_END_BEFORE_START");
    expect(await stored("K-END-3")).toEqual(before);
  });

  it("K10: only account managers and admins end contracts; to portal users, even the customer's own, the route looks absent", async () => {
    await conclude("K-END-4", "2026-11-01");
    expectProblem(await end("K-END-4", "2026-12-31", api.tokens.technician), 403);
    expectProblem(await end("K-END-4", "2026-12-31", api.tokens.muellerManager), 404);
    expectProblem(await end("K-END-4", "2026-12-31", api.tokens.baeckereiManager), 404);
    expect(await stored("K-END-4")).toMatchObject({ contract: { endDate: null }, version: 1 });
    expect((await end("K-END-4", "2026-12-31", api.tokens.admin)).statusCode).toBe(200);
  });
});
