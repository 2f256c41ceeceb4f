import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { EndpointCase, EndpointContract } from "../../testing/endpoint-contract.js";
import { DATA_CENTER_REQUEST, JIRA_ORDER, TEST_PRODUCTS, seedLicensingCatalog, send } from "./licensing-fixtures.js";

type Items = { items: { organizationId: string }[] };

function filtered(foreign: string) {
  return {
    expect: 200 as const,
    assertFiltered: (response: LightMyRequestResponse) => {
      expect(response.json<Items>().items.every((item) => item.organizationId !== foreign)).toBe(true);
    },
  };
}

/** Contract cases of the licensing routes (catalog, quotes, orders, licenses, rentals). */
export const licensingContract: EndpointContract = {
  name: "licensing",
  async setup(api) {
    await seedLicensingCatalog(api);
    const mueller = api.organizations.mueller;
    const admin = api.tokens.admin;
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", admin, { organizationId: mueller, request: DATA_CENTER_REQUEST }, 201);
    const order = await send<{ id: string }>(api, "POST", "/v1/orders", admin, { organizationId: mueller, order: JIRA_ORDER }, 201);
    const license = await send<{ id: string }>(
      api,
      "POST",
      "/v1/licenses",
      admin,
      { organizationId: mueller, productId: "jira-dc", userTier: 500, sen: "SEN-100", key: "AAAB-MUELLER", purchasedBy: "customer", purchasedAt: "2026-11-10T10:00:00Z", term: { from: "2026-11-10", to: "2027-11-10" } },
      201,
    );
    const rental = await send<{ id: string }>(
      api,
      "POST",
      "/v1/rental-subscriptions",
      admin,
      { organizationId: mueller, productId: "m365-bs", quantity: 18, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } },
      201,
    );
    const product = TEST_PRODUCTS[0];
    const cases: EndpointCase[] = [
      {
        method: "POST",
        route: "/v1/catalog/products",
        request: { url: "/v1/catalog/products", body: product },
        badInput: { request: { url: "/v1/catalog/products", body: { ...product, product: { ...product.product, edition: "desktop" } } }, field: "body.product.edition" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/catalog/products",
        request: { url: "/v1/catalog/products" },
        badInput: { request: { url: "/v1/catalog/products?limit=500" }, field: "query.limit" },
        // The catalog is the reseller's offer to every customer: no tenant data in it.
        crossTenant: { expect: 200, assertFiltered: (response) => {
            expect(response.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
          },
        },
      },
      {
        method: "GET",
        route: "/v1/catalog/products/:id",
        request: { url: "/v1/catalog/products/jira-dc" },
        badInput: { request: { url: `/v1/catalog/products/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404, request: { url: "/v1/catalog/products/unknown" } },
      },
      {
        method: "POST",
        route: "/v1/quotes",
        request: { url: "/v1/quotes", body: { organizationId: mueller, request: DATA_CENTER_REQUEST } },
        badInput: { request: { url: "/v1/quotes", body: { organizationId: mueller, request: { ...DATA_CENTER_REQUEST, kind: "desktop" } } }, field: "body.request.kind" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/quotes",
        request: { url: "/v1/quotes" },
        badInput: { request: { url: "/v1/quotes?cursor=nonsense" }, field: "query.cursor" },
        crossTenant: { ...filtered(mueller), request: { url: `/v1/quotes?organizationId=${mueller}` } },
      },
      {
        method: "GET",
        route: "/v1/quotes/:id",
        request: { url: `/v1/quotes/${quote.id}` },
        badInput: { request: { url: `/v1/quotes/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/orders",
        request: { url: "/v1/orders", body: { organizationId: mueller, order: JIRA_ORDER } },
        badInput: { request: { url: "/v1/orders", body: { organizationId: mueller, order: { ...JIRA_ORDER, purchaseRoute: "grey-market" } } }, field: "body.order.purchaseRoute" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/orders",
        request: { url: "/v1/orders" },
        badInput: { request: { url: "/v1/orders?limit=0" }, field: "query.limit" },
        crossTenant: filtered(mueller),
      },
      {
        method: "GET",
        route: "/v1/orders/:id",
        request: { url: `/v1/orders/${order.id}` },
        badInput: { request: { url: `/v1/orders/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/orders/:id/commands",
        request: { url: `/v1/orders/${order.id}/commands`, body: { type: "confirm" } },
        badInput: { request: { url: `/v1/orders/${order.id}/commands`, body: { type: "record-vendor-payment", paidOn: "yesterday" } }, field: "body.paidOn" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/licenses",
        request: { url: "/v1/licenses", body: { organizationId: mueller, productId: "jira-dc", userTier: 500, purchasedBy: "reseller", purchasedAt: "2026-11-10T10:00:00Z" } },
        badInput: { request: { url: "/v1/licenses", body: { organizationId: mueller, productId: "jira-dc", userTier: 500, purchasedBy: "friend", purchasedAt: "2026-11-10T10:00:00Z" } }, field: "body.purchasedBy" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/licenses",
        request: { url: "/v1/licenses" },
        badInput: { request: { url: "/v1/licenses?limit=abc" }, field: "query.limit" },
        crossTenant: filtered(mueller),
      },
      {
        method: "GET",
        route: "/v1/licenses/:id",
        request: { url: `/v1/licenses/${license.id}` },
        badInput: { request: { url: `/v1/licenses/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/licenses/:id/key",
        request: { url: `/v1/licenses/${license.id}/key` },
        badInput: { request: { url: `/v1/licenses/${"x".repeat(101)}/key` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/licenses/:id/renewal-quote",
        request: { url: `/v1/licenses/${license.id}/renewal-quote`, body: { steps: 1 } },
        badInput: { request: { url: `/v1/licenses/${license.id}/renewal-quote`, body: { steps: 0 } }, field: "body.steps" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/licenses/:id/upgrade-quote",
        request: { url: `/v1/licenses/${license.id}/upgrade-quote`, body: { toTier: 1000 } },
        badInput: { request: { url: `/v1/licenses/${license.id}/upgrade-quote`, body: { toTier: "many" } }, field: "body.toTier" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/licenses/:id/refund-check",
        request: { url: `/v1/licenses/${license.id}/refund-check`, body: {} },
        badInput: { request: { url: `/v1/licenses/${license.id}/refund-check`, body: { paidAt: "monday" } }, field: "body.paidAt" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/licenses/:id/refund",
        request: { url: `/v1/licenses/${license.id}/refund`, body: { reason: "Falsches Produkt bestellt" } },
        badInput: { request: { url: `/v1/licenses/${license.id}/refund`, body: { reason: "" } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/rental-subscriptions",
        request: { url: "/v1/rental-subscriptions", body: { organizationId: mueller, productId: "m365-bs", quantity: 5, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } } },
        badInput: { request: { url: "/v1/rental-subscriptions", body: { organizationId: mueller, productId: "m365-bs", quantity: -1 } }, field: "body.quantity" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/rental-subscriptions",
        request: { url: "/v1/rental-subscriptions" },
        badInput: { request: { url: "/v1/rental-subscriptions?cursor=%25" }, field: "query.cursor" },
        crossTenant: filtered(mueller),
      },
      {
        method: "GET",
        route: "/v1/rental-subscriptions/:id",
        request: { url: `/v1/rental-subscriptions/${rental.id}` },
        badInput: { request: { url: `/v1/rental-subscriptions/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/rental-subscriptions/:id/commands",
        request: { url: `/v1/rental-subscriptions/${rental.id}/commands`, body: { type: "change-quantity", newTotal: 20 } },
        badInput: { request: { url: `/v1/rental-subscriptions/${rental.id}/commands`, body: { type: "book-add-on", addOnId: "" } }, field: "body.addOnId" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/rental-price-list",
        request: { url: `/v1/organizations/${mueller}/rental-price-list` },
        badInput: { request: { url: `/v1/organizations/${"x".repeat(101)}/rental-price-list` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/organizations/:id/rental-price-list",
        request: { url: `/v1/organizations/${mueller}/rental-price-list`, body: { prices: [{ productId: "m365-bs", pricePerUser: { amount: "10.90", currency: "EUR" } }], expectedVersion: 0 } },
        badInput: { request: { url: `/v1/organizations/${mueller}/rental-price-list`, body: { prices: [], expectedVersion: -1 } }, field: "body.expectedVersion" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/rental-prices",
        request: { url: `/v1/rental-prices?organizationId=${mueller}&productId=m365-bs&quantity=18` },
        badInput: { request: { url: `/v1/rental-prices?organizationId=${mueller}&productId=m365-bs&quantity=0` }, field: "query.quantity" },
        crossTenant: { expect: 404 },
      },
    ];
    return cases;
  },
};
