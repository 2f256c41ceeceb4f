import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { embeddedCiiXml, pdfText } from "../../testing/pdf-bytes.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

interface InvoiceBody {
  id: string;
  organizationId: string;
  type: string;
  status: string;
  number: string | null;
  issueDate: string;
  dueDate: string;
  precedingInvoiceId: string | null;
  precedingInvoice?: { number: string; issueDate: string };
  totals: { lineNetTotal: { amount: string }; taxTotal: { amount: string }; grandTotal: { amount: string }; vatBreakdown: { category: string; rate: string; taxableAmount: { amount: string }; taxAmount: { amount: string } }[] };
  lines: { netAmount: { amount: string } }[];
  version: number;
  finalizedAt: string | null;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
});
afterAll(() => api.close());

async function draft(payload: unknown = muellerInvoiceInput(), token = api.tokens.backOffice): Promise<InvoiceBody> {
  const response = await api.request({ method: "POST", url: "/v1/invoices", payload: payload as never, token });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<InvoiceBody>();
}

async function finalize(id: string, token = api.tokens.backOffice) {
  return api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token });
}

describe(`invoices on ${testDatabaseKind()}`, () => {
  it("T5, T1: a draft has per-rate tax on the rate's net total, totals of rounded values, and a due date moved under §193 BGB", async () => {
    const body = await draft();
    expect(body).toMatchObject({ status: "draft", number: null, type: "invoice", organizationId: "org-mueller", issueDate: "2026-11-25", finalizedAt: null, version: 1 });
    // 2026-11-25 + 30 days = Friday 2026-12-25 (Christmas) → Monday 2026-12-28.
    expect(body.dueDate).toBe("2026-12-28");
    expect(body.lines.map((line) => line.netAmount.amount)).toEqual(["119.88", "142.50", "37.04"]);
    expect(body.totals.vatBreakdown.map((entry) => [entry.category, entry.rate, entry.taxableAmount.amount, entry.taxAmount.amount])).toEqual([
      ["S", "19", "262.38", "49.85"],
      ["S", "7", "37.04", "2.59"],
    ]);
    expect([body.totals.lineNetTotal.amount, body.totals.taxTotal.amount, body.totals.grandTotal.amount]).toEqual(["299.42", "52.44", "351.86"]);
    const read = await api.request({ method: "GET", url: `/v1/invoices/${body.id}`, token: api.tokens.accountManager });
    expect(read.json<InvoiceBody>()).toEqual(body);
  });

  it("BT-149: a line in minutes priced per 60 minutes nets 50 × 95.00 ÷ 60 = 79.17 and shows its base quantity; other lines show 1", async () => {
    const input = muellerInvoiceInput();
    const body = await draft({
      ...input,
      lines: [
        ...input.lines,
        { kind: "time-and-material", description: "Fernwartung", quantity: "50", unitCode: "MIN", baseQuantity: "60", unitPrice: { amount: "95.00", currency: "EUR" }, vat: { category: "S", rate: "19" } },
      ],
    });
    const lines = body.lines as unknown as { quantity: string; baseQuantity: string; unitCode: string; netAmount: { amount: string } }[];
    expect(lines.map((line) => [line.quantity, line.unitCode, line.baseQuantity, line.netAmount.amount]).slice(-2)).toEqual([
      ["3", expect.any(String), "1", "37.04"],
      ["50", "MIN", "60", "79.17"],
    ]);
    // 19 %: 262.38 + 79.17 = 341.55 → tax 64.89; 7 %: 37.04 → 2.59.
    expect([body.totals.lineNetTotal.amount, body.totals.taxTotal.amount, body.totals.grandTotal.amount]).toEqual(["378.59", "67.48", "446.07"]);
  });

  it("T3: reverse charge (AE) without the buyer's VAT ID is a 422 with the rule code and field", async () => {
    const input = muellerInvoiceInput();
    const response = await api.request({
      method: "POST",
      url: "/v1/invoices",
      payload: { ...input, lines: input.lines.map((line) => ({ ...line, vat: { category: "AE", rate: "0" } })) },
      token: api.tokens.backOffice,
    });
    const problem = expectProblem(response, 422, "body.buyer.vatId");
    expect(problem.code).toBe("T3_REVERSE_CHARGE_VAT_IDS_MISSING");
  });

  it("K10: only back office, account managers and admins compose; other staff 403; portal users and unknown organizations 404", async () => {
    expectProblem(await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput(), token: api.tokens.dispatcher }), 403);
    expectProblem(await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput(), token: api.tokens.muellerManager }), 404);
    expectProblem(await api.request({ method: "POST", url: "/v1/invoices", payload: { ...muellerInvoiceInput(), organizationId: "org-unknown" }, token: api.tokens.admin }), 404);
    expect((await draft(muellerInvoiceInput(), api.tokens.accountManager)).status).toBe("draft");
  });

  it("finalizes with the next number, stores PDF and XML once, writes invoice.finalized, and refuses a second finalization", async () => {
    const body = await draft();
    api.clock.set(new Date("2026-11-26T08:15:00Z"));
    const response = await finalize(body.id);
    expect(response.statusCode, response.body).toBe(200);
    const finalized = response.json<InvoiceBody>();
    expect(finalized.number).toMatch(/^RE-2026-\d{6}$/);
    // BT-2: dated the day it is issued, not the draft's 2026-11-25; net 30 from 2026-11-26 ends on
    // Saturday 2026-12-26 (2nd Christmas Day) → Monday 2026-12-28.
    expect(finalized).toMatchObject({ status: "finalized", version: 2, finalizedAt: "2026-11-26T08:15:00.000Z", issueDate: "2026-11-26", dueDate: "2026-12-28" });
    expect(finalized.totals.grandTotal.amount).toBe("351.86");

    const events = await outboxEventsOf(api.database.db, "invoice", body.id);
    expect(events.map((event) => [event.topic, event.dedupeKey])).toEqual([["invoice.finalized", `invoice.finalized:${body.id}`]]);
    expect(events[0]?.payload).toMatchObject({ invoiceId: body.id, organizationId: "org-mueller", number: finalized.number, dueDate: "2026-12-28", grandTotal: { amount: "351.86", currency: "EUR" } });

    const again = await finalize(body.id);
    expect(expectProblem(again, 409).code).toBe("INVOICE_FINALIZED");
    expect(await outboxEventsOf(api.database.db, "invoice", body.id)).toHaveLength(1);
    const read = await api.request({ method: "GET", url: `/v1/invoices/${body.id}`, token: api.tokens.backOffice });
    expect(read.json<InvoiceBody>().number).toBe(finalized.number);
  });

  it("serves the stored PDF/A-3: %PDF-, the number in its metadata, the embedded factur-x.xml equal to the XML download", async () => {
    const body = await draft();
    const number = (await finalize(body.id)).json<InvoiceBody>().number ?? "";
    const pdfResponse = await api.request({ method: "GET", url: `/v1/invoices/${body.id}/pdf`, token: api.tokens.muellerManager });
    expect(pdfResponse.statusCode).toBe(200);
    expect(pdfResponse.headers["content-type"]).toBe("application/pdf");
    const pdf = pdfResponse.rawPayload;
    const raw = pdfText(pdf);
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(raw).toContain(`Rechnung ${number}`);
    const embedded = embeddedCiiXml(pdf);
    expect(embedded).toContain(`<ram:ID>${number}</ram:ID>`);
    expect(embedded).toContain("<ram:GrandTotalAmount>351.86</ram:GrandTotalAmount>");

    const xmlResponse = await api.request({ method: "GET", url: `/v1/invoices/${body.id}/xml`, token: api.tokens.muellerManager });
    expect(xmlResponse.statusCode).toBe(200);
    expect(xmlResponse.headers["content-type"]).toMatch(/^application\/xml/);
    const xml = xmlResponse.body;
    expect(xml).toContain("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0");
    expect(xml).toContain(`<ram:ID>${number}</ram:ID>`);
    expect(xml).toContain("<ram:TaxBasisTotalAmount>299.42</ram:TaxBasisTotalAmount>");
    expect(xml).toContain('<ram:TaxTotalAmount currencyID="EUR">52.44</ram:TaxTotalAmount>');
    expect(xml).toContain("<ram:GrandTotalAmount>351.86</ram:GrandTotalAmount>");
    expect(xml).toContain("<ram:CalculatedAmount>49.85</ram:CalculatedAmount>");

    // The document never changes: a later download is byte-identical, whatever the clock says.
    api.clock.set(new Date("2027-03-01T12:00:00Z"));
    const later = await api.request({ method: "GET", url: `/v1/invoices/${body.id}/pdf`, token: api.tokens.backOffice });
    expect(Buffer.compare(later.rawPayload, pdf)).toBe(0);
    api.clock.set(new Date("2026-11-26T08:15:00Z"));
  });

  it("K10: portal managers read their finalized invoices only; drafts, reporters, Bäckerei and staff without invoice:read get 404; only writers finalize", async () => {
    const open = await draft();
    const done = await draft();
    await finalize(done.id);
    for (const url of [`/v1/invoices/${open.id}`, `/v1/invoices/${open.id}/pdf`]) {
      expectProblem(await api.request({ method: "GET", url, token: api.tokens.muellerManager }), 404);
    }
    expectProblem(await api.request({ method: "GET", url: `/v1/invoices/${done.id}`, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: `/v1/invoices/${done.id}/xml`, token: api.tokens.baeckereiManager }), 404);
    // requireAccess answers reads the role lacks with 404, as if absent.
    expectProblem(await api.request({ method: "GET", url: `/v1/invoices/${done.id}`, token: api.tokens.dispatcher }), 404);
    expectProblem(await finalize(open.id, api.tokens.technician), 403);
    expectProblem(await finalize(open.id, api.tokens.muellerManager), 404);
    expect(expectProblem(await api.request({ method: "GET", url: `/v1/invoices/${open.id}/pdf`, token: api.tokens.backOffice }), 409).code).toBe("INVOICE_NOT_FINALIZED");
    expect((await api.request({ method: "GET", url: `/v1/invoices/${done.id}`, token: api.tokens.muellerManager })).json<InvoiceBody>().status).toBe("finalized");
  });

  it("lists a page at a time; portal managers see only their organization's finalized invoices", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/invoices?limit=2${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page = (await api.request({ method: "GET", url, token: api.tokens.backOffice })).json<{ items: InvoiceBody[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(all).size).toBe(all.length);
    const staffDrafts = (await api.request({ method: "GET", url: "/v1/invoices?status=draft&limit=200", token: api.tokens.admin })).json<{ items: InvoiceBody[] }>().items;
    const staffFinalized = (await api.request({ method: "GET", url: "/v1/invoices?status=finalized&limit=200", token: api.tokens.admin })).json<{ items: InvoiceBody[] }>().items;
    expect(staffDrafts.length + staffFinalized.length).toBe(all.length);
    expect(staffDrafts.length).toBeGreaterThan(0);

    const portal = (await api.request({ method: "GET", url: "/v1/invoices?status=draft&limit=200", token: api.tokens.muellerManager })).json<{ items: InvoiceBody[] }>().items;
    expect(portal.map((item) => item.id).sort()).toEqual(staffFinalized.map((item) => item.id).sort());
    expect(portal.every((item) => item.status === "finalized" && item.organizationId === "org-mueller")).toBe(true);
    const foreign = (await api.request({ method: "GET", url: "/v1/invoices?organizationId=org-mueller", token: api.tokens.baeckereiManager })).json<{ items: InvoiceBody[] }>().items;
    expect(foreign).toEqual([]);
    expectProblem(await api.request({ method: "GET", url: "/v1/invoices", token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/invoices?cursor=nonsense", token: api.tokens.admin }), 400, "query.cursor");
  });

  it("credit note: references the finalized invoice (BG-3), is numbered in the RK- series, and a draft cannot be credited", async () => {
    const original = await draft();
    const number = (await finalize(original.id)).json<InvoiceBody>().number;
    const response = await api.request({
      method: "POST",
      url: `/v1/invoices/${original.id}/credit-notes`,
      payload: { issueDate: "2026-11-30", reason: "Zwei Lizenzen zu viel berechnet.", lines: [{ lineId: "1", quantity: "2" }] },
      token: api.tokens.backOffice,
    });
    expect(response.statusCode, response.body).toBe(201);
    const credit = response.json<InvoiceBody>();
    // 2 × 9.99 = 19.98 net, 19 % = 3.7962 → 3.80, total 23.78. The invoice was issued on the
    // day it was finalized (2026-11-26), not on its draft's 2026-11-25.
    expect(credit).toMatchObject({ type: "credit-note", status: "draft", precedingInvoiceId: original.id, precedingInvoice: { number, issueDate: "2026-11-26" } });
    expect([credit.totals.lineNetTotal.amount, credit.totals.taxTotal.amount, credit.totals.grandTotal.amount]).toEqual(["19.98", "3.80", "23.78"]);
    const finalized = (await finalize(credit.id)).json<InvoiceBody>();
    expect(finalized.number).toBe("RK-2026-000001");
    // A draft dated ahead (2026-11-30) is issued on the day it is finalized too.
    expect(finalized.issueDate).toBe("2026-11-26");
    const xml = (await api.request({ method: "GET", url: `/v1/invoices/${credit.id}/xml`, token: api.tokens.backOffice })).body;
    expect(xml).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(xml).toContain(`<ram:IssuerAssignedID>${number}</ram:IssuerAssignedID>`);

    const open = await draft();
    const refused = await api.request({ method: "POST", url: `/v1/invoices/${open.id}/credit-notes`, payload: { issueDate: "2026-11-30", reason: "x" }, token: api.tokens.backOffice });
    expect(expectProblem(refused, 422).code).toBe("INVOICE_NOT_FINALIZED");
  });

  async function creditNote(id: string, payload: Record<string, unknown>) {
    return api.request({ method: "POST", url: `/v1/invoices/${id}/credit-notes`, payload: { issueDate: "2026-11-30", reason: "Gutschrift", ...payload }, token: api.tokens.backOffice });
  }

  it("CREDIT_EXCEEDS_INVOICE: the audit's double full credit of 351.86 EUR gives 201, then 422 naming the lines", async () => {
    const original = await draft();
    expect((await finalize(original.id)).statusCode).toBe(200);
    const first = await creditNote(original.id, {});
    expect(first.statusCode, first.body).toBe(201);
    const credit = first.json<InvoiceBody>();
    expect([credit.totals.lineNetTotal.amount, credit.totals.taxTotal.amount, credit.totals.grandTotal.amount]).toEqual(["299.42", "52.44", "351.86"]);
    expect((await finalize(credit.id)).json<InvoiceBody>().number).toMatch(/^RK-2026-\d{6}$/);

    const again = expectProblem(await creditNote(original.id, {}), 422, "body.lines");
    expect(again.code).toBe("CREDIT_EXCEEDS_INVOICE");
    expect(again.detail).toContain("Line 1 of invoice");
    expect(again.detail).toContain("was invoiced for 12 and is credited for 12 already: nothing is left to credit");
    const named = expectProblem(await creditNote(original.id, { lines: [{ lineId: "3", quantity: "1" }] }), 422, "body.lines.0.quantity");
    expect(named.code).toBe("CREDIT_EXCEEDS_INVOICE");
    // Only the one credit note references the invoice.
    const all = (await api.request({ method: "GET", url: "/v1/invoices?limit=200", token: api.tokens.admin })).json<{ items: InvoiceBody[] }>().items;
    expect(all.filter((item) => item.precedingInvoiceId === original.id).map((item) => item.id)).toEqual([credit.id]);
  });

  it("CREDIT_EXCEEDS_INVOICE: draft credit notes count; 5 then the remaining 7 of 12 licenses pass, 1 more is refused", async () => {
    const original = await draft();
    expect((await finalize(original.id)).statusCode).toBe(200);
    const five = await creditNote(original.id, { lines: [{ lineId: "1", quantity: "5" }] });
    expect(five.statusCode, five.body).toBe(201);
    // 5 × 9.99 = 49.95, 19 % = 9.4905 → 9.49, 59.44 EUR.
    const fiveTotals = five.json<InvoiceBody>().totals;
    expect([fiveTotals.lineNetTotal.amount, fiveTotals.taxTotal.amount, fiveTotals.grandTotal.amount]).toEqual(["49.95", "9.49", "59.44"]);
    // Still a draft: the next credit note sees it.
    const seven = await creditNote(original.id, { lines: [{ lineId: "1", quantity: "7" }] });
    expect(seven.statusCode, seven.body).toBe(201);
    // 7 × 9.99 = 69.93, 19 % = 13.2867 → 13.29, 83.22 EUR; with the first: 119.88 net, the line's invoiced amount.
    const sevenTotals = seven.json<InvoiceBody>().totals;
    expect([sevenTotals.lineNetTotal.amount, sevenTotals.taxTotal.amount, sevenTotals.grandTotal.amount]).toEqual(["69.93", "13.29", "83.22"]);

    const more = expectProblem(await creditNote(original.id, { lines: [{ lineId: "2", quantity: "0.5" }, { lineId: "1", quantity: "1" }] }), 422, "body.lines.1.quantity");
    expect(more.code).toBe("CREDIT_EXCEEDS_INVOICE");
    expect(more.errors?.map((error) => [error.path, error.code])).toEqual([["body.lines.1.quantity", "CREDIT_EXCEEDS_INVOICE"]]);
    expect(expectProblem(await creditNote(original.id, {}), 422, "body.lines").code).toBe("CREDIT_EXCEEDS_INVOICE");
    // The other lines are still open: 1.5 h × 95.00 = 142.50, 19 % = 27.075 → 27.08, 169.58 EUR.
    const hours = await creditNote(original.id, { lines: [{ lineId: "2" }] });
    expect(hours.statusCode, hours.body).toBe(201);
    expect(hours.json<InvoiceBody>().totals.grandTotal.amount).toBe("169.58");
  });

  it("BG-3: POST /v1/invoices refuses credit notes and correction invoices (400 at body.type), pointing to the credit-notes route", async () => {
    for (const type of ["credit-note", "corrected-invoice"]) {
      const response = await api.request({
        method: "POST",
        url: "/v1/invoices",
        payload: { ...muellerInvoiceInput(), type, precedingInvoice: { number: "RE-1999-999999", issueDate: "1999-12-31" } },
        token: api.tokens.backOffice,
      });
      const problem = expectProblem(response, 400, "body.type");
      expect(problem.detail).toContain("POST /v1/invoices/{id}/credit-notes");
    }
    // An invoice is composed as before, with or without naming its type.
    expect((await draft({ ...muellerInvoiceInput(), type: "invoice" })).type).toBe("invoice");
  });
});
