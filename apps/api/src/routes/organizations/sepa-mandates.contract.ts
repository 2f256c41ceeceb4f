import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";

/**
 * Contract cases of the SEPA mandate routes (C8, T7). Müller GmbH's mandate is Müller's data:
 * Bäckerei Schmidt's manager gets 404 on the list, on recording one and on revoking it (K10).
 */
export const sepaMandatesContract: EndpointContract = {
  name: "SEPA mandates",
  async setup(api) {
    const mandatesUrl = `/v1/organizations/${api.organizations.mueller}/sepa-mandates`;
    const mandate = { mandateReference: "CONTRACT-MUE-1", debtorIban: "DE89 3704 0044 0532 0130 00", debtorName: "Müller GmbH", signedOn: "2026-11-02" };
    const created = await api.request({ method: "POST", url: mandatesUrl, token: api.tokens.backOffice, payload: mandate });
    expect(created.statusCode, created.body).toBe(201);
    const revocationUrl = `${mandatesUrl}/${created.json<{ id: string }>().id}/revocation`;
    return [
      {
        method: "POST",
        route: "/v1/organizations/:id/sepa-mandates",
        request: { url: mandatesUrl, body: { ...mandate, mandateReference: "CONTRACT-MUE-2" } },
        badInput: { request: { url: mandatesUrl, body: { ...mandate, mandateReference: "CONTRACT-MUE-3", preNotificationDays: 0 } }, field: "body.preNotificationDays" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/sepa-mandates",
        request: { url: mandatesUrl },
        badInput: { request: { url: `${mandatesUrl}?limit=0` }, field: "query.limit" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/organizations/:id/sepa-mandates/:mandateId/revocation",
        request: { url: revocationUrl, body: {} },
        badInput: { request: { url: `${mandatesUrl}/${"x".repeat(101)}/revocation`, body: {} }, field: "params.mandateId" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
