import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { MUELLER } from "../../testing/fixtures.js";

const muellerInput: Omit<typeof MUELLER, "id"> & { id?: string } = { ...MUELLER };
delete muellerInput.id;
const branch = { name: "Lager Porz", address: { street: "Hauptstraße 1", postalCode: "51143", city: "Köln", country: "DE" }, receivesGoods: true, receivesServices: false };
const portalUser = { firstName: "Dora", lastName: "Klein", phone: "+49 221 555", email: "dora.klein@mueller-gmbh.de", role: "portal-reporter" };

/** Contract cases of the auth, organization and portal-user routes. */
export const organizationsContract: EndpointContract = {
  name: "organizations and auth",
  async setup(api) {
    const mueller = api.organizations.mueller;
    return [
      {
        method: "POST",
        route: "/v1/auth/sessions",
        request: { url: "/v1/auth/sessions", body: { loginToken: "kontor_lt_unknown-token-0000" } },
        badInput: { request: { url: "/v1/auth/sessions", body: { loginToken: 42 } }, field: "body.loginToken" },
        crossTenant: { expect: 404, request: { url: "/v1/auth/sessions/none" } },
      },
      {
        method: "GET",
        route: "/v1/me",
        request: { url: "/v1/me" },
        badInput: { none: "takes no input" },
        crossTenant: {
          expect: 200,
          assertFiltered: (response) => {
            expect(response.json<{ organizationId: string }>().organizationId).toBe(api.organizations.baeckerei);
          },
        },
      },
      {
        method: "DELETE",
        route: "/v1/auth/tokens/current",
        request: { url: "/v1/auth/tokens/current" },
        badInput: { none: "takes no input" },
        crossTenant: { expect: 404, request: { url: `/v1/auth/tokens/${api.users.muellerManager}` } },
      },
      {
        method: "POST",
        route: "/v1/staff-users",
        request: { url: "/v1/staff-users", body: { email: "new@kontor.test", name: "New", role: "technician" } },
        badInput: { request: { url: "/v1/staff-users", body: { email: "new@kontor.test", name: "New", role: "intern" } }, field: "body.role" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/staff-users/:id/deactivation",
        request: { url: `/v1/staff-users/${api.users.technician}/deactivation`, body: {} },
        badInput: { request: { url: `/v1/staff-users/${"x".repeat(101)}/deactivation`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/users/:id/reactivation",
        request: { url: `/v1/users/${api.users.muellerReporter}/reactivation`, body: {} },
        badInput: { request: { url: `/v1/users/${"x".repeat(101)}/reactivation`, body: {} }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      ...(["login-tokens", "api-tokens"] as const).map((kind) => ({
        method: "POST" as const,
        route: `/v1/users/:id/${kind}`,
        request: { url: `/v1/users/${api.users.muellerManager}/${kind}`, body: {} },
        badInput: { request: { url: `/v1/users/${api.users.muellerManager}/${kind}`, body: { name: "" } }, field: "body.name" },
        crossTenant: { expect: 404 as const },
      })),
      {
        method: "POST",
        route: "/v1/organizations",
        request: { url: "/v1/organizations", body: muellerInput },
        badInput: { request: { url: "/v1/organizations", body: { ...muellerInput, billing: "monthly" } }, field: "body.billing" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations",
        request: { url: "/v1/organizations" },
        badInput: { request: { url: "/v1/organizations?limit=0" }, field: "query.limit" },
        crossTenant: {
          expect: 200,
          assertFiltered: (response) => {
            expect(response.json<{ items: { organization: { id: string } }[] }>().items.map((item) => item.organization.id)).toEqual([api.organizations.baeckerei]);
          },
        },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id",
        request: { url: `/v1/organizations/${mueller}` },
        badInput: { request: { url: `/v1/organizations/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/organizations/:id",
        request: { url: `/v1/organizations/${mueller}`, body: { ...muellerInput, expectedVersion: 1 } },
        badInput: { request: { url: `/v1/organizations/${mueller}`, body: { ...muellerInput, expectedVersion: 0 } }, field: "body.expectedVersion" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/organizations/:id/branches",
        request: { url: `/v1/organizations/${mueller}/branches`, body: branch },
        badInput: { request: { url: `/v1/organizations/${mueller}/branches`, body: { ...branch, address: { ...branch.address, country: "Germany" } } }, field: "body.address.country" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/organizations/:id/portal-users",
        request: { url: `/v1/organizations/${mueller}/portal-users`, body: portalUser },
        badInput: { request: { url: `/v1/organizations/${mueller}/portal-users`, body: { ...portalUser, phone: undefined } }, field: "body.phone" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/portal-users",
        request: { url: `/v1/organizations/${mueller}/portal-users` },
        badInput: { request: { url: `/v1/organizations/${mueller}/portal-users?cursor=nonsense` }, field: "query.cursor" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/organizations/:id/portal-users/:userId",
        request: { url: `/v1/organizations/${mueller}/portal-users/${api.users.muellerReporter}`, body: { ...portalUser, email: "ben.wolf@mueller-gmbh.de" } },
        badInput: { request: { url: `/v1/organizations/${mueller}/portal-users/${api.users.muellerReporter}`, body: { ...portalUser, email: "ben" } }, field: "body.email" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/organizations/:id/portal-users/:userId/deactivation",
        request: { url: `/v1/organizations/${mueller}/portal-users/${api.users.muellerReporter}/deactivation`, body: {} },
        badInput: { request: { url: `/v1/organizations/${mueller}/portal-users/${"x".repeat(101)}/deactivation`, body: {} }, field: "params.userId" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
