import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import type { TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

async function createDraft(api: TestApi): Promise<string> {
  const response = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput(), token: api.tokens.backOffice });
  if (response.statusCode !== 201) throw new Error(`draft: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** Contract cases of the invoice routes, on invoices of Müller GmbH. */
export const invoicesContract: EndpointContract = {
  name: "invoices",
  async setup(api) {
    const finalizedId = await createDraft(api);
    const finalization = await api.request({ method: "POST", url: `/v1/invoices/${finalizedId}/finalization`, token: api.tokens.backOffice });
    if (finalization.statusCode !== 200) throw new Error(`finalization: ${finalization.body}`);
    const { issueDate } = finalization.json<{ issueDate: string }>();
    // A payment of the finalized invoice, for the reversal route's cases (none of them reverses it).
    const paid = await api.request({
      method: "POST",
      url: `/v1/invoices/${finalizedId}/payments`,
      payload: { amount: { amount: "1.00", currency: "EUR" }, receivedOn: issueDate, method: "sepa-direct-debit" },
      token: api.tokens.backOffice,
    });
    if (paid.statusCode !== 201) throw new Error(`payment: ${paid.body}`);
    const paymentId = paid.json<{ payment: { id: string } }>().payment.id;
    const draftId = await createDraft(api);
    // Its own draft: no contract check deletes it (401, 400 and the foreign tenant's 404 leave it).
    const deletableId = await createDraft(api);
    const tooLong = "x".repeat(101);
    return [
      {
        method: "POST",
        route: "/v1/invoices",
        request: { url: "/v1/invoices", body: muellerInvoiceInput() },
        badInput: { request: { url: "/v1/invoices", body: muellerInvoiceInput({ issueDate: "2026-02-30" }) }, field: "body.issueDate" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/invoices",
        request: { url: "/v1/invoices" },
        badInput: { request: { url: "/v1/invoices?status=paid" }, field: "query.status" },
        crossTenant: {
          expect: 200,
          assertFiltered: (response) => {
            expect(response.json<{ items: { organizationId: string }[] }>().items.filter((item) => item.organizationId === api.organizations.mueller)).toEqual([]);
          },
        },
      },
      ...(["", "/pdf", "/xml"] as const).map((suffix) => ({
        method: "GET" as const,
        route: `/v1/invoices/:id${suffix}`,
        request: { url: `/v1/invoices/${finalizedId}${suffix}` },
        badInput: { request: { url: `/v1/invoices/${tooLong}${suffix}` }, field: "params.id" },
        crossTenant: { expect: 404 as const },
      })),
      {
        method: "DELETE",
        route: "/v1/invoices/:id",
        request: { url: `/v1/invoices/${deletableId}` },
        badInput: { request: { url: `/v1/invoices/${tooLong}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/invoices/:id/finalization",
        request: { url: `/v1/invoices/${draftId}/finalization` },
        badInput: { request: { url: `/v1/invoices/${tooLong}/finalization` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/invoices/:id/credit-notes",
        request: { url: `/v1/invoices/${finalizedId}/credit-notes`, body: { issueDate: "2026-11-30", reason: "Zwei Lizenzen zu viel berechnet." } },
        badInput: { request: { url: `/v1/invoices/${finalizedId}/credit-notes`, body: { issueDate: "2026-11-30", reason: "" } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/invoices/:id/payments",
        request: { url: `/v1/invoices/${finalizedId}/payments`, body: { amount: { amount: "1.00", currency: "EUR" }, receivedOn: issueDate, method: "bank-transfer" } },
        badInput: {
          request: { url: `/v1/invoices/${finalizedId}/payments`, body: { amount: { amount: "1.00", currency: "EUR" }, receivedOn: issueDate, method: "cash" } },
          field: "body.method",
        },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/invoices/:id/payments/:paymentId/reversal",
        request: { url: `/v1/invoices/${finalizedId}/payments/${paymentId}/reversal`, body: { reason: "returned", reversedOn: issueDate } },
        badInput: {
          request: { url: `/v1/invoices/${finalizedId}/payments/${paymentId}/reversal`, body: { reason: "bounced", reversedOn: issueDate } },
          field: "body.reason",
        },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/invoices/:id/payments",
        request: { url: `/v1/invoices/${finalizedId}/payments` },
        badInput: { request: { url: `/v1/invoices/${finalizedId}/payments?asOf=2026-02-30` }, field: "query.asOf" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/invoices/overdue",
        request: { url: "/v1/invoices/overdue?asOf=2099-01-01" },
        badInput: { request: { url: "/v1/invoices/overdue?limit=0" }, field: "query.limit" },
        crossTenant: {
          expect: 200,
          assertFiltered: (response) => {
            expect(response.json<{ items: { organizationId: string }[] }>().items.filter((item) => item.organizationId === api.organizations.mueller)).toEqual([]);
          },
        },
      },
    ];
  },
};
