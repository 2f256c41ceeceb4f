import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { storeServiceReport } from "./service-report-fixtures.js";

/** Lists answered to Bäckerei Schmidt hold none of Müller's reports (K10). */
function onlyOrganization(organizationId: string) {
  return (response: LightMyRequestResponse) => {
    const items = response.json<{ items: { organizationId: string }[] }>().items;
    expect(items.filter((item) => item.organizationId !== organizationId)).toEqual([]);
  };
}

/** Contract cases of the service report routes (C8, K13). */
export const serviceReportsContract: EndpointContract = {
  name: "service reports",
  async setup(api) {
    // C8: October's report of a Müller contingent, as the worker stores it at month close.
    const report = await storeServiceReport(api, "ct-contract-sr", api.organizations.mueller, "2026-10", new Date("2026-11-01T05:00:00Z"));
    const reportUrl = `/v1/service-reports/${report.id}`;
    // K1: November's, held for the back office's billing release (no case below releases it).
    const held = await storeServiceReport(api, "ct-contract-sr", api.organizations.mueller, "2026-11", new Date("2026-12-01T05:00:00Z"), { held: true });
    return [
      {
        method: "GET",
        route: "/v1/service-reports",
        request: { url: `/v1/service-reports?organizationId=${api.organizations.mueller}` },
        badInput: { request: { url: "/v1/service-reports?month=2026-13" }, field: "query.month" },
        crossTenant: { expect: 200, assertFiltered: onlyOrganization(api.organizations.baeckerei) },
      },
      {
        method: "GET",
        route: "/v1/service-reports/:id",
        request: { url: reportUrl },
        badInput: { request: { url: `/v1/service-reports/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/service-reports/:id/pdf",
        request: { url: `${reportUrl}/pdf` },
        badInput: { request: { url: `/v1/service-reports/${"x".repeat(101)}/pdf` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/service-reports/:id/release",
        request: { url: `/v1/service-reports/${held.id}/release`, body: {} },
        badInput: { request: { url: `/v1/service-reports/${"x".repeat(101)}/release`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
