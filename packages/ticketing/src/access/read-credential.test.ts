import { describe, expect, it } from "vitest";
import { ANNA } from "../test-support/fixtures.js";
import type { Credential, CredentialAccessRequest } from "./credential.js";
import { readCredential } from "./read-credential.js";

const firewallAdmin: Credential = {
  id: "cred-fw",
  organizationId: "org-mueller",
  assetId: "asset-fw01",
  label: "Sophos XGS 2100 Admin",
  username: "admin",
  secretRef: "vault://org-mueller/cred-fw",
};

const approved: CredentialAccessRequest = {
  id: "req-1",
  credentialId: "cred-fw",
  portalUserId: ANNA.id,
  requestedAt: "2026-06-01T08:00:00+02:00",
  status: "approved",
  decidedBy: "staff-bruns",
  decidedAt: "2026-06-01T09:00:00+02:00",
  validUntil: "2026-06-30T23:59:59+02:00",
};

const ASOF = "2026-06-10T10:00:00+02:00";
const anna = { kind: "portal", id: ANNA.id, role: "portal-manager", organizationId: "org-mueller" } as const;

describe("readCredential (K12)", () => {
  it("K12: a technician reads credentials; the read is audited", () => {
    const outcome = readCredential({ kind: "staff", id: "staff-meier", role: "technician" }, firewallAdmin, [], ASOF);
    expect(outcome).toEqual({
      ok: true,
      secretRef: "vault://org-mueller/cred-fw",
      audit: {
        type: "credential-read",
        credentialId: "cred-fw",
        organizationId: "org-mueller",
        actorKind: "staff",
        actorId: "staff-meier",
        actorRole: "technician",
        granted: true,
        at: "2026-06-10T08:00:00.000Z",
        dedupeKey: "credential-read:cred-fw:staff:staff-meier:2026-06-10T08:00:00.000Z",
      },
    });
  });

  it("K12: staff who do not need credentials are refused, and the attempt is audited too", () => {
    const outcome = readCredential({ kind: "staff", id: "staff-schulte", role: "account-manager" }, firewallAdmin, [], ASOF);
    expect(outcome).toMatchObject({ ok: false, errors: [{ code: "K12_CREDENTIAL_ACCESS_DENIED" }], audit: { granted: false, actorRole: "account-manager" } });
  });

  it("K12: customer staff need an approved request; the audit names the approval", () => {
    expect(readCredential(anna, firewallAdmin, [], ASOF)).toMatchObject({ ok: false, errors: [{ code: "K12_CREDENTIAL_NOT_APPROVED" }], audit: { granted: false } });
    expect(readCredential(anna, firewallAdmin, [approved], ASOF)).toMatchObject({ ok: true, audit: { granted: true, approvalId: "req-1", actorKind: "portal" } });
  });

  it("K12: pending, rejected, revoked, expired, not-yet-decided or someone else's approvals do not count", () => {
    const cases: CredentialAccessRequest[] = [
      { ...approved, status: "pending" },
      { ...approved, status: "rejected" },
      { ...approved, status: "revoked" },
      { ...approved, validUntil: "2026-06-05T00:00:00+02:00" },
      { ...approved, decidedAt: "2026-06-11T09:00:00+02:00" },
      { ...approved, portalUserId: "pu-colleague" },
      { ...approved, credentialId: "cred-other" },
    ];
    for (const request of cases) expect(readCredential(anna, firewallAdmin, [request], ASOF).ok).toBe(false);
  });

  it("K12: an approval never opens another organization's credentials", () => {
    const outsider = { ...anna, organizationId: "org-baeckerei" };
    expect(readCredential(outsider, firewallAdmin, [approved], ASOF)).toMatchObject({ ok: false, errors: [{ code: "K12_CREDENTIAL_ACCESS_DENIED" }] });
  });
});
