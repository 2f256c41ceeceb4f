import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../testing/test-api.js";

const lines: string[] = [];
let api: TestApi;
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  api = await createTestApi({ logStream, rateLimitPerMinute: 30 });
});
afterAll(() => api.close());

describe(`authentication, secrets and rate limits on ${testDatabaseKind()} (issue 9)`, () => {
  it("a one-time login token becomes a 12-hour session token, and works once only", async () => {
    const issued = await api.request({ method: "POST", url: `/v1/users/${api.users.muellerManager}/login-tokens`, payload: {}, token: api.tokens.admin });
    expect(issued.statusCode).toBe(201);
    const { token: loginToken, expiresAt } = issued.json<{ token: string; expiresAt: string }>();
    expect(new Date(expiresAt).getTime() - api.clock.now().getTime()).toBe(30 * 60_000);

    const session = await api.request({ method: "POST", url: "/v1/auth/sessions", payload: { loginToken } });
    expect(session.statusCode).toBe(201);
    const { token, expiresAt: sessionEnd } = session.json<{ token: string; expiresAt: string }>();
    expect(new Date(sessionEnd).getTime() - api.clock.now().getTime()).toBe(12 * 3_600_000);
    const me = await api.request({ method: "GET", url: "/v1/me", token });
    expect(me.json()).toMatchObject({ userId: api.users.muellerManager, kind: "portal", role: "portal-manager", organizationId: api.organizations.mueller });

    expectProblem(await api.request({ method: "POST", url: "/v1/auth/sessions", payload: { loginToken } }), 401);
  });

  it("an expired login token and an expired session are refused", async () => {
    const start = api.clock.now();
    const issued = (await api.request({ method: "POST", url: `/v1/users/${api.users.muellerReporter}/login-tokens`, payload: {}, token: api.tokens.admin })).json<{ token: string }>();
    api.clock.set(new Date(start.getTime() + 31 * 60_000));
    expectProblem(await api.request({ method: "POST", url: "/v1/auth/sessions", payload: { loginToken: issued.token } }), 401);
    api.clock.set(start);
    const again = (await api.request({ method: "POST", url: `/v1/users/${api.users.muellerReporter}/login-tokens`, payload: {}, token: api.tokens.admin })).json<{ token: string }>();
    const session = (await api.request({ method: "POST", url: "/v1/auth/sessions", payload: { loginToken: again.token } })).json<{ token: string }>();
    expect((await api.request({ method: "GET", url: "/v1/me", token: session.token })).statusCode).toBe(200);
    api.clock.set(new Date(start.getTime() + 12 * 3_600_000 + 1));
    expectProblem(await api.request({ method: "GET", url: "/v1/me", token: session.token }), 401);
    api.clock.set(start);
  });

  it("signing out revokes the token at once", async () => {
    const issued = (await api.request({ method: "POST", url: `/v1/users/${api.users.dispatcher}/api-tokens`, payload: { name: "cli" }, token: api.tokens.admin })).json<{ token: string }>();
    expect((await api.request({ method: "DELETE", url: "/v1/auth/tokens/current", token: issued.token })).statusCode).toBe(204);
    expectProblem(await api.request({ method: "GET", url: "/v1/me", token: issued.token }), 401);
  });

  it("stores only SHA-256 hashes of tokens", async () => {
    const issued = (await api.request({ method: "POST", url: `/v1/users/${api.users.technician}/api-tokens`, payload: {}, token: api.tokens.admin })).json<{ token: string }>();
    const rows = await api.database.query<{ secret_hash: string }>("SELECT secret_hash FROM credentials");
    const stored = rows.rows.map((row) => row.secret_hash).join("\n");
    expect(stored).not.toContain(issued.token);
    expect(stored).not.toContain(api.tokens.admin);
    expect(rows.rows.every((row) => /^[0-9a-f]{64}$/.test(row.secret_hash))).toBe(true);
  });

  it("a non-admin cannot issue tokens (403), a portal user does not learn the route exists (404)", async () => {
    expectProblem(await api.request({ method: "POST", url: `/v1/users/${api.users.admin}/api-tokens`, payload: {}, token: api.tokens.dispatcher }), 403);
    expectProblem(await api.request({ method: "POST", url: `/v1/users/${api.users.admin}/api-tokens`, payload: {}, token: api.tokens.muellerManager }), 404);
  });

  it("logs never contain tokens or login secrets", async () => {
    const issued = (await api.request({ method: "POST", url: `/v1/users/${api.users.backOffice}/login-tokens`, payload: {}, token: api.tokens.admin })).json<{ token: string }>();
    await api.request({ method: "POST", url: "/v1/auth/sessions", payload: { loginToken: issued.token } });
    await api.request({ method: "GET", url: "/v1/me", token: api.tokens.accountManager, headers: { cookie: "session=secret-cookie" } });
    const log = lines.join("");
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain("[redacted]");
    for (const secret of [issued.token, api.tokens.admin, api.tokens.accountManager, "secret-cookie"]) expect(log).not.toContain(secret);
  });

  it("limits requests per token: the 31st within a minute gets 429 problem+json", async () => {
    const issued = (await api.request({ method: "POST", url: `/v1/users/${api.users.muellerReporter}/api-tokens`, payload: {}, token: api.tokens.admin })).json<{ token: string }>();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await api.request({ method: "GET", url: "/v1/me", token: issued.token })).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expectProblem(await api.request({ method: "GET", url: "/v1/me", token: issued.token }), 429);
    // Another token is counted on its own.
    expect((await api.request({ method: "GET", url: "/v1/me", token: api.tokens.technician })).statusCode).toBe(200);
  });
});
