import { expect } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Lists answered to Bäckerei Schmidt hold nothing of another organization (K10). */
function onlyOrganization(organizationId: string, key: "asset" | "plan") {
  return (response: LightMyRequestResponse) => {
    const items = response.json<{ items: Record<typeof key, { organizationId: string }>[] }>().items;
    expect(items.filter((item) => item[key].organizationId !== organizationId)).toEqual([]);
  };
}

/** Contract cases of the asset and maintenance-plan routes (K9, K11). */
export const assetsContract: EndpointContract = {
  name: "assets and maintenance plans",
  async setup(api) {
    const mueller = api.organizations.mueller;
    const baeckerei = api.organizations.baeckerei;
    // K11: Müller's firewall, its UTM support ending on a month end.
    const firewall = {
      organizationId: mueller,
      name: "Firewall FW01",
      category: "firewall",
      serialNumber: "FGT60F-0815",
      technicalData: { model: "FortiGate 60F" },
      purchaseDate: "2025-12-15",
      warrantyEnd: "2026-12-31",
      licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2026-12-31" }],
      source: "goods-receipt",
    };
    const createdAsset = await api.request({ method: "POST", url: "/v1/assets", token: api.tokens.admin, payload: { ...firewall, id: "asset-contract-fw01" } });
    expect(createdAsset.statusCode, createdAsset.body).toBe(201);
    // K9: a quarterly backup check for Müller.
    const backupCheck = {
      organizationId: mueller,
      source: "maintenance-plan",
      title: "Backup-Prüfung",
      checklist: ["Rücksicherung testen", "Speicherplatz prüfen"],
      recurrence: { unit: "month", interval: 3 },
      firstDue: "2026-11-30",
    };
    const createdPlan = await api.request({ method: "POST", url: "/v1/maintenance-plans", token: api.tokens.admin, payload: { ...backupCheck, id: "plan-contract-backup" } });
    expect(createdPlan.statusCode, createdPlan.body).toBe(201);
    const assetUrl = "/v1/assets/asset-contract-fw01";
    const planUrl = "/v1/maintenance-plans/plan-contract-backup";
    return [
      {
        method: "POST",
        route: "/v1/assets",
        request: { url: "/v1/assets", body: firewall },
        badInput: { request: { url: "/v1/assets", body: { ...firewall, warrantyEnd: "2027-02-29" } }, field: "body.warrantyEnd" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/assets",
        request: { url: `/v1/assets?organizationId=${mueller}` },
        badInput: { request: { url: "/v1/assets?limit=0" }, field: "query.limit" },
        crossTenant: { expect: 200, assertFiltered: onlyOrganization(baeckerei, "asset") },
      },
      {
        method: "GET",
        route: "/v1/assets/:id",
        request: { url: assetUrl },
        badInput: { request: { url: `/v1/assets/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/assets/:id",
        request: { url: assetUrl, body: { ...firewall, warrantyEnd: "2027-12-31", expectedVersion: 1 } },
        badInput: { request: { url: assetUrl, body: { ...firewall, category: "toaster", expectedVersion: 1 } }, field: "body.category" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/maintenance-plans",
        request: { url: "/v1/maintenance-plans", body: backupCheck },
        badInput: { request: { url: "/v1/maintenance-plans", body: { ...backupCheck, recurrence: { unit: "month", interval: 0 } } }, field: "body.recurrence.interval" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/maintenance-plans",
        request: { url: `/v1/maintenance-plans?organizationId=${mueller}` },
        badInput: { request: { url: "/v1/maintenance-plans?active=yes" }, field: "query.active" },
        crossTenant: { expect: 200, assertFiltered: onlyOrganization(baeckerei, "plan") },
      },
      {
        method: "GET",
        route: "/v1/maintenance-plans/:id",
        request: { url: planUrl },
        badInput: { request: { url: `/v1/maintenance-plans/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/maintenance-plans/:id",
        request: { url: planUrl, body: { ...backupCheck, active: false, expectedVersion: 1 } },
        badInput: { request: { url: planUrl, body: { ...backupCheck, active: true, checklist: [], expectedVersion: 1 } }, field: "body.checklist" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
