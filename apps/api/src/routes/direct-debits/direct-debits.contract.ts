import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { finalizedDirectDebitInvoice, prepareCollections } from "./direct-debit-test-support.js";

/** Contract cases of the direct debit routes: a file of one invoice of Müller GmbH. */
export const directDebitsContract: EndpointContract = {
  name: "direct debits",
  async setup(api) {
    api.clock.set(new Date("2026-11-25T09:00:00Z"));
    await prepareCollections(api, "MUE-CONTRACT-01");
    await finalizedDirectDebitInvoice(api, "MUELLER-DD-CONTRACT", "MUE-CONTRACT-01", "2026-12-02");
    const created = await api.request({ method: "POST", url: "/v1/direct-debit-batches", payload: {}, token: api.tokens.backOffice });
    if (created.statusCode !== 201) throw new Error(`direct debit batch: ${created.body}`);
    const id = created.json<{ batch: { id: string } }>().batch.id;
    return [
      {
        method: "GET",
        route: "/v1/direct-debit-batches/preview",
        request: { url: "/v1/direct-debit-batches/preview" },
        badInput: { request: { url: "/v1/direct-debit-batches/preview?collectUntil=2026-02-30" }, field: "query.collectUntil" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/direct-debit-batches",
        request: { url: "/v1/direct-debit-batches", body: {} },
        badInput: { request: { url: "/v1/direct-debit-batches", body: { collectUntil: "next week" } }, field: "body.collectUntil" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/direct-debit-batches",
        request: { url: "/v1/direct-debit-batches" },
        badInput: { request: { url: "/v1/direct-debit-batches?limit=0" }, field: "query.limit" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/direct-debit-batches/:id",
        request: { url: `/v1/direct-debit-batches/${id}` },
        badInput: { none: "only the id, which an unknown value answers with 404" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/direct-debit-batches/:id/file",
        request: { url: `/v1/direct-debit-batches/${id}/file` },
        badInput: { none: "only the id, which an unknown value answers with 404" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/direct-debit-batches/:id/booking",
        request: { url: `/v1/direct-debit-batches/${id}/booking` },
        badInput: { none: "no body; an unknown id is 404" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/direct-debit-batches/:id/cancellation",
        request: { url: `/v1/direct-debit-batches/${id}/cancellation`, body: { reason: "Bank hat die Datei abgelehnt" } },
        badInput: { request: { url: `/v1/direct-debit-batches/${id}/cancellation`, body: { reason: " " } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
