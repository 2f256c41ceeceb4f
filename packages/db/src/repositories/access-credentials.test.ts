import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import {
  approvedCredentialAccessRequests,
  decideCredentialAccessRequest,
  findAccessCredential,
  findCredentialAccessRequest,
  insertAccessCredential,
  insertCredentialAccessRequest,
  insertCredentialRead,
  listAccessCredentials,
  listCredentialAccessRequests,
  listCredentialReads,
  openAccessCredentialSecret,
  updateAccessCredential,
  withdrawCredentialAccessOf,
  type NewCredentialRead,
} from "./access-credentials.js";
import { insertOrganization } from "./organizations.js";
import { insertUser } from "./users.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const SECRET = "Fw!Adm1n-2026-geheim";

describe(`access credentials on ${testDatabaseKind()} (K12)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
    await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-baeckerei", name: "Bäckerei Schmidt" }, NOW);
    for (const id of ["pu-anna", "pu-ben"]) {
      await insertUser(database.db, { kind: "portal", id, organizationId: "org-mueller", role: "portal-manager", email: `${id}@mueller-gmbh.de`, profile: {} }, NOW);
    }
  });
  afterAll(() => database.close());

  const credential = (id: string, organizationId = "org-mueller") => ({
    id,
    organizationId,
    assetId: null,
    label: "Firewall FW01 admin",
    username: "admin",
    secret: SECRET,
    createdBy: "staff-technician",
  });

  it("K12: stores the secret only sealed; lookups and lists never carry it; opening gives it back", async () => {
    const row = await insertAccessCredential(database.db, credential("cred-1"), NOW);
    expect(row).toMatchObject({ id: "cred-1", version: 1, createdBy: "staff-technician", updatedBy: "staff-technician" });
    expect(Object.keys(row)).not.toContain("secretSealed");
    expect(JSON.stringify(await findAccessCredential(database.db, "cred-1"))).not.toContain(SECRET);
    const stored = await database.query<{ secret_sealed: string }>("SELECT secret_sealed FROM access_credentials WHERE id = $1", ["cred-1"]);
    expect(stored.rows[0]?.secret_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(stored.rows)).not.toContain(SECRET);
    expect(await openAccessCredentialSecret(database.db, "cred-1")).toBe(SECRET);
    expect(await openAccessCredentialSecret(database.db, "cred-missing")).toBeUndefined();
  });

  it("K12: the table refuses a secret that is not sealed", async () => {
    await expect(
      database.query(
        "INSERT INTO access_credentials (id, organization_id, label, secret_sealed, created_by, updated_by, created_at, updated_at) VALUES ('cred-plain', 'org-mueller', 'x', 'plain', 's', 's', now(), now())",
      ),
    ).rejects.toThrow();
  });

  it("K12: an update is guarded by the version and may rotate the secret", async () => {
    await insertAccessCredential(database.db, credential("cred-2"), NOW);
    const renamed = await updateAccessCredential(database.db, "cred-2", { assetId: null, label: "FW01 (Zentrale)", username: null, updatedBy: "staff-dispatcher" }, 1, at(1));
    expect(renamed).toMatchObject({ version: 2, label: "FW01 (Zentrale)", username: null, updatedBy: "staff-dispatcher", updatedAt: at(1) });
    expect(await openAccessCredentialSecret(database.db, "cred-2")).toBe(SECRET);
    expect(await updateAccessCredential(database.db, "cred-2", { assetId: null, label: "stale", username: null, updatedBy: "x" }, 1, at(2))).toBeUndefined();
    await updateAccessCredential(database.db, "cred-2", { assetId: null, label: "FW01", username: "root", secret: "rotated-2026-12", updatedBy: "staff-technician" }, 2, at(3));
    expect(await openAccessCredentialSecret(database.db, "cred-2")).toBe("rotated-2026-12");
  });

  it("lists one organization's credentials with keyset pages", async () => {
    await insertAccessCredential(database.db, credential("cred-b1", "org-baeckerei"), at(5));
    await insertAccessCredential(database.db, credential("cred-b2", "org-baeckerei"), at(6));
    const first = await listAccessCredentials(database.db, { limit: 1, organizationId: "org-baeckerei" });
    const second = await listAccessCredentials(database.db, { limit: 1, organizationId: "org-baeckerei", after: first.next });
    expect([first.items.map((row) => row.id), second.items.map((row) => row.id), second.next]).toEqual([["cred-b1"], ["cred-b2"], undefined]);
  });

  it("K12: one pending request per person; approve and reject only a pending one, revoke only an approved one", async () => {
    await insertAccessCredential(database.db, credential("cred-3"), NOW);
    await insertCredentialAccessRequest(database.db, { id: "req-1", credentialId: "cred-3", portalUserId: "pu-anna", reason: "Wartungsfenster" }, at(1));
    await expect(insertCredentialAccessRequest(database.db, { id: "req-2", credentialId: "cred-3", portalUserId: "pu-anna", reason: "nochmal" }, at(2))).rejects.toThrow();
    expect(await decideCredentialAccessRequest(database.db, "req-1", { to: "revoked", by: "staff-dispatcher" }, at(3))).toBeUndefined();
    const approved = await decideCredentialAccessRequest(database.db, "req-1", { to: "approved", by: "staff-dispatcher", validUntil: at(60) }, at(3));
    expect(approved).toMatchObject({ status: "approved", decidedBy: "staff-dispatcher", decidedAt: at(3), validUntil: at(60) });
    expect(await decideCredentialAccessRequest(database.db, "req-1", { to: "rejected", by: "staff-dispatcher" }, at(4))).toBeUndefined();
    expect((await approvedCredentialAccessRequests(database.db, "cred-3", "pu-anna")).map((row) => row.id)).toEqual(["req-1"]);
    expect(await approvedCredentialAccessRequests(database.db, "cred-3", "pu-ben")).toEqual([]);
    // Decided: a new request may wait beside the approval.
    await insertCredentialAccessRequest(database.db, { id: "req-3", credentialId: "cred-3", portalUserId: "pu-anna", reason: "Verlängerung" }, at(5));
    const revoked = await decideCredentialAccessRequest(database.db, "req-1", { to: "revoked", by: "staff-admin" }, at(6));
    expect(revoked).toMatchObject({ status: "revoked", decidedBy: "staff-dispatcher", revokedBy: "staff-admin", revokedAt: at(6) });
    expect(await approvedCredentialAccessRequests(database.db, "cred-3", "pu-anna")).toEqual([]);
    const own = await listCredentialAccessRequests(database.db, { credentialId: "cred-3", portalUserId: "pu-anna", limit: 1 });
    const rest = await listCredentialAccessRequests(database.db, { credentialId: "cred-3", portalUserId: "pu-anna", limit: 1, after: own.next });
    expect([own.items.map((row) => row.id), rest.items.map((row) => row.id), rest.next]).toEqual([["req-1"], ["req-3"], undefined]);
  });

  it("K12: withdrawing a user's access revokes their approvals and rejects their pending requests; other users keep theirs", async () => {
    await insertUser(database.db, { kind: "portal", id: "pu-clara", organizationId: "org-mueller", role: "portal-manager", email: "pu-clara@mueller-gmbh.de", profile: {} }, NOW);
    await insertAccessCredential(database.db, credential("cred-withdraw"), NOW);
    const approved = await insertCredentialAccessRequest(database.db, { id: "car-w-1", credentialId: "cred-withdraw", portalUserId: "pu-clara", reason: "Portfreigabe" }, NOW);
    await decideCredentialAccessRequest(database.db, approved.id, { to: "approved", by: "staff-technician", validUntil: at(60 * 24) }, NOW);
    await insertCredentialAccessRequest(database.db, { id: "car-w-2", credentialId: "cred-1", portalUserId: "pu-clara", reason: "Noch eine" }, NOW);
    const ben = await insertCredentialAccessRequest(database.db, { id: "car-w-3", credentialId: "cred-withdraw", portalUserId: "pu-ben", reason: "Ben" }, NOW);
    await decideCredentialAccessRequest(database.db, ben.id, { to: "approved", by: "staff-technician", validUntil: at(60 * 24) }, NOW);

    expect(await withdrawCredentialAccessOf(database.db, "pu-clara", "staff-admin", at(5))).toBe(2);
    expect(await findCredentialAccessRequest(database.db, "car-w-1")).toMatchObject({ status: "revoked", revokedBy: "staff-admin", revokedAt: at(5) });
    expect(await findCredentialAccessRequest(database.db, "car-w-2")).toMatchObject({ status: "rejected", decidedBy: "staff-admin" });
    expect(await approvedCredentialAccessRequests(database.db, "cred-withdraw", "pu-clara")).toEqual([]);
    expect((await approvedCredentialAccessRequests(database.db, "cred-withdraw", "pu-ben")).map((row) => row.id)).toEqual(["car-w-3"]);
    expect(await withdrawCredentialAccessOf(database.db, "pu-clara", "staff-admin", at(6))).toBe(0);
  });

  it("K12: of concurrent decisions on one pending request exactly one wins", async () => {
    await insertAccessCredential(database.db, credential("cred-4"), NOW);
    await insertCredentialAccessRequest(database.db, { id: "req-race", credentialId: "cred-4", portalUserId: "pu-ben", reason: "Umzug" }, at(1));
    const outcomes = await Promise.all([
      decideCredentialAccessRequest(database.db, "req-race", { to: "approved", by: "staff-dispatcher", validUntil: null }, at(2)),
      decideCredentialAccessRequest(database.db, "req-race", { to: "rejected", by: "staff-admin" }, at(2)),
      decideCredentialAccessRequest(database.db, "req-race", { to: "approved", by: "staff-admin", validUntil: null }, at(2)),
    ]);
    const winners = outcomes.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect((await findCredentialAccessRequest(database.db, "req-race"))?.status).toBe(winners[0]?.status);
  });

  it("K12: audit rows keep the order of the attempts; writing one attempt twice stores it once", async () => {
    await insertAccessCredential(database.db, credential("cred-5"), NOW);
    const read = (actorId: string, granted: boolean, minute: number, attempt: string): NewCredentialRead => ({
      credentialId: "cred-5",
      organizationId: "org-mueller",
      actorKind: "portal",
      actorId,
      actorRole: "portal-manager",
      granted,
      refusalCode: granted ? null : "K12_CREDENTIAL_NOT_APPROVED",
      approvalId: null,
      at: at(minute),
      dedupeKey: `credential-read:cred-5:portal:${actorId}:${at(minute).toISOString()}:${attempt}`,
    });
    const first = await insertCredentialRead(database.db, read("pu-anna", false, 1, "a"));
    expect(await insertCredentialRead(database.db, read("pu-anna", false, 1, "a"))).toEqual(first);
    // Same instant, another attempt: a second row, after the first.
    await insertCredentialRead(database.db, read("pu-anna", false, 1, "b"));
    await insertCredentialRead(database.db, read("pu-ben", false, 2, "c"));
    await expect(insertCredentialRead(database.db, { ...read("pu-ben", true, 3, "d"), refusalCode: "K12_CREDENTIAL_NOT_APPROVED" })).rejects.toThrow();
    const pages: string[][] = [];
    let after = undefined as Parameters<typeof listCredentialReads>[1]["after"];
    do {
      const page = await listCredentialReads(database.db, { credentialId: "cred-5", limit: 2, after });
      pages.push(page.items.map((row) => row.dedupeKey.slice(-1)));
      after = page.next;
    } while (after !== undefined);
    expect(pages).toEqual([["a", "b"], ["c"]]);
    await expect(listCredentialReads(database.db, { credentialId: "cred-5", limit: 2, after: { createdAt: NOW, id: "1; DROP TABLE" } })).rejects.toThrow(RangeError);
  });

  it("K12: the audit trail is append-only: the database refuses to change, delete or truncate it", async () => {
    await insertCredentialRead(database.db, {
      credentialId: "cred-5",
      organizationId: "org-mueller",
      actorKind: "staff",
      actorId: "staff-technician",
      actorRole: "technician",
      granted: true,
      refusalCode: null,
      approvalId: null,
      at: at(10),
      dedupeKey: "credential-read:cred-5:staff:staff-technician:append-only",
    });
    const before = await database.query<{ count: string | number }>("SELECT count(*) AS count FROM credential_reads");
    for (const statement of ["UPDATE credential_reads SET granted = false, refusal_code = 'X'", "DELETE FROM credential_reads", "TRUNCATE credential_reads"]) {
      await expect(database.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect(await database.query<{ count: string | number }>("SELECT count(*) AS count FROM credential_reads")).toEqual(before);
  });
});
