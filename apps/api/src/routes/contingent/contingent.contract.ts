import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { contingentContractInput, entryInput, managedServicesContractInput } from "./contingent-fixtures.js";

/** Contract cases of the contract and contingent routes (C1–C9). */
export const contingentContract: EndpointContract = {
  name: "contracts and contingents",
  async setup(api) {
    const mueller = api.organizations.mueller;
    const created = await api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput("K-CONTRACT-1", mueller), token: api.tokens.accountManager });
    if (created.statusCode !== 201) throw new Error(`contingent contract setup: ${created.body}`);
    const base = "/v1/contracts/K-CONTRACT-1";
    const managed = await api.request({ method: "POST", url: "/v1/contracts", payload: managedServicesContractInput("MS-CONTRACT-1", mueller), token: api.tokens.accountManager });
    if (managed.statusCode !== 201) throw new Error(`managed-services contract setup: ${managed.body}`);
    const usage = "/v1/contracts/MS-CONTRACT-1/usage";
    const input = contingentContractInput("K-CONTRACT-2", mueller);
    return [
      {
        method: "POST",
        route: "/v1/contracts",
        request: { url: "/v1/contracts", body: input },
        badInput: { request: { url: "/v1/contracts", body: { ...input, contingent: { monthlyMinutes: 0, monthlyPrice: "950.00", hourlyRate: "95.00" } } }, field: "body.contingent.monthlyMinutes" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/contracts",
        request: { url: "/v1/contracts" },
        badInput: { request: { url: "/v1/contracts?limit=0" }, field: "query.limit" },
        crossTenant: {
          expect: 200,
          request: { url: `/v1/contracts?organizationId=${mueller}` },
          assertFiltered: (response) => {
            expect(response.json<{ items: { organizationId: string }[] }>().items.filter((item) => item.organizationId === mueller)).toEqual([]);
          },
        },
      },
      {
        method: "GET",
        route: "/v1/contracts/:id",
        request: { url: base },
        badInput: { request: { url: `/v1/contracts/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/contracts/:id/end-date",
        request: { url: `${base}/end-date`, body: { endDate: null } },
        badInput: { request: { url: `${base}/end-date`, body: { endDate: "2026-11-31" } }, field: "body.endDate" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/contracts/:id/time-entries",
        request: { url: `${base}/time-entries`, body: { entries: [entryInput("E-CONTRACT-1", "2026-11-02", 30)] } },
        badInput: { request: { url: `${base}/time-entries`, body: { entries: [entryInput("E-CONTRACT-1", "2026-11-02", 0)] } }, field: "body.entries.0.rawMinutes" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/contracts/:id/time-entries/:entryId/cancellation",
        request: { url: `${base}/time-entries/E-CONTRACT-1/cancellation`, body: { reason: "Tippfehler" } },
        badInput: { request: { url: `${base}/time-entries/E-CONTRACT-1/cancellation`, body: { reason: "" } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/contracts/:id/time-entries",
        request: { url: `${base}/time-entries` },
        badInput: { request: { url: `${base}/time-entries?cursor=nonsense` }, field: "query.cursor" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/contracts/:id/statement",
        request: { url: `${base}/statement` },
        badInput: { request: { url: `${base}/statement?asOf=yesterday` }, field: "query.asOf" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/contracts/:id/adjustments",
        request: { url: `${base}/adjustments`, body: { id: "ADJ-CONTRACT-1", date: "2026-01-05", minutes: 30, reason: "Kulanz" } },
        badInput: { request: { url: `${base}/adjustments`, body: { id: "ADJ-CONTRACT-2", date: "2026-01-05", minutes: 30, reason: "" } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/contracts/:id/usage",
        request: { url: usage, body: { records: [{ month: "2026-01", meter: "endpoint-protection-device", quantity: "42" }] } },
        badInput: { request: { url: usage, body: { records: [{ month: "2026-01", meter: "endpoint-protection-device", quantity: "-42" }] } }, field: "body.records.0.quantity" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/contracts/:id/usage",
        request: { url: usage },
        badInput: { request: { url: `${usage}?month=2026-13` }, field: "query.month" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/contracts/:id/month-closes",
        request: { url: `${base}/month-closes`, body: { month: "2026-01" } },
        badInput: { request: { url: `${base}/month-closes`, body: { month: "2026-13" } }, field: "body.month" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
