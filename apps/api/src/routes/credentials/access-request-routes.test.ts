import { findCredentialAccessRequest } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { credentialRequests, grantedSecret, type StoredAccessRequest, type StoredCredential } from "./credential-test-support.js";

// The test clock stands at 2026-11-16T09:00Z unless a test moves it.

let api: TestApi;
let firewall: StoredCredential;
beforeAll(async () => {
  // Several connections on PostgreSQL, so concurrent decisions really race.
  api = await createTestApi({ maxConnections: 10 });
  firewall = await createFirewall();
}, 60_000);
afterAll(() => api.close());

const { createFirewall, readSecret, requestAccess, decide } = credentialRequests(() => api);

/** A new pending request of `who` for Müller's firewall. */
async function pending(who: "muellerManager" | "muellerReporter"): Promise<StoredAccessRequest> {
  const response = await requestAccess(firewall.id, who);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<StoredAccessRequest>();
}

describe(`credential access requests on ${testDatabaseKind()} (K12: on request and approval)`, () => {
  it("K12: an approval retried with the same Idempotency-Key replays the first answer and decides nothing again", async () => {
    const request = await pending("muellerManager");
    const headers = { "idempotency-key": "approve-anna-1" };
    const first = await decide(request.id, "approve", "dispatcher", { validUntil: "2026-11-20T18:00:00+01:00" }, headers);
    expect(first.statusCode, first.body).toBe(200);
    api.clock.set(new Date("2026-11-16T09:30:00Z"));
    try {
      const replay = await decide(request.id, "approve", "dispatcher", { validUntil: "2026-11-20T18:00:00+01:00" }, headers);
      expect(replay.statusCode).toBe(200);
      expect(replay.headers["idempotent-replayed"]).toBe("true");
      expect(replay.json()).toEqual(first.json());
      expect((await findCredentialAccessRequest(api.database.db, request.id))?.decidedAt).toEqual(new Date("2026-11-16T09:00:00Z"));
      // The same key with another decision is refused; without the key, approving again is 409.
      expectProblem(await decide(request.id, "approve", "dispatcher", {}, headers), 422);
      expect(expectProblem(await decide(request.id, "approve", "dispatcher"), 409).code).toBe("K12_ACCESS_REQUEST_STATUS");
      expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBeTruthy();
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
  });

  it("K12: of concurrent approvals and rejections of one request exactly one wins; the others are 409", async () => {
    const request = await pending("muellerReporter");
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, () => decide(request.id, "approve", "dispatcher")),
      ...Array.from({ length: 4 }, () => decide(request.id, "reject", "admin")),
    ]);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    const winner = responses.find((response) => response.statusCode === 200)?.json<StoredAccessRequest>();
    expect((await findCredentialAccessRequest(api.database.db, request.id))?.status).toBe(winner?.status);
    // Tidy up for the next tests: Ben has no open request and no approval.
    if (winner?.status === "approved") expect((await decide(request.id, "revoke", "dispatcher")).statusCode).toBe(200);
  });

  it("K12: validUntil must lie after now (400 naming body.validUntil); a rejected request is final and Ben may ask again", async () => {
    const request = await pending("muellerReporter");
    expectProblem(await decide(request.id, "approve", "dispatcher", { validUntil: "2026-11-16T09:00:00Z" }), 400, "body.validUntil");
    expectProblem(await decide(request.id, "approve", "dispatcher", { validUntil: "2026-11-16T08:00:00Z" }), 400, "body.validUntil");
    expectProblem(await decide(request.id, "approve", "dispatcher", { validUntil: "2026-11-17", reason: "x" }), 400);
    const rejected = await decide(request.id, "reject", "dispatcher");
    expect(rejected.json<StoredAccessRequest>()).toMatchObject({ status: "rejected", decidedBy: api.users.dispatcher, validUntil: null });
    expect(expectProblem(await decide(request.id, "approve", "dispatcher"), 409).code).toBe("K12_ACCESS_REQUEST_STATUS");
    expect(expectProblem(await decide(request.id, "revoke", "dispatcher"), 409).code).toBe("K12_ACCESS_REQUEST_STATUS");
    expect(expectProblem(await readSecret(firewall.id, "muellerReporter"), 403).code).toBe("K12_CREDENTIAL_NOT_APPROVED");
    expect((await pending("muellerReporter")).status).toBe("pending");
  });

  it("K12: an approval for one credential opens no other credential of the same customer", async () => {
    const nas = await createFirewall({ label: "NAS admin" });
    expect(expectProblem(await readSecret(nas.id, "muellerManager"), 403).code).toBe("K12_CREDENTIAL_NOT_APPROVED");
  });

  it("K12: a request of an unknown id is 404 for everyone; a body without a reason is 400", async () => {
    expectProblem(await decide("req-does-not-exist", "approve", "admin"), 404);
    expectProblem(await requestAccess("cred-does-not-exist", "muellerManager"), 404);
    expectProblem(await api.request({ method: "POST", url: `/v1/credentials/${firewall.id}/access-requests`, payload: {}, token: api.tokens.muellerManager }), 400, "body.reason");
  });
});
