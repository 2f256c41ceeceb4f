import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  // The pool must allow the concurrency: on PostgreSQL the credit notes really contend.
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z"), maxConnections: 30 });
});
afterAll(() => api.close());

async function finalizedInvoice(): Promise<string> {
  const created = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput(), token: api.tokens.backOffice });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const finalized = await api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice });
  expect(finalized.statusCode, finalized.body).toBe(200);
  return id;
}

function creditNote(id: string, payload: Record<string, unknown>) {
  return api.request({ method: "POST", url: `/v1/invoices/${id}/credit-notes`, payload: { issueDate: "2026-11-30", reason: "Storno", ...payload }, token: api.tokens.backOffice });
}

describe(`concurrent credit notes on ${testDatabaseKind()} (CREDIT_EXCEEDS_INVOICE)`, () => {
  it("CREDIT_EXCEEDS_INVOICE: two full credits of one invoice sent in parallel: exactly one 201, the other 422 (five invoices at once)", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push(await finalizedInvoice());
    const pairs = await Promise.all(ids.map((id) => Promise.all([creditNote(id, {}), creditNote(id, {})])));
    for (const pair of pairs) {
      expect(pair.map((response) => response.statusCode).sort()).toEqual([201, 422]);
      expect(pair.find((response) => response.statusCode === 422)?.json<{ code: string }>().code).toBe("CREDIT_EXCEEDS_INVOICE");
    }
    const notes = (await api.request({ method: "GET", url: "/v1/invoices?limit=200", token: api.tokens.admin }))
      .json<{ items: { precedingInvoiceId: string | null; totals: { grandTotal: { amount: string } } }[] }>()
      .items.filter((item) => item.precedingInvoiceId !== null && ids.includes(item.precedingInvoiceId));
    // One full credit of 351.86 EUR per invoice, never two.
    expect(notes.map((note) => note.totals.grandTotal.amount)).toEqual(ids.map(() => "351.86"));
  }, 60_000);

  it("CREDIT_EXCEEDS_INVOICE: ten parallel credits of 2 of the 12 licenses: exactly six pass, 12 licenses credited", async () => {
    const id = await finalizedInvoice();
    const responses = await Promise.all(Array.from({ length: 10 }, () => creditNote(id, { lines: [{ lineId: "1", quantity: "2" }] })));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(6);
    expect(statuses.filter((status) => status === 422)).toHaveLength(4);
    const notes = (await api.request({ method: "GET", url: "/v1/invoices?limit=200", token: api.tokens.admin }))
      .json<{ items: { precedingInvoiceId: string | null; lines: { quantity: string }[]; totals: { grandTotal: { amount: string } } }[] }>()
      .items.filter((item) => item.precedingInvoiceId === id);
    // 2 × 9.99 = 19.98, 19 % = 3.80, 23.78 EUR each.
    expect(notes.map((note) => [note.lines.map((line) => line.quantity), note.totals.grandTotal.amount])).toEqual(Array.from({ length: 6 }, () => [["2"], "23.78"]));
  }, 60_000);
});
