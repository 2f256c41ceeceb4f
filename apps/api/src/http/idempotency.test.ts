import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../testing/expect-problem.js";
import { MUELLER } from "../testing/fixtures.js";
import { createTestApi, type TestApi } from "../testing/test-api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const branch = (name: string) => ({ name, address: { street: "Am Hafen 2", postalCode: "50667", city: "Köln", country: "DE" }, receivesGoods: true, receivesServices: true });

async function branchCount(): Promise<number> {
  const response = await api.request({ method: "GET", url: `/v1/organizations/${MUELLER.id}`, token: api.tokens.accountManager });
  return response.json<{ organization: { branches: unknown[] } }>().organization.branches.length;
}

describe(`Idempotency-Key on POST on ${testDatabaseKind()} (issue 9)`, () => {
  it("a replay returns the stored response and changes nothing", async () => {
    const send = () =>
      api.request({
        method: "POST",
        url: `/v1/organizations/${MUELLER.id}/branches`,
        payload: branch("Lager Nord"),
        token: api.tokens.accountManager,
        headers: { "idempotency-key": "branch-lager-nord" },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const count = await branchCount();
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body).toBe(first.body);
    expect(await branchCount()).toBe(count);
  });

  it("the same key with a different body is 422", async () => {
    const send = (name: string) =>
      api.request({
        method: "POST",
        url: `/v1/organizations/${MUELLER.id}/branches`,
        payload: branch(name),
        token: api.tokens.accountManager,
        headers: { "idempotency-key": "branch-reused" },
      });
    expect((await send("Lager Süd")).statusCode).toBe(201);
    const count = await branchCount();
    const problem = expectProblem(await send("Lager West"), 422, "headers.idempotency-key");
    expect(problem.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await branchCount()).toBe(count);
  });

  it("keys are per user: another user's same key runs on its own", async () => {
    const payload = { email: "k1@kontor.test", name: "K1", role: "technician" };
    const first = await api.request({ method: "POST", url: "/v1/staff-users", payload, token: api.tokens.admin, headers: { "idempotency-key": "shared-key" } });
    expect(first.statusCode).toBe(201);
    const other = await api.request({ method: "POST", url: "/v1/staff-users", payload, token: api.tokens.dispatcher, headers: { "idempotency-key": "shared-key" } });
    expectProblem(other, 403);
  });

  it("a rejected request is stored too, so its replay is rejected the same way", async () => {
    const send = () =>
      api.request({ method: "POST", url: "/v1/staff-users", payload: { email: "k1@kontor.test", name: "K1 again", role: "technician" }, token: api.tokens.admin, headers: { "idempotency-key": "dup-mail" } });
    const first = await send();
    expectProblem(first, 409);
    const replay = await send();
    expect(replay.statusCode).toBe(409);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
  });

  it("a malformed key is 400 naming the header", async () => {
    const response = await api.request({ method: "POST", url: "/v1/staff-users", payload: {}, token: api.tokens.admin, headers: { "idempotency-key": "no spaces allowed" } });
    expectProblem(response, 400);
  });
});
