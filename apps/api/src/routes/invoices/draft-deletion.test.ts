import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

interface InvoiceBody {
  id: string;
  status: string;
  number: string | null;
  version: number;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
});
afterAll(() => api.close());

async function draft(buyerReference = "MUELLER-DELETE"): Promise<InvoiceBody> {
  const response = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput({ buyerReference }), token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<InvoiceBody>();
}

const remove = (id: string, token = api.tokens.backOffice, headers: Record<string, string> = {}) => api.request({ method: "DELETE", url: `/v1/invoices/${id}`, token, headers });
const read = (id: string, token = api.tokens.backOffice) => api.request({ method: "GET", url: `/v1/invoices/${id}`, token });

describe(`DELETE /v1/invoices/:id on ${testDatabaseKind()} (GoBD, K10)`, () => {
  it("deletes a draft: 204, then GET and finalization are 404, and another delete is 404", async () => {
    const body = await draft();
    const deleted = await remove(body.id);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe("");
    expectProblem(await read(body.id), 404);
    expectProblem(await api.request({ method: "POST", url: `/v1/invoices/${body.id}/finalization`, token: api.tokens.backOffice }), 404);
    expectProblem(await remove(body.id), 404);
    const drafts = (await api.request({ method: "GET", url: "/v1/invoices?status=draft&limit=200", token: api.tokens.admin })).json<{ items: InvoiceBody[] }>().items;
    expect(drafts.map((item) => item.id)).not.toContain(body.id);
  });

  it("GoBD: a finalized invoice is never deleted: 409 INVOICE_FINALIZED naming the credit-note route, and it stays with its number, PDF and XML", async () => {
    const body = await draft();
    const issued = (await api.request({ method: "POST", url: `/v1/invoices/${body.id}/finalization`, token: api.tokens.backOffice })).json<InvoiceBody>();
    expect(issued.number).toMatch(/^RE-2026-\d{6}$/);
    const pdf = (await api.request({ method: "GET", url: `/v1/invoices/${body.id}/pdf`, token: api.tokens.backOffice })).rawPayload;
    for (const token of [api.tokens.backOffice, api.tokens.admin, api.tokens.accountManager]) {
      const refused = expectProblem(await remove(body.id, token), 409);
      expect(refused.code).toBe("INVOICE_FINALIZED");
      expect(refused.detail).toContain(issued.number ?? "?");
      expect(refused.detail).toContain(`POST /v1/invoices/${body.id}/credit-notes`);
    }
    const after = await read(body.id);
    expect(after.statusCode).toBe(200);
    expect(after.json<InvoiceBody>()).toMatchObject({ status: "finalized", number: issued.number, version: issued.version });
    const pdfAfter = (await api.request({ method: "GET", url: `/v1/invoices/${body.id}/pdf`, token: api.tokens.backOffice })).rawPayload;
    expect(Buffer.compare(pdfAfter, pdf)).toBe(0);
    expect((await api.request({ method: "GET", url: `/v1/invoices/${body.id}/xml`, token: api.tokens.muellerManager })).body).toContain(`<ram:ID>${issued.number ?? "?"}</ram:ID>`);
  });

  it("K10: Bäckerei Schmidt's manager and Müller's own portal users get 404, other staff 403; the draft stays", async () => {
    const body = await draft();
    for (const token of [api.tokens.baeckereiManager, api.tokens.muellerManager, api.tokens.muellerReporter]) expectProblem(await remove(body.id, token), 404);
    for (const token of [api.tokens.technician, api.tokens.dispatcher, api.tokens.materialsManagement]) expectProblem(await remove(body.id, token), 403);
    expect((await read(body.id)).json<InvoiceBody>()).toMatchObject({ status: "draft", number: null });
    // The roles that compose may delete: the account manager here.
    expect((await remove(body.id, api.tokens.accountManager)).statusCode).toBe(204);
  });

  it("a credit-note draft is deleted too, and what it credited is free again (CREDIT_EXCEEDS_INVOICE counts it no more)", async () => {
    const original = await draft();
    await api.request({ method: "POST", url: `/v1/invoices/${original.id}/finalization`, token: api.tokens.backOffice });
    const credit = (payload: Record<string, unknown>) =>
      api.request({ method: "POST", url: `/v1/invoices/${original.id}/credit-notes`, payload: { issueDate: "2026-11-30", reason: "Gutschrift", ...payload }, token: api.tokens.backOffice });
    const full = await credit({});
    expect(full.statusCode, full.body).toBe(201);
    expect(expectProblem(await credit({ lines: [{ lineId: "1", quantity: "1" }] }), 422).code).toBe("CREDIT_EXCEEDS_INVOICE");
    expect((await remove(full.json<InvoiceBody>().id)).statusCode).toBe(204);
    expect((await credit({ lines: [{ lineId: "1", quantity: "1" }] })).statusCode).toBe(201);
  });

  it("Idempotency-Key: a retried delete replays the 204 instead of answering 404", async () => {
    const body = await draft();
    const headers = { "idempotency-key": `delete-${body.id}` };
    const first = await remove(body.id, api.tokens.backOffice, headers);
    expect(first.statusCode, first.body).toBe(204);
    const replay = await remove(body.id, api.tokens.backOffice, headers);
    expect(replay.statusCode, replay.body).toBe(204);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    // Without the key a second delete finds nothing.
    expectProblem(await remove(body.id), 404);
  });
});
