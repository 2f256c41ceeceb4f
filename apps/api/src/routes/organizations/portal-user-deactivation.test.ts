import { decideCredentialAccessRequest, findCredentialAccessRequest, insertAccessCredential, insertCredentialAccessRequest, outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { openTicketAs, type TicketBody } from "../tickets/ticket-test-helpers.js";

interface PortalUserBody {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly role: string;
  readonly deactivatedAt: string | null;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

const usersUrl = (organizationId = api.organizations.mueller) => `/v1/organizations/${organizationId}/portal-users`;
const deactivationUrl = (userId: string, organizationId = api.organizations.mueller) => `${usersUrl(organizationId)}/${userId}/deactivation`;

let sequence = 0;
/** A new portal user of Müller GmbH (created by the account manager) with an API token (issued by the admin). */
async function newMuellerUser(role: "portal-reporter" | "portal-manager" = "portal-reporter"): Promise<{ id: string; token: string }> {
  sequence += 1;
  const created = await api.request({
    method: "POST",
    url: usersUrl(),
    token: api.tokens.accountManager,
    payload: { firstName: "Lena", lastName: `Wagner ${sequence}`, phone: "+49 221 555", email: `lena.wagner${sequence}@mueller-gmbh.de`, role },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<PortalUserBody>().id;
  const issued = await api.request({ method: "POST", url: `/v1/users/${id}/api-tokens`, token: api.tokens.admin, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return { id, token: issued.json<{ token: string }>().token };
}

function deactivate(userId: string, who: keyof TestTokens, organizationId?: string, headers: Record<string, string> = {}) {
  return api.request({ method: "POST", url: deactivationUrl(userId, organizationId), payload: {}, token: api.tokens[who], headers });
}

const ticketsWith = (token: string) => api.request({ method: "GET", url: "/v1/tickets", token });

async function listedUser(id: string): Promise<PortalUserBody | undefined> {
  const response = await api.request({ method: "GET", url: `${usersUrl()}?limit=200`, token: api.tokens.accountManager });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: PortalUserBody[] }>().items.find((item) => item.id === id);
}

const deactivationEvents = async (userId: string) => (await outboxEventsOf(api.database.db, "user", userId)).filter((event) => event.topic === "user.deactivated");

describe(`deactivating portal users on ${testDatabaseKind()} (O2, K10)`, () => {
  it("O2, K10: Müller's portal manager deactivates a Müller reporter: the reporter's token gets 401 on GET /v1/tickets at once; who and when are recorded", async () => {
    const lena = await newMuellerUser();
    expect((await ticketsWith(lena.token)).statusCode).toBe(200);

    const response = await deactivate(lena.id, "muellerManager");

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<PortalUserBody>()).toMatchObject({ id: lena.id, organizationId: api.organizations.mueller, role: "portal-reporter", deactivatedAt: "2026-11-16T09:00:00.000Z" });
    expectProblem(await ticketsWith(lena.token), 401);
    expectProblem(await api.request({ method: "GET", url: "/v1/me", token: lena.token }), 401);
    expect((await listedUser(lena.id))?.deactivatedAt).toBe("2026-11-16T09:00:00.000Z");
    const [event, ...more] = await deactivationEvents(lena.id);
    expect(more).toEqual([]);
    expect(event?.payload).toEqual({
      userId: lena.id,
      kind: "portal",
      organizationId: api.organizations.mueller,
      deactivatedBy: api.users.muellerManager,
      deactivatedAt: "2026-11-16T09:00:00.000Z",
      revokedCredentials: 1,
      withdrawnCredentialAccess: 0,
    });
  });

  it("K12: a deactivated portal manager's approval to read Müller's firewall password is revoked, a pending request rejected", async () => {
    const manager = await newMuellerUser("portal-manager");
    const now = api.clock.now();
    await insertAccessCredential(api.database.db, { id: "cred-offboarding", organizationId: api.organizations.mueller, assetId: null, label: "Firewall FW01 admin", username: "admin", secret: "Fw!Adm1n-2026", createdBy: api.users.technician }, now);
    await insertCredentialAccessRequest(api.database.db, { id: "car-offboarding-1", credentialId: "cred-offboarding", portalUserId: manager.id, reason: "Portfreigabe" }, now);
    await decideCredentialAccessRequest(api.database.db, "car-offboarding-1", { to: "approved", by: api.users.technician, validUntil: null }, now);
    await insertAccessCredential(api.database.db, { id: "cred-offboarding-2", organizationId: api.organizations.mueller, assetId: null, label: "NAS admin", username: "admin", secret: "Nas!2026", createdBy: api.users.technician }, now);
    await insertCredentialAccessRequest(api.database.db, { id: "car-offboarding-2", credentialId: "cred-offboarding-2", portalUserId: manager.id, reason: "Backup prüfen" }, now);

    expect((await deactivate(manager.id, "accountManager")).statusCode).toBe(200);

    expect(await findCredentialAccessRequest(api.database.db, "car-offboarding-1")).toMatchObject({ status: "revoked", revokedBy: api.users.accountManager });
    expect(await findCredentialAccessRequest(api.database.db, "car-offboarding-2")).toMatchObject({ status: "rejected", decidedBy: api.users.accountManager });
    expect((await deactivationEvents(manager.id))[0]?.payload).toMatchObject({ withdrawnCredentialAccess: 2 });
  });

  it("O2: the deactivated reporter's tickets stay: their manager still sees them, with the reporter as requester", async () => {
    const lena = await newMuellerUser();
    const ticket = await openTicketAs(api, lena.token);

    expect((await deactivate(lena.id, "muellerManager")).statusCode).toBe(200);

    const seen = await api.request({ method: "GET", url: `/v1/tickets/${ticket.ticket.id}`, token: api.tokens.muellerManager });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(ticket.ticket.requester.portalUserId).toBe(lena.id);
    expect(seen.json<TicketBody>().ticket.requester).toEqual(ticket.ticket.requester);
  });

  it("O2: deactivating twice gives the same answer and records one event", async () => {
    const lena = await newMuellerUser();
    const first = await deactivate(lena.id, "muellerManager");
    api.clock.set(new Date("2026-11-16T10:00:00Z"));
    try {
      const second = await deactivate(lena.id, "accountManager");
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toEqual(first.json());
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
    expect(await deactivationEvents(lena.id)).toHaveLength(1);
    expectProblem(await ticketsWith(lena.token), 401);
  });

  it("O2: a deactivation sent again with the same Idempotency-Key is answered from the stored response", async () => {
    const lena = await newMuellerUser();
    const headers = { "idempotency-key": `offboard-${lena.id}` };
    const first = await deactivate(lena.id, "muellerManager", undefined, headers);
    const replay = await deactivate(lena.id, "muellerManager", undefined, headers);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
  });

  it("K10: Bäckerei Schmidt's manager deactivating a Müller user gets 404, by either organization's path, and nothing changes", async () => {
    const lena = await newMuellerUser();

    expectProblem(await deactivate(lena.id, "baeckereiManager"), 404);
    expectProblem(await deactivate(lena.id, "baeckereiManager", api.organizations.baeckerei), 404);

    expect((await ticketsWith(lena.token)).statusCode).toBe(200);
    expect((await listedUser(lena.id))?.deactivatedAt).toBeNull();
    expect(await deactivationEvents(lena.id)).toEqual([]);
  });

  it("K10: a portal reporter cannot deactivate anyone (403), nor can staff without portal-user:manage; nothing changes", async () => {
    const lena = await newMuellerUser();

    expectProblem(await deactivate(lena.id, "muellerReporter"), 403);
    expectProblem(await deactivate(api.users.muellerManager, "muellerReporter"), 403);
    expectProblem(await deactivate(lena.id, "dispatcher"), 403);
    expectProblem(await deactivate(lena.id, "technician"), 403);

    expect((await ticketsWith(lena.token)).statusCode).toBe(200);
    expect((await ticketsWith(api.tokens.muellerManager)).statusCode).toBe(200);
    expect(await deactivationEvents(lena.id)).toEqual([]);
  });

  it("K10: account managers and admins deactivate portal users of any organization (portal-user:manage)", async () => {
    const lena = await newMuellerUser();
    const maria = await newMuellerUser("portal-manager");
    expect((await deactivate(lena.id, "accountManager")).statusCode).toBe(200);
    expect((await deactivate(maria.id, "admin")).statusCode).toBe(200);
    expectProblem(await ticketsWith(lena.token), 401);
    expectProblem(await ticketsWith(maria.token), 401);
  });

  it("O2: a portal manager cannot deactivate themself (409 USER_SELF_DEACTIVATION) and keeps their access", async () => {
    const maria = await newMuellerUser("portal-manager");
    const response = await api.request({ method: "POST", url: deactivationUrl(maria.id), payload: {}, token: maria.token });
    expect(expectProblem(response, 409).code).toBe("USER_SELF_DEACTIVATION");
    expect((await ticketsWith(maria.token)).statusCode).toBe(200);
  });

  it("O2: a staff user or an unknown id on the portal-user path is 404", async () => {
    expectProblem(await deactivate(api.users.technician, "admin"), 404);
    expectProblem(await deactivate("pu-niemand", "muellerManager"), 404);
    expect((await api.request({ method: "GET", url: "/v1/credentials", token: api.tokens.technician })).statusCode).toBe(200);
  });
});
