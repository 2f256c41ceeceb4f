import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TERMS_POLICY_SET } from "@kontor/terms";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { type BalanceBody, type PaymentsView, eur, finalizedMuellerInvoice, type MoneyBody } from "./payment-test-support.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

interface OverdueItem {
  readonly id: string;
  readonly organizationId: string;
  readonly number: string;
  readonly dueDate: string;
  readonly overdueDays: number;
  readonly open: MoneyBody;
  readonly paid: MoneyBody;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};

const finalizedInvoice = (buyerReference: string) => finalizedMuellerInvoice(api, buyerReference);

const pay = (id: string, payload: unknown, token = api.tokens.backOffice, headers: Record<string, string> = {}) =>
  api.request({ method: "POST", url: `/v1/invoices/${id}/payments`, payload: payload as never, token, headers });
const view = (id: string, query = "", who: keyof TestTokens = "backOffice") => api.request({ method: "GET", url: `/v1/invoices/${id}/payments${query}`, token: api.tokens[who] });
const overdue = (query: string, who: keyof TestTokens = "backOffice") => api.request({ method: "GET", url: `/v1/invoices/overdue${query}`, token: api.tokens[who] });

describe(`invoice payments and T6 claims on ${testDatabaseKind()}`, () => {
  it("T6: two partial payments and the rest — balance, overdue days and the claim split at each payment and at the 2027 base rate, then paid", async () => {
    // P1: the installation's base-rate history, with a 2027-01-01 rate of 2.27 % (test data).
    const terms = JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as { latePayment: { version: string; baseRates: { effectiveFrom: string; ratePercent: string; note?: string }[] }[] };
    const [late] = terms.latePayment;
    if (late === undefined) throw new Error("no shipped late-payment policy");
    terms.latePayment = [{ ...late, version: "test-2027-01", baseRates: [...late.baseRates, { effectiveFrom: "2027-01-01", ratePercent: "2.27", note: "test" }] }];
    const put = await api.request({ method: "PUT", url: "/v1/terms-policies", token: api.tokens.admin, payload: { policies: terms } });
    expect(put.statusCode, put.body.slice(0, 300)).toBe(201);

    const { id, number } = await finalizedInvoice("MUELLER-PAY-T6");
    at("2026-12-02T10:00:00Z");
    const first = await pay(id, { amount: eur("100.00"), receivedOn: "2026-12-01", method: "bank-transfer", reference: `${number} Teilzahlung` });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ balance: BalanceBody }>().balance).toMatchObject({ status: "partially-paid", paid: eur("100.00"), open: eur("251.86"), overdueDays: 0 });
    const before = (await view(id)).json<PaymentsView>();
    expect(before).toMatchObject({ asOf: "2026-12-02", latePayment: null });
    expect(before.payments.map(({ id: paymentId, ...payment }) => [typeof paymentId, payment])).toEqual([
      ["string", { amount: eur("100.00"), receivedOn: "2026-12-01", method: "bank-transfer", reference: `${number} Teilzahlung`, reversal: null }],
    ]);

    at("2027-01-20T10:00:00Z");
    expect((await pay(id, { amount: eur("151.86"), receivedOn: "2027-01-15", method: "bank-transfer" })).statusCode).toBe(201);

    const late31 = await view(id, "?asOf=2027-01-31");
    expect(late31.statusCode, late31.body).toBe(200);
    const claimed = late31.json<PaymentsView>();
    expect(claimed.balance).toMatchObject({ status: "partially-paid", paid: eur("251.86"), open: eur("100.00"), overdueDays: 34, settledOn: null });
    // 251.86 from 29 Dec to 15 Jan (the day the money arrived counts): 3 days at 1.27 + 9 = 10.27 %
    // → 0.2126 → 0.21; 15 days at 2.27 + 9 = 11.27 % → 1.1665 → 1.17. Then 100.00 for 16 days at
    // 11.27 % → 0.4940 → 0.49. Interest 1.87, plus the 40 EUR flat fee of § 288 (5) BGB.
    expect(claimed.latePayment?.segments.map((segment) => [segment.from, segment.until, segment.principal.amount, segment.interest.amount])).toEqual([
      ["2026-12-29", "2027-01-15", "251.86", "1.38"],
      ["2027-01-16", "2027-01-31", "100.00", "0.49"],
    ]);
    expect(claimed.latePayment?.segments[0]?.periods.map((period) => [period.from, period.until, period.days, period.ratePercent, period.interest.amount])).toEqual([
      ["2026-12-29", "2026-12-31", 3, "10.27", "0.21"],
      ["2027-01-01", "2027-01-15", 15, "11.27", "1.17"],
    ]);
    expect(claimed.latePayment).toMatchObject({ interest: eur("1.87"), flatFee: eur("40.00"), total: eur("41.87") });

    const listed = (await overdue("?asOf=2027-01-31")).json<{ items: OverdueItem[] }>().items.find((item) => item.id === id);
    expect(listed).toMatchObject({ number, dueDate: "2026-12-28", overdueDays: 34, paid: eur("251.86"), open: eur("100.00") });

    at("2027-02-01T10:00:00Z");
    const rest = await pay(id, { amount: eur("100.00"), receivedOn: "2027-01-31", method: "sepa-direct-debit" });
    expect(rest.json<{ balance: BalanceBody }>().balance).toMatchObject({ status: "paid", open: eur("0.00"), settledOn: "2027-01-31", overdueDays: 0 });
    // The claim stays what it was on the day of payment: the interest ran until it.
    expect((await view(id, "?asOf=2027-02-10")).json<PaymentsView>().latePayment).toMatchObject({ interest: eur("1.87"), total: eur("41.87") });
    expect((await overdue("?asOf=2027-02-10")).json<{ items: OverdueItem[] }>().items.map((item) => item.id)).not.toContain(id);

    const again = expectProblem(await pay(id, { amount: eur("0.01"), receivedOn: "2027-02-01", method: "bank-transfer" }), 422);
    expect(again.code).toBe("PAYMENT_EXCEEDS_OPEN_AMOUNT");
    expect(again.errors?.[0]?.path).toBe("body.amount.amount");

    const events = await outboxEventsOf(api.database.db, "invoice", id);
    expect(events.filter((event) => event.topic === "invoice.payment-recorded")).toHaveLength(3);
    expect(events.filter((event) => event.topic === "invoice.paid").map((event) => event.payload)).toEqual([
      expect.objectContaining({ number, settledOn: "2027-01-31", open: eur("0.00") }),
    ]);
  });

  it("refuses what was not received: more than is open (naming it), another currency, a future day, a day before the issue date, an unknown method", async () => {
    const { id } = await finalizedInvoice("MUELLER-PAY-REFUSED");
    at("2026-12-10T10:00:00Z");
    expect((await pay(id, { amount: eur("51.86"), receivedOn: "2026-12-09", method: "paypal" })).statusCode).toBe(201);
    const cases: [unknown, number, string, string][] = [
      [{ amount: eur("300.01"), receivedOn: "2026-12-10", method: "bank-transfer" }, 422, "PAYMENT_EXCEEDS_OPEN_AMOUNT", "body.amount.amount"],
      [{ amount: { amount: "300.00", currency: "USD" }, receivedOn: "2026-12-10", method: "bank-transfer" }, 422, "PAYMENT_CURRENCY_MISMATCH", "body.amount.currency"],
      [{ amount: eur("0.00"), receivedOn: "2026-12-10", method: "bank-transfer" }, 422, "PAYMENT_NOT_POSITIVE", "body.amount.amount"],
      [{ amount: eur("10.00"), receivedOn: "2026-12-11", method: "bank-transfer" }, 422, "PAYMENT_IN_FUTURE", "body.receivedOn"],
      [{ amount: eur("10.00"), receivedOn: "2026-11-24", method: "bank-transfer" }, 422, "PAYMENT_BEFORE_INVOICE", "body.receivedOn"],
    ];
    for (const [body, status, code, field] of cases) {
      const refused = expectProblem(await pay(id, body), status);
      expect(refused.code, JSON.stringify(body)).toBe(code);
      expect(refused.errors?.map((error) => error.path)).toContain(field);
    }
    expect(expectProblem(await pay(id, { amount: eur("300.01"), receivedOn: "2026-12-10", method: "bank-transfer" }), 422).detail).toContain("300.00");
    const method = expectProblem(await pay(id, { amount: eur("10.00"), receivedOn: "2026-12-10", method: "cash" }), 400);
    expect(method.errors?.map((error) => error.path)).toContain("body.method");
    const view10 = (await view(id)).json<PaymentsView>();
    expect(view10.payments).toHaveLength(1);
    expect(view10.balance).toMatchObject({ status: "partially-paid", open: eur("300.00") });
  });

  it("a draft takes no payment (409) and a credit note is paid out, not in (409); a finalized credit note lowers what is open", async () => {
    at("2026-11-25T09:00:00Z");
    const draft = (await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput({ buyerReference: "MUELLER-PAY-DRAFT" }), token: api.tokens.backOffice })).json<{ id: string }>();
    expect(expectProblem(await pay(draft.id, { amount: eur("1.00"), receivedOn: "2026-11-25", method: "bank-transfer" }), 409).code).toBe("PAYMENT_INVOICE_NOT_FINALIZED");

    const { id } = await finalizedInvoice("MUELLER-PAY-CREDIT");
    const credit = await api.request({ method: "POST", url: `/v1/invoices/${id}/credit-notes`, token: api.tokens.backOffice, payload: { issueDate: "2026-11-25", reason: "Alles storniert." } });
    expect(credit.statusCode, credit.body).toBe(201);
    const creditId = credit.json<{ id: string }>().id;
    // A draft credit note credits nothing yet.
    expect((await view(id)).json<PaymentsView>().balance).toMatchObject({ status: "unpaid", credited: eur("0.00"), open: eur("351.86") });
    expect((await api.request({ method: "POST", url: `/v1/invoices/${creditId}/finalization`, token: api.tokens.backOffice })).statusCode).toBe(200);
    expect(expectProblem(await pay(creditId, { amount: eur("1.00"), receivedOn: "2026-11-25", method: "bank-transfer" }), 409).code).toBe("PAYMENT_NOT_PAYABLE_TYPE");
    expect((await view(id)).json<PaymentsView>().balance).toMatchObject({ status: "paid", credited: eur("351.86"), paid: eur("0.00"), open: eur("0.00") });
    expect(expectProblem(await pay(id, { amount: eur("1.00"), receivedOn: "2026-11-25", method: "bank-transfer" }), 422).code).toBe("PAYMENT_EXCEEDS_OPEN_AMOUNT");
  });

  it("K10: portal managers read their own invoice's payments and overdue list, never record payments (404, as every staff route) or see another customer's", async () => {
    const { id } = await finalizedInvoice("MUELLER-PAY-PORTAL");
    at("2027-01-05T10:00:00Z");
    expect((await view(id, "", "muellerManager")).json<PaymentsView>().balance).toMatchObject({ status: "unpaid", overdueDays: 8 });
    expectProblem(await view(id, "", "baeckereiManager"), 404);
    expectProblem(await pay(id, { amount: eur("1.00"), receivedOn: "2027-01-05", method: "bank-transfer" }, api.tokens.muellerManager), 404);
    expectProblem(await pay(id, { amount: eur("1.00"), receivedOn: "2027-01-05", method: "bank-transfer" }, api.tokens.baeckereiManager), 404);
    expect((await overdue("", "muellerManager")).json<{ items: OverdueItem[] }>().items.map((item) => item.id)).toContain(id);
    const foreign = (await overdue(`?organizationId=${api.organizations.mueller}`, "baeckereiManager")).json<{ items: OverdueItem[] }>().items;
    expect(foreign.filter((item) => item.organizationId === api.organizations.mueller)).toEqual([]);
  });

  it("the overdue list pages by due date with a cursor, and an invoice due today is not overdue", async () => {
    const { id } = await finalizedInvoice("MUELLER-PAY-PAGED");
    at("2027-03-01T10:00:00Z");
    expect((await overdue("?asOf=2026-12-28")).json<{ items: OverdueItem[] }>().items.map((item) => item.id)).not.toContain(id);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { items: OverdueItem[]; nextCursor: string | null } = (await overdue(`?asOf=2026-12-29&limit=1${cursor === "" ? "" : `&cursor=${cursor}`}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    expect(seen).toContain(id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(expectProblem(await overdue("?cursor=bm9wZQ"), 400).errors?.map((error) => error.path)).toContain("query.cursor");
  });

  it("Idempotency-Key: a retried payment is recorded once", async () => {
    const { id } = await finalizedInvoice("MUELLER-PAY-RETRY");
    at("2026-12-01T10:00:00Z");
    const body = { amount: eur("51.86"), receivedOn: "2026-12-01", method: "bank-transfer" };
    const first = await pay(id, body, api.tokens.backOffice, { "idempotency-key": "pay-retry-1" });
    const second = await pay(id, body, api.tokens.backOffice, { "idempotency-key": "pay-retry-1" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect((await view(id)).json<PaymentsView>().balance).toMatchObject({ paid: eur("51.86"), open: eur("300.00") });
  });

  it("concurrent payments never pay more than is open: five of 100.00 on 351.86 give three 201s", async () => {
    const { id } = await finalizedInvoice("MUELLER-PAY-RACE");
    at("2026-12-01T10:00:00Z");
    const responses = await Promise.all(Array.from({ length: 5 }, () => pay(id, { amount: eur("100.00"), receivedOn: "2026-12-01", method: "bank-transfer" })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 201, 201, 422, 422]);
    expect((await view(id)).json<PaymentsView>().balance).toMatchObject({ paid: eur("300.00"), open: eur("51.86") });
  });
});
