import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import type { InstallationPolicyDomain } from "./policy-domain.js";

/**
 * The contract cases of one domain's installation policies (P1): `GET` and `PUT <path>`, with
 * `valid` stored first and `invalid` (a set the domain's schema refuses at `field`, a path under
 * `body.policies`) as the bad input. The policies are the installation's, not a customer's: a
 * portal user of any organization gets 404 (K10: staff administration looks absent).
 */
export function installationPoliciesContract<Policies>(domain: InstallationPolicyDomain<Policies>, valid: unknown, invalid: unknown, field: string): EndpointContract {
  return {
    name: domain.what.toLowerCase(),
    async setup(api) {
      const stored = await api.request({ method: "PUT", url: domain.path, token: api.tokens.admin, payload: { policies: valid } });
      expect(stored.statusCode, stored.body).toBe(201);
      const version = stored.json<{ version: number }>().version;
      return [
        {
          method: "GET",
          route: domain.path,
          request: { url: domain.path },
          badInput: { none: "no parameters, query or body" },
          crossTenant: { expect: 404 },
        },
        {
          method: "PUT",
          route: domain.path,
          request: { url: domain.path, body: { policies: valid, expectedVersion: version } },
          badInput: { request: { url: domain.path, body: { policies: invalid, expectedVersion: version } }, field },
          crossTenant: { expect: 404 },
        },
      ];
    },
  };
}
