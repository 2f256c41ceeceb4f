import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { credentialRequests, FIREWALL_SECRET, grantedSecret, storedText, type AuditedRead, type StoredAccessRequest, type StoredCredential } from "./credential-test-support.js";

// One story in order (K12): the steps share the credential, Anna's requests and the audit trail.
// The test clock starts at 2026-11-16T09:00Z; `at` moves it.

let api: TestApi;
let firewall: StoredCredential;
beforeAll(async () => {
  api = await createTestApi();
  firewall = await createFirewall();
}, 60_000);
afterAll(() => api.close());

const { createFirewall, readSecret, requestAccess, decide, get } = credentialRequests(() => api);

function at(instant: string): void {
  api.clock.set(new Date(instant));
}

/** The audit trail as the service team sees it, every page. */
async function auditTrail(): Promise<AuditedRead[]> {
  return (await allPages(api, `/v1/credentials/${firewall.id}/reads?limit=3`, api.tokens.dispatcher)) as AuditedRead[];
}

/** The refusal code of a 403. */
function refused(response: Awaited<ReturnType<typeof readSecret>>): string | undefined {
  const problem = expectProblem(response, 403);
  expect(response.body).not.toContain(FIREWALL_SECRET);
  return problem.code;
}

let annasRequest: StoredAccessRequest;
const ROTATED_SECRET = "Sophos!XGS-2100#Köln-2027";

/** A stored credential's metadata as a PUT body takes it (absent, not null, where unset). */
function metadataOf(credential: StoredCredential): Record<string, string> {
  return {
    label: credential.label,
    ...(credential.username === null ? {} : { username: credential.username }),
    ...(credential.assetId === null ? {} : { assetId: credential.assetId }),
  };
}

describe(`reading stored secrets on ${testDatabaseKind()} (K12: every read is audited)`, () => {
  it("K12: the technician who needs it reads the secret; the granted read is audited", async () => {
    at("2026-11-16T09:01:00Z");
    expect(grantedSecret(await readSecret(firewall.id, "technician"))).toBe(FIREWALL_SECRET);
    expect(await auditTrail()).toEqual([
      {
        id: expect.any(String) as string,
        credentialId: firewall.id,
        organizationId: api.organizations.mueller,
        actorKind: "staff",
        actorId: api.users.technician,
        actorRole: "technician",
        granted: true,
        refusalCode: null,
        approvalId: null,
        at: "2026-11-16T09:01:00.000Z",
      },
    ]);
  });

  it("K12: Anna (Müller's manager) sees the label, but her read is refused with 403 K12_CREDENTIAL_NOT_APPROVED and audited", async () => {
    at("2026-11-16T09:02:00Z");
    expect((await get(`/v1/credentials/${firewall.id}`, "muellerManager")).json<StoredCredential>().label).toBe("Sophos XGS 2100 admin");
    expect(refused(await readSecret(firewall.id, "muellerManager"))).toBe("K12_CREDENTIAL_NOT_APPROVED");
    expect((await auditTrail()).at(-1)).toMatchObject({ actorId: api.users.muellerManager, actorKind: "portal", actorRole: "portal-manager", granted: false, refusalCode: "K12_CREDENTIAL_NOT_APPROVED", approvalId: null });
  });

  it("K12: Anna requests access once; a second request while the first waits is 409; staff do not request", async () => {
    at("2026-11-16T09:03:00Z");
    const response = await requestAccess(firewall.id, "muellerManager", "Firmware-Update am Samstag");
    expect(response.statusCode, response.body).toBe(201);
    annasRequest = response.json<StoredAccessRequest>();
    expect(response.headers.location).toBe(`/v1/credential-access-requests/${annasRequest.id}`);
    expect(annasRequest).toMatchObject({ credentialId: firewall.id, portalUserId: api.users.muellerManager, status: "pending", reason: "Firmware-Update am Samstag", requestedAt: "2026-11-16T09:03:00.000Z", decidedAt: null });
    expect(expectProblem(await requestAccess(firewall.id, "muellerManager"), 409).code).toBe("K12_ACCESS_REQUEST_PENDING");
    expectProblem(await requestAccess(firewall.id, "technician"), 403);
    expectProblem(await requestAccess(firewall.id, "baeckereiManager"), 404);
  });

  it("K12: the service team sees every request, Anna and Ben only their own, a technician none (403)", async () => {
    const list = async (who: "dispatcher" | "admin" | "muellerManager" | "muellerReporter") =>
      ((await allPages(api, `/v1/credentials/${firewall.id}/access-requests`, api.tokens[who])) as StoredAccessRequest[]).map((item) => item.id);
    expect(await list("dispatcher")).toEqual([annasRequest.id]);
    expect(await list("admin")).toEqual([annasRequest.id]);
    expect(await list("muellerManager")).toEqual([annasRequest.id]);
    expect(await list("muellerReporter")).toEqual([]);
    expectProblem(await get(`/v1/credentials/${firewall.id}/access-requests`, "technician"), 403);
    expectProblem(await get(`/v1/credentials/${firewall.id}/access-requests`, "baeckereiManager"), 404);
  });

  it("K12: only the service team and admins approve: Anna herself, a technician and back office are 403, Bäckerei's manager 404", async () => {
    for (const who of ["muellerManager", "technician", "backOffice"] as const) expectProblem(await decide(annasRequest.id, "approve", who), 403);
    expectProblem(await decide(annasRequest.id, "approve", "baeckereiManager"), 404);
  });

  it("K12: the dispatcher approves until 18:00; Anna's read gives the secret and a granted audit row naming the approval", async () => {
    at("2026-11-16T09:05:00Z");
    const approved = await decide(annasRequest.id, "approve", "dispatcher", { validUntil: "2026-11-16T19:00:00+01:00" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<StoredAccessRequest>()).toMatchObject({ status: "approved", decidedBy: api.users.dispatcher, decidedAt: "2026-11-16T09:05:00.000Z", validUntil: "2026-11-16T18:00:00.000Z" });
    at("2026-11-16T10:00:00Z");
    expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBe(FIREWALL_SECRET);
    expect((await auditTrail()).at(-1)).toMatchObject({ actorId: api.users.muellerManager, granted: true, refusalCode: null, approvalId: annasRequest.id, at: "2026-11-16T10:00:00.000Z" });
  });

  it("K12: Ben (reporter of Müller) without an approval of his own is refused although Anna is approved", async () => {
    at("2026-11-16T10:01:00Z");
    expect(refused(await readSecret(firewall.id, "muellerReporter"))).toBe("K12_CREDENTIAL_NOT_APPROVED");
  });

  it("K12: Bäckerei's manager gets 404 on everything of Müller's, and the attempt to read is audited all the same", async () => {
    at("2026-11-16T10:02:00Z");
    expectProblem(await readSecret(firewall.id, "baeckereiManager"), 404);
    expectProblem(await get(`/v1/credentials/${firewall.id}`, "baeckereiManager"), 404);
    expectProblem(await get(`/v1/credentials/${firewall.id}/reads`, "baeckereiManager"), 404);
    expectProblem(await decide(annasRequest.id, "revoke", "baeckereiManager"), 404);
    // As for an id that does not exist at all.
    const missing = expectProblem(await readSecret("cred-does-not-exist", "baeckereiManager"), 404);
    expect(expectProblem(await readSecret(firewall.id, "baeckereiManager"), 404).title).toBe(missing.title);
    expect((await auditTrail()).at(-1)).toMatchObject({ actorId: api.users.baeckereiManager, granted: false, refusalCode: "K12_CREDENTIAL_ACCESS_DENIED" });
  });

  it("K12: back office and account managers do not need credentials: 403 K12_CREDENTIAL_ACCESS_DENIED, audited", async () => {
    at("2026-11-16T10:03:00Z");
    expect(refused(await readSecret(firewall.id, "backOffice"))).toBe("K12_CREDENTIAL_ACCESS_DENIED");
    expect(refused(await readSecret(firewall.id, "accountManager"))).toBe("K12_CREDENTIAL_ACCESS_DENIED");
  });

  it("K12: after validUntil Anna is refused again", async () => {
    at("2026-11-16T17:59:59Z");
    expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBe(FIREWALL_SECRET);
    at("2026-11-16T18:00:01Z");
    expect(refused(await readSecret(firewall.id, "muellerManager"))).toBe("K12_CREDENTIAL_NOT_APPROVED");
  });

  it("K12: a new approval without end lets her read until the dispatcher revokes it; revoked is final (409)", async () => {
    at("2026-11-17T08:00:00Z");
    const again = (await requestAccess(firewall.id, "muellerManager", "Nacharbeiten")).json<StoredAccessRequest>();
    expect((await decide(again.id, "approve", "admin")).statusCode).toBe(200);
    expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBe(FIREWALL_SECRET);
    at("2026-11-17T08:30:00Z");
    const revoked = await decide(again.id, "revoke", "dispatcher");
    expect(revoked.json<StoredAccessRequest>()).toMatchObject({ status: "revoked", decidedBy: api.users.admin, revokedBy: api.users.dispatcher, revokedAt: "2026-11-17T08:30:00.000Z" });
    expect(refused(await readSecret(firewall.id, "muellerManager"))).toBe("K12_CREDENTIAL_NOT_APPROVED");
    expect(expectProblem(await decide(again.id, "revoke", "dispatcher"), 409).code).toBe("K12_ACCESS_REQUEST_STATUS");
    expect(expectProblem(await decide(again.id, "approve", "dispatcher"), 409).code).toBe("K12_ACCESS_REQUEST_STATUS");
  });

  it("K12: an Idempotency-Key never replays a secret: each POST is a new, audited read and no stored response holds the secret", async () => {
    at("2026-11-17T09:00:00Z");
    const before = (await auditTrail()).length;
    const headers = { "idempotency-key": "read-fw-once" };
    const first = await readSecret(firewall.id, "technician", headers);
    const second = await readSecret(firewall.id, "technician", headers);
    expect([grantedSecret(first), grantedSecret(second)]).toEqual([FIREWALL_SECRET, FIREWALL_SECRET]);
    expect(second.headers["idempotent-replayed"]).toBeUndefined();
    expect((await auditTrail()).length).toBe(before + 2);
    expect((await api.database.query("SELECT key FROM idempotency_keys WHERE key = $1", ["read-fw-once"])).rows).toEqual([]);
    expect(await storedText(api)).not.toContain(FIREWALL_SECRET);
  });

  it("K12: the audit trail lists every attempt in order, page by page; only the service team and admins see it", async () => {
    const trail = (await auditTrail()).map((read) => [read.at.slice(0, 19), read.actorId, read.granted, read.refusalCode, read.approvalId === null ? null : "approval"]);
    const u = api.users;
    expect(trail).toEqual([
      ["2026-11-16T09:01:00", u.technician, true, null, null],
      ["2026-11-16T09:02:00", u.muellerManager, false, "K12_CREDENTIAL_NOT_APPROVED", null],
      ["2026-11-16T10:00:00", u.muellerManager, true, null, "approval"],
      ["2026-11-16T10:01:00", u.muellerReporter, false, "K12_CREDENTIAL_NOT_APPROVED", null],
      ["2026-11-16T10:02:00", u.baeckereiManager, false, "K12_CREDENTIAL_ACCESS_DENIED", null],
      ["2026-11-16T10:02:00", u.baeckereiManager, false, "K12_CREDENTIAL_ACCESS_DENIED", null],
      ["2026-11-16T10:03:00", u.backOffice, false, "K12_CREDENTIAL_ACCESS_DENIED", null],
      ["2026-11-16T10:03:00", u.accountManager, false, "K12_CREDENTIAL_ACCESS_DENIED", null],
      ["2026-11-16T17:59:59", u.muellerManager, true, null, "approval"],
      ["2026-11-16T18:00:01", u.muellerManager, false, "K12_CREDENTIAL_NOT_APPROVED", null],
      ["2026-11-17T08:00:00", u.muellerManager, true, null, "approval"],
      ["2026-11-17T08:30:00", u.muellerManager, false, "K12_CREDENTIAL_NOT_APPROVED", null],
      ["2026-11-17T09:00:00", u.technician, true, null, null],
      ["2026-11-17T09:00:00", u.technician, true, null, null],
    ]);
    const rows = await api.database.query<{ n: string }>("SELECT count(*)::text AS n FROM credential_reads WHERE credential_id = $1", [firewall.id]);
    expect(rows.rows[0]?.n).toBe(String(trail.length));
    expect((await allPages(api, `/v1/credentials/${firewall.id}/reads`, api.tokens.admin)).length).toBe(trail.length);
    for (const who of ["technician", "backOffice", "muellerManager"] as const) expectProblem(await get(`/v1/credentials/${firewall.id}/reads`, who), 403);
  });

  it("K12: rotating the secret revokes every customer approval: Anna, approved for the old one, is refused the new one until approved again", async () => {
    at("2026-11-17T10:00:00Z");
    const approval = (await requestAccess(firewall.id, "muellerManager", "Wartungsfenster")).json<StoredAccessRequest>();
    expect((await decide(approval.id, "approve", "dispatcher")).statusCode).toBe(200);
    const current = (await get(`/v1/credentials/${firewall.id}`, "technician")).json<StoredCredential>();
    const rotated = await api.request({
      method: "PUT",
      url: `/v1/credentials/${firewall.id}`,
      token: api.tokens.technician,
      payload: { ...metadataOf(current), secret: ROTATED_SECRET, expectedVersion: current.version },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(refused(await readSecret(firewall.id, "muellerManager"))).toBe("K12_CREDENTIAL_NOT_APPROVED");
    const requests = (await allPages(api, `/v1/credentials/${firewall.id}/access-requests`, api.tokens.dispatcher)) as StoredAccessRequest[];
    expect(requests.find((request) => request.id === approval.id)).toMatchObject({ status: "revoked", revokedBy: api.users.technician, revokedAt: "2026-11-17T10:00:00.000Z" });
    const again = (await requestAccess(firewall.id, "muellerManager", "Wartungsfenster, neues Passwort")).json<StoredAccessRequest>();
    expect((await decide(again.id, "approve", "dispatcher")).statusCode).toBe(200);
    expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBe(ROTATED_SECRET);
    // A metadata change without a new secret keeps the approval.
    const renamed = await api.request({
      method: "PUT",
      url: `/v1/credentials/${firewall.id}`,
      token: api.tokens.technician,
      payload: { ...metadataOf(current), label: "Firewall Köln (Admin)", expectedVersion: current.version + 1 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(grantedSecret(await readSecret(firewall.id, "muellerManager"))).toBe(ROTATED_SECRET);
  });
});
