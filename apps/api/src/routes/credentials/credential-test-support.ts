import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestApi, TestTokens } from "../../testing/test-api.js";

/** The plain secret of Müller's firewall in these tests: it must never show up in a row or a stored response. */
export const FIREWALL_SECRET = "Sophos!XGS-2100#Köln-2026";

/** A stored credential as the API answers it (tests). */
export interface StoredCredential {
  id: string;
  organizationId: string;
  assetId: string | null;
  label: string;
  username: string | null;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An access request as the API answers it (tests). */
export interface StoredAccessRequest {
  id: string;
  credentialId: string;
  portalUserId: string;
  reason: string;
  status: "pending" | "approved" | "rejected" | "revoked";
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  validUntil: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
}

/** One audited read attempt as the API answers it (tests). */
export interface AuditedRead {
  id: string;
  credentialId: string;
  organizationId: string;
  actorKind: "staff" | "portal";
  actorId: string;
  actorRole: string;
  granted: boolean;
  refusalCode: string | null;
  approvalId: string | null;
  at: string;
}

/** Requests on the credential routes as one of the seeded users (tests). */
export function credentialRequests(api: () => TestApi) {
  const as = (who: keyof TestTokens) => api().tokens[who];
  return {
    /** `POST /v1/credentials` as a technician unless `who` says otherwise. */
    create: (payload: unknown, who: keyof TestTokens = "technician") => api().request({ method: "POST", url: "/v1/credentials", payload: payload as never, token: as(who) }),
    /** Müller's firewall admin login, stored by a technician; returns the stored credential. */
    createFirewall: async (overrides: Record<string, unknown> = {}): Promise<StoredCredential> => {
      const response = await api().request({
        method: "POST",
        url: "/v1/credentials",
        token: as("technician"),
        payload: { organizationId: api().organizations.mueller, label: "Sophos XGS 2100 admin", username: "admin", secret: FIREWALL_SECRET, ...overrides },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<StoredCredential>();
    },
    /** `POST /v1/credentials/:id/secret-reads` with an empty body. */
    readSecret: (id: string, who: keyof TestTokens, headers: Record<string, string> = {}) =>
      api().request({ method: "POST", url: `/v1/credentials/${id}/secret-reads`, payload: {}, token: as(who), headers }),
    /** `POST /v1/credentials/:id/access-requests`. */
    requestAccess: (id: string, who: keyof TestTokens, reason = "Firmware-Update am Wochenende") =>
      api().request({ method: "POST", url: `/v1/credentials/${id}/access-requests`, payload: { reason }, token: as(who) }),
    /** `POST /v1/credential-access-requests/:id/<verb>`. */
    decide: (id: string, verb: "approve" | "reject" | "revoke", who: keyof TestTokens, body: unknown = {}, headers: Record<string, string> = {}) =>
      api().request({ method: "POST", url: `/v1/credential-access-requests/${id}/${verb}`, payload: body as never, token: as(who), headers }),
    /** `GET <url>` as `who`. */
    get: (url: string, who: keyof TestTokens) => api().request({ method: "GET", url, token: as(who) }),
  };
}

/** The secret of a granted read; fails the test on anything else. */
export function grantedSecret(response: LightMyRequestResponse): string {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["cache-control"]).toBe("no-store");
  return response.json<{ secret: string }>().secret;
}

/** Every row of the tables a secret must never reach in plain text, as one string (tests). */
export async function storedText(api: TestApi): Promise<string> {
  const tables = ["access_credentials", "credential_access_requests", "credential_reads", "idempotency_keys", "outbox"];
  const dumps = await Promise.all(tables.map(async (table) => JSON.stringify((await api.database.query(`SELECT * FROM ${table}`)).rows)));
  return dumps.join("\n");
}
