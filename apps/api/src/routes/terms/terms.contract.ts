import type { EndpointContract } from "../../testing/endpoint-contract.js";

const order = { amount: { amount: "12500.00", currency: "EUR" }, billingModel: "data-center", buyerRole: "customer" };

/** Contract cases of the quote routes: Bäckerei's manager may not quote for Müller GmbH (404). */
export const termsContract: EndpointContract = {
  name: "quotes (terms)",
  async setup(api) {
    const organizationId = api.organizations.mueller;
    const tax = { organizationId, asOf: "2026-11-30", seller: { country: "DE", vatId: "DE136695976" }, buyer: { status: "business" } };
    return [
      {
        method: "POST",
        route: "/v1/quotes/payment-methods",
        request: { url: "/v1/quotes/payment-methods", body: { organizationId, order, asOf: "2026-11-30" } },
        badInput: { request: { url: "/v1/quotes/payment-methods", body: { organizationId, order: { ...order, billingModel: "perpetual" } } }, field: "body.order.billingModel" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/quotes/tax",
        request: { url: "/v1/quotes/tax", body: tax },
        badInput: { request: { url: "/v1/quotes/tax", body: { ...tax, buyer: { status: "company" } } }, field: "body.buyer.status" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/quotes/due-date",
        request: { url: "/v1/quotes/due-date", body: { organizationId, invoiceDate: "2026-11-30" } },
        badInput: { request: { url: "/v1/quotes/due-date", body: { organizationId, invoiceDate: "2026-11-31" } }, field: "body.invoiceDate" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
