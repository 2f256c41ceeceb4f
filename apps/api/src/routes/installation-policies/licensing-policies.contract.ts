import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { ADOBE_TEST_POLICY, defaultsWithAdobe } from "./licensing-policies-fixtures.js";

/**
 * Contract cases of the licensing policies (P1). They are the installation's, not a customer's:
 * a portal user of any organization gets 404 (K10: staff administration looks absent).
 */
export const licensingPoliciesContract: EndpointContract = {
  name: "licensing policies",
  async setup(api) {
    const stored = await api.request({ method: "PUT", url: "/v1/licensing-policies", token: api.tokens.admin, payload: { policies: defaultsWithAdobe() } });
    expect(stored.statusCode, stored.body).toBe(201);
    const version = stored.json<{ version: number }>().version;
    const badDate = { ...defaultsWithAdobe(), vendors: [{ ...ADOBE_TEST_POLICY, effectiveFrom: "2024-13-01" }] };
    return [
      {
        method: "GET",
        route: "/v1/licensing-policies",
        request: { url: "/v1/licensing-policies" },
        badInput: { none: "no parameters, query or body" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/licensing-policies",
        request: { url: "/v1/licensing-policies", body: { policies: defaultsWithAdobe(), expectedVersion: version } },
        badInput: { request: { url: "/v1/licensing-policies", body: { policies: badDate, expectedVersion: version } }, field: "body.policies.vendors.0.effectiveFrom" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
