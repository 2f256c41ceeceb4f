import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";

interface StaffUserBody {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly deactivatedAt: string | null;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

let sequence = 0;
/** A new staff user (created by the admin) with an API token. */
async function newStaffUser(role = "technician"): Promise<{ id: string; email: string; name: string; token: string }> {
  sequence += 1;
  const email = `tech${sequence}@kontor.test`;
  const name = `Tom ${sequence}`;
  const created = await api.request({ method: "POST", url: "/v1/staff-users", token: api.tokens.admin, payload: { email, name, role } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  return { id, email, name, token: await issueToken(id) };
}

async function issueToken(userId: string): Promise<string> {
  const issued = await api.request({ method: "POST", url: `/v1/users/${userId}/api-tokens`, token: api.tokens.admin, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json<{ token: string }>().token;
}

const deactivate = (userId: string, who: keyof TestTokens = "admin") =>
  api.request({ method: "POST", url: `/v1/staff-users/${userId}/deactivation`, payload: {}, token: api.tokens[who] });
const reactivate = (userId: string, who: keyof TestTokens = "admin") => api.request({ method: "POST", url: `/v1/users/${userId}/reactivation`, payload: {}, token: api.tokens[who] });
const credentialsWith = (token: string) => api.request({ method: "GET", url: "/v1/credentials", token });
const eventsOf = async (userId: string, topic: string) => (await outboxEventsOf(api.database.db, "user", userId)).filter((event) => event.topic === topic);

describe(`deactivating staff users on ${testDatabaseKind()} (K10, K12)`, () => {
  it("K12: an admin deactivates a technician: the technician's token gets 401 on GET /v1/credentials at once; their audited reads stay", async () => {
    const tom = await newStaffUser();
    const stored = await api.request({
      method: "POST",
      url: "/v1/credentials",
      token: tom.token,
      payload: { organizationId: api.organizations.mueller, label: "NAS admin", username: "admin", secret: "Synology!2026" },
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const credentialId = stored.json<{ id: string }>().id;
    const read = await api.request({ method: "POST", url: `/v1/credentials/${credentialId}/secret-reads`, token: tom.token, payload: {} });
    expect(read.statusCode, read.body).toBe(200);

    const response = await deactivate(tom.id);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<StaffUserBody>()).toEqual({ id: tom.id, email: tom.email, name: tom.name, role: "technician", deactivatedAt: "2026-11-16T09:00:00.000Z" });
    expectProblem(await credentialsWith(tom.token), 401);
    expectProblem(await api.request({ method: "POST", url: `/v1/credentials/${credentialId}/secret-reads`, token: tom.token, payload: {} }), 401);
    const reads = await api.request({ method: "GET", url: `/v1/credentials/${credentialId}/reads`, token: api.tokens.admin });
    expect(reads.json<{ items: { actorId: string; granted: boolean }[] }>().items).toEqual([expect.objectContaining({ actorId: tom.id, granted: true })]);
    const [event, ...more] = await eventsOf(tom.id, "user.deactivated");
    expect(more).toEqual([]);
    expect(event?.payload).toEqual({ userId: tom.id, kind: "staff", organizationId: null, deactivatedBy: api.users.admin, deactivatedAt: "2026-11-16T09:00:00.000Z", revokedCredentials: 1, withdrawnCredentialAccess: 0 });
  });

  it("K10: an admin cannot deactivate themself: 409 USER_SELF_DEACTIVATION, and the admin keeps access", async () => {
    const response = await deactivate(api.users.admin);
    expect(expectProblem(response, 409).code).toBe("USER_SELF_DEACTIVATION");
    expect((await api.request({ method: "GET", url: "/v1/me", token: api.tokens.admin })).statusCode).toBe(200);
    expect(await eventsOf(api.users.admin, "user.deactivated")).toEqual([]);
  });

  it("K10: an admin deactivates another admin; deactivating twice gives the same answer and records one event", async () => {
    const root = await newStaffUser("admin");
    const first = await deactivate(root.id);
    api.clock.set(new Date("2026-11-16T10:00:00Z"));
    try {
      const second = await deactivate(root.id);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toEqual(first.json());
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
    expect(await eventsOf(root.id, "user.deactivated")).toHaveLength(1);
    expectProblem(await api.request({ method: "GET", url: "/v1/me", token: root.token }), 401);
  });

  it("K10: only admins deactivate staff: other staff 403, portal users 404; a portal user's id on the staff path is 404; nothing changes", async () => {
    const tom = await newStaffUser();
    expectProblem(await deactivate(tom.id, "accountManager"), 403);
    expectProblem(await deactivate(tom.id, "dispatcher"), 403);
    expectProblem(await deactivate(tom.id, "muellerManager"), 404);
    expectProblem(await deactivate(api.users.muellerReporter, "admin"), 404);
    expectProblem(await deactivate("staff-niemand", "admin"), 404);
    expect((await credentialsWith(tom.token)).statusCode).toBe(200);
    expect((await api.request({ method: "GET", url: "/v1/tickets", token: api.tokens.muellerReporter })).statusCode).toBe(200);
    expect(await eventsOf(tom.id, "user.deactivated")).toEqual([]);
  });
});

describe(`reactivating users on ${testDatabaseKind()} (K10, K12)`, () => {
  it("K12: a deactivated user gets no new token (409 USER_DEACTIVATED); reactivated, their old token stays revoked and a newly issued one works", async () => {
    const tom = await newStaffUser();
    expect((await deactivate(tom.id)).statusCode).toBe(200);
    for (const kind of ["api-tokens", "login-tokens"]) {
      const refused = await api.request({ method: "POST", url: `/v1/users/${tom.id}/${kind}`, token: api.tokens.admin, payload: {} });
      expect(expectProblem(refused, 409).code).toBe("USER_DEACTIVATED");
    }

    const response = await reactivate(tom.id);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: tom.id, kind: "staff", organizationId: null, email: tom.email, role: "technician", deactivatedAt: null });
    expectProblem(await credentialsWith(tom.token), 401);
    expect((await credentialsWith(await issueToken(tom.id))).statusCode).toBe(200);
    const [event] = await eventsOf(tom.id, "user.reactivated");
    expect(event?.payload).toEqual({ userId: tom.id, kind: "staff", organizationId: null, reactivatedBy: api.users.admin, reactivatedAt: "2026-11-16T09:00:00.000Z" });
  });

  it("O2: a portal user deactivated by their manager is reactivated by an admin: old token 401, new token 200; reactivating again answers the same", async () => {
    const created = await api.request({
      method: "POST",
      url: `/v1/organizations/${api.organizations.mueller}/portal-users`,
      token: api.tokens.accountManager,
      payload: { firstName: "Lena", lastName: "Wagner", phone: "+49 221 555", email: "lena.wagner@mueller-gmbh.de", role: "portal-reporter" },
    });
    const lena = created.json<{ id: string }>().id;
    const oldToken = await issueToken(lena);
    const deactivated = await api.request({ method: "POST", url: `/v1/organizations/${api.organizations.mueller}/portal-users/${lena}/deactivation`, payload: {}, token: api.tokens.muellerManager });
    expect(deactivated.statusCode, deactivated.body).toBe(200);

    const first = await reactivate(lena);
    const second = await reactivate(lena);

    expect(first.statusCode, first.body).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ id: lena, kind: "portal", organizationId: api.organizations.mueller, deactivatedAt: null });
    expect(await eventsOf(lena, "user.reactivated")).toHaveLength(1);
    expectProblem(await api.request({ method: "GET", url: "/v1/tickets", token: oldToken }), 401);
    expect((await api.request({ method: "GET", url: "/v1/tickets", token: await issueToken(lena) })).statusCode).toBe(200);
  });

  it("K10: only admins reactivate: other staff 403, portal managers 404, unknown ids 404", async () => {
    const tom = await newStaffUser();
    expect((await deactivate(tom.id)).statusCode).toBe(200);
    expectProblem(await reactivate(tom.id, "accountManager"), 403);
    expectProblem(await reactivate(tom.id, "muellerManager"), 404);
    expectProblem(await reactivate("niemand"), 404);
    expect(await eventsOf(tom.id, "user.reactivated")).toEqual([]);
  });
});
