import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Lists answered to Bäckerei Schmidt hold nothing of another organization (K10, K12). */
function onlyOrganization(organizationId: string) {
  return (response: LightMyRequestResponse) => {
    const items = response.json<{ items: { organizationId: string }[] }>().items;
    expect(items.filter((item) => item.organizationId !== organizationId)).toEqual([]);
  };
}

/**
 * Contract cases of the credential routes (K12). Müller's firewall credential and Anna's access
 * requests are Müller GmbH's data: Bäckerei Schmidt's manager gets 404 on each (K10).
 */
export const credentialsContract: EndpointContract = {
  name: "credentials",
  async setup(api) {
    const mueller = api.organizations.mueller;
    const baeckerei = api.organizations.baeckerei;
    const firewall = { organizationId: mueller, label: "Firewall FW01 admin", username: "admin", secret: "contract-Secret-1" };
    const created = await api.request({ method: "POST", url: "/v1/credentials", token: api.tokens.technician, payload: firewall });
    expect(created.statusCode, created.body).toBe(201);
    const credentialUrl = `/v1/credentials/${created.json<{ id: string }>().id}`;
    const requested = await api.request({ method: "POST", url: `${credentialUrl}/access-requests`, token: api.tokens.muellerManager, payload: { reason: "Wartung" } });
    expect(requested.statusCode, requested.body).toBe(201);
    const requestUrl = `/v1/credential-access-requests/${requested.json<{ id: string }>().id}`;
    const tooLongCredential = `/v1/credentials/${"x".repeat(101)}`;
    const tooLongRequest = `/v1/credential-access-requests/${"x".repeat(101)}`;
    // A cursor this API could have issued for another list, whose id is no audit row id.
    const foreignCursor = Buffer.from(JSON.stringify(["2026-11-16T09:00:00.000Z", "cred-x"]), "utf8").toString("base64url");
    return [
      {
        method: "POST",
        route: "/v1/credentials",
        request: { url: "/v1/credentials", body: firewall },
        badInput: { request: { url: "/v1/credentials", body: { ...firewall, secret: "" } }, field: "body.secret" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/credentials",
        request: { url: `/v1/credentials?organizationId=${mueller}` },
        badInput: { request: { url: "/v1/credentials?limit=0" }, field: "query.limit" },
        crossTenant: { expect: 200, assertFiltered: onlyOrganization(baeckerei) },
      },
      {
        method: "GET",
        route: "/v1/credentials/:id",
        request: { url: credentialUrl },
        badInput: { request: { url: tooLongCredential }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/credentials/:id",
        request: { url: credentialUrl, body: { label: "Firewall FW01 (Zentrale)", username: "admin", expectedVersion: 1 } },
        badInput: { request: { url: credentialUrl, body: { label: "Firewall FW01", expectedVersion: 0 } }, field: "body.expectedVersion" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/credentials/:id/secret-reads",
        request: { url: `${credentialUrl}/secret-reads`, body: {} },
        badInput: { request: { url: `${tooLongCredential}/secret-reads`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/credentials/:id/reads",
        request: { url: `${credentialUrl}/reads` },
        badInput: { request: { url: `${credentialUrl}/reads?cursor=${foreignCursor}` }, field: "query.cursor" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/credentials/:id/access-requests",
        request: { url: `${credentialUrl}/access-requests`, body: { reason: "Firmware-Update" } },
        badInput: { request: { url: `${credentialUrl}/access-requests`, body: { reason: " " } }, field: "body.reason", token: "muellerReporter" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/credentials/:id/access-requests",
        request: { url: `${credentialUrl}/access-requests` },
        badInput: { request: { url: `${credentialUrl}/access-requests?limit=201` }, field: "query.limit" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/credential-access-requests/:id/approve",
        request: { url: `${requestUrl}/approve`, body: { validUntil: "2026-11-30T18:00:00+01:00" } },
        badInput: { request: { url: `${requestUrl}/approve`, body: { validUntil: "morgen" } }, field: "body.validUntil" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/credential-access-requests/:id/reject",
        request: { url: `${requestUrl}/reject`, body: {} },
        badInput: { request: { url: `${tooLongRequest}/reject`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/credential-access-requests/:id/revoke",
        request: { url: `${requestUrl}/revoke`, body: {} },
        badInput: { request: { url: `${tooLongRequest}/revoke`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
