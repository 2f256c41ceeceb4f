import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOICE_NUMBER_SERIES, checkNumberSequence } from "@kontor/invoicing";
import { testDatabaseKind } from "@kontor/db/testing";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  // The pool must allow the concurrency: on PostgreSQL the finalizations really contend.
  api = await createTestApi({ maxConnections: 60 });
});
afterAll(() => api.close());

describe(`concurrent finalization on ${testDatabaseKind()} (issue 9)`, () => {
  it("50 concurrent invoice finalizations produce 50 consecutive numbers with no gap or duplicate", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      const response = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput({ buyerReference: `MUELLER-${index}` }), token: api.tokens.backOffice });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json<{ id: string }>().id);
    }
    const responses = await Promise.all(ids.map((id) => api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice })));
    expect(responses.map((response) => response.statusCode)).toEqual(ids.map(() => 200));
    const numbers = responses.map((response) => response.json<{ number: string }>().number);
    expect(checkNumberSequence(INVOICE_NUMBER_SERIES, numbers)).toEqual({ ok: true, value: true });
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, index) => `RE-2026-${String(index + 1).padStart(6, "0")}`));
    // Each number belongs to the invoice that reports it, and every PDF was stored with it.
    for (const [index, id] of ids.entries()) {
      const read = await api.request({ method: "GET", url: `/v1/invoices/${id}/xml`, token: api.tokens.backOffice });
      expect(read.body).toContain(`<ram:ID>${numbers[index] ?? "?"}</ram:ID>`);
    }
  }, 120_000);
});
