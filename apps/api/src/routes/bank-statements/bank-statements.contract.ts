import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { camtXml, SCHMIDT_IBAN, uploadOf } from "./bank-statement-test-support.js";

/** Contract cases of the bank statement routes: a statement with one transfer naming no invoice (in review). */
export const bankStatementsContract: EndpointContract = {
  name: "bank statements",
  async setup(api) {
    const xml = camtXml({
      kind: "camt.053",
      messageId: "STMT-CONTRACT-0001",
      createdAt: "2026-11-16T06:00:00+01:00",
      statementId: "2026-11-16-0001",
      entries: [
        {
          amount: "50.00",
          direction: "CRDT",
          bookingDate: "2026-11-13",
          valueDate: "2026-11-13",
          bankReference: "NTRY-CONTRACT-1",
          code: ["RCDT", "ESCT"],
          transactions: [{ bankReference: "CONTRACT-1", debtor: { name: "Bäckerei Schmidt", iban: SCHMIDT_IBAN }, remittance: ["Spende Sommerfest"] }],
        },
      ],
    });
    const created = await api.request({ method: "POST", url: "/v1/bank-statements", payload: uploadOf(xml), token: api.tokens.backOffice });
    if (created.statusCode !== 201) throw new Error(`bank statement import: ${created.body}`);
    const body = created.json<{ id: string; transactions: { id: string }[] }>();
    const id = body.id;
    const transactionId = body.transactions[0]?.id ?? "";
    return [
      {
        method: "POST",
        route: "/v1/bank-statements",
        request: { url: "/v1/bank-statements", body: uploadOf(xml.replace("STMT-CONTRACT-0001", "STMT-CONTRACT-0002")) },
        badInput: { request: { url: "/v1/bank-statements", body: { contentBase64: "not base64!" } }, field: "body.contentBase64" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/bank-statements",
        request: { url: "/v1/bank-statements" },
        badInput: { request: { url: "/v1/bank-statements?limit=0" }, field: "query.limit" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/bank-statements/:id",
        request: { url: `/v1/bank-statements/${id}` },
        badInput: { none: "only the id, which an unknown value answers with 404" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/bank-statements/:id/file",
        request: { url: `/v1/bank-statements/${id}/file` },
        badInput: { none: "only the id, which an unknown value answers with 404" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/bank-statement-transactions",
        request: { url: "/v1/bank-statement-transactions?outcome=review" },
        badInput: { request: { url: "/v1/bank-statement-transactions?outcome=paid" }, field: "query.outcome" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/bank-statement-transactions/:id/assignment",
        request: { url: `/v1/bank-statement-transactions/${transactionId}/assignment`, body: { allocations: [{ invoiceId: "any-invoice", amount: { amount: "50.00", currency: "EUR" } }] } },
        badInput: { request: { url: `/v1/bank-statement-transactions/${transactionId}/assignment`, body: { allocations: [] } }, field: "body.allocations" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/bank-statement-transactions/:id/dismissal",
        request: { url: `/v1/bank-statement-transactions/${transactionId}/dismissal`, body: { reason: "Spende, keine Rechnung" } },
        badInput: { request: { url: `/v1/bank-statement-transactions/${transactionId}/dismissal`, body: { reason: " " } }, field: "body.reason" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
