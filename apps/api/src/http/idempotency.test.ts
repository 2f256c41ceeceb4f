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

  it("a stored response holds no secret at rest: a new API token is sealed, and its replay gives the same token", async () => {
    const send = () =>
      api.request({ method: "POST", url: `/v1/users/${api.users.technician}/api-tokens`, payload: { name: "laptop" }, token: api.tokens.admin, headers: { "idempotency-key": "token-laptop" } });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const { token } = first.json<{ token: string }>();
    const replay = await send();
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json<{ token: string }>().token).toBe(token);
    const rows = await api.database.query<{ response_body: string }>("SELECT response_body FROM idempotency_keys WHERE key = $1", ["token-laptop"]);
    const row = rows.rows[0];
    expect(row?.response_body).toMatch(/^v1:/);
    expect(row?.response_body).not.toContain(token);
    expect(row?.response_body).not.toContain("laptop");
  });

  it("the stored request fingerprint is keyed: a body with a weak secret cannot be confirmed by hashing guesses", async () => {
    const response = await api.request({ method: "POST", url: "/v1/staff-users", payload: { email: "fp@kontor.test", name: "Fingerprint", role: "technician" }, token: api.tokens.admin, headers: { "idempotency-key": "fingerprint" } });
    expect(response.statusCode).toBe(201);
    const { createHash } = await import("node:crypto");
    const body = JSON.stringify({ email: "fp@kontor.test", name: "Fingerprint", role: "technician" });
    const plain = createHash("sha256").update("POST").update("\0").update("/v1/staff-users").update("\0").update(body).digest("hex");
    const rows = await api.database.query<{ request_hash: string }>("SELECT request_hash FROM idempotency_keys WHERE key = $1", ["fingerprint"]);
    expect(rows.rows[0]?.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.rows[0]?.request_hash).not.toBe(plain);
  });
});
