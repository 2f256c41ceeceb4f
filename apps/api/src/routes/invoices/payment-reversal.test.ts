import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { eur, finalizedMuellerInvoice, type BalanceBody, type MoneyBody, type PaymentBody, type PaymentsView } from "./payment-test-support.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};

const finalizedInvoice = (buyerReference: string) => finalizedMuellerInvoice(api, buyerReference);

async function pay(id: string, amount: string, receivedOn: string, method = "bank-transfer"): Promise<PaymentBody> {
  const response = await api.request({ method: "POST", url: `/v1/invoices/${id}/payments`, payload: { amount: eur(amount), receivedOn, method }, token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ payment: PaymentBody }>().payment;
}

const reverse = (id: string, paymentId: string, payload: unknown, token: keyof TestTokens = "backOffice", headers: Record<string, string> = {}) =>
  api.request({ method: "POST", url: `/v1/invoices/${id}/payments/${paymentId}/reversal`, payload: payload as never, token: api.tokens[token], headers });
const view = async (id: string, query = "") => {
  const response = await api.request({ method: "GET", url: `/v1/invoices/${id}/payments${query}`, token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PaymentsView>();
};
const overdueIds = async (asOf: string) =>
  (await api.request({ method: "GET", url: `/v1/invoices/overdue?asOf=${asOf}&limit=200`, token: api.tokens.backOffice })).json<{ items: { id: string; paid: MoneyBody; open: MoneyBody }[] }>().items;

describe(`payment reversal on ${testDatabaseKind()}`, () => {
  it("a direct debit of 351.86 collected 2026-12-20 comes back 2027-01-10: unpaid and overdue again, T6 from 2026-12-29 as if never paid, then paid again", async () => {
    const { id, number } = await finalizedInvoice("MUELLER-REVERSAL-DEBIT");
    at("2026-12-21T10:00:00Z");
    const debit = await pay(id, "351.86", "2026-12-20", "sepa-direct-debit");
    expect(debit.reversal).toBeNull();
    expect((await view(id)).balance).toMatchObject({ status: "paid", settledOn: "2026-12-20" });
    expect((await overdueIds("2027-01-10")).map((item) => item.id)).not.toContain(id);

    at("2027-01-10T10:00:00Z");
    const before = await outboxEventsOf(api.database.db, "invoice", id);
    const reversed = await reverse(id, debit.id, { reason: "returned", reversedOn: "2027-01-10", note: "MD06 Rückgabe auf Verlangen des Zahlers" });
    expect(reversed.statusCode, reversed.body).toBe(200);
    const body = reversed.json<{ payment: PaymentBody; balance: BalanceBody }>();
    expect(body.payment).toEqual({ ...debit, reversal: { reversedOn: "2027-01-10", reason: "returned", note: "MD06 Rückgabe auf Verlangen des Zahlers" } });
    // 2026-12-28 → 2027-01-10: 13 days overdue, nothing paid.
    expect(body.balance).toMatchObject({ status: "unpaid", paid: eur("0.00"), open: eur("351.86"), settledOn: null, overdueDays: 13 });

    // The reversal's one event, and nothing else.
    const after = await outboxEventsOf(api.database.db, "invoice", id);
    const added = after.filter((event) => !before.some((earlier) => earlier.id === event.id));
    expect(added.map((event) => [event.topic, event.dedupeKey])).toEqual([["invoice.payment-reversed", `invoice.payment-reversed:${debit.id}`]]);
    expect(added[0]?.payload).toEqual({
      invoiceId: id,
      organizationId: api.organizations.mueller,
      number,
      paymentId: debit.id,
      amount: eur("351.86"),
      receivedOn: "2026-12-20",
      reversedOn: "2027-01-10",
      reason: "returned",
      note: "MD06 Rückgabe auf Verlangen des Zahlers",
      open: eur("351.86"),
    });

    at("2027-01-31T10:00:00Z");
    const late = await view(id, "?asOf=2027-01-31");
    // The reversed payment is still listed, with its reversal; the balance leaves it out.
    expect(late.payments).toEqual([body.payment]);
    expect(late.balance).toMatchObject({ status: "unpaid", paid: eur("0.00"), open: eur("351.86"), overdueDays: 34 });
    // T6 as if the money had never come: 2026-12-29..2027-01-31, 3 + 31 = 34 days on 351.86 at
    // 1.27 + 9 = 10.27 %: 351.86 × 0.1027 × 34 / 365 = 3.3660… → 3.37, plus the 40 EUR flat fee.
    expect(late.latePayment?.segments.map((segment) => [segment.from, segment.until, segment.principal.amount, segment.interest.amount])).toEqual([
      ["2026-12-29", "2027-01-31", "351.86", "3.37"],
    ]);
    expect(late.latePayment?.segments[0]?.periods.map((period) => [period.days, period.ratePercent])).toEqual([[34, "10.27"]]);
    expect(late.latePayment).toMatchObject({ interest: eur("3.37"), flatFee: eur("40.00"), total: eur("43.37") });
    expect((await overdueIds("2027-01-31")).find((item) => item.id === id)).toMatchObject({ paid: eur("0.00"), open: eur("351.86") });

    // A payment is reversed once.
    const twice = expectProblem(await reverse(id, debit.id, { reason: "recorded-in-error", reversedOn: "2027-01-31" }), 409);
    expect(twice.code).toBe("PAYMENT_ALREADY_REVERSED");

    // The open amount can be paid again; the invoice is paid (and announced as paid) again.
    at("2027-02-01T10:00:00Z");
    const again = await api.request({ method: "POST", url: `/v1/invoices/${id}/payments`, payload: { amount: eur("351.86"), receivedOn: "2027-01-31", method: "bank-transfer" }, token: api.tokens.backOffice });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<{ balance: BalanceBody }>().balance).toMatchObject({ status: "paid", paid: eur("351.86"), open: eur("0.00"), settledOn: "2027-01-31" });
    expect((await overdueIds("2027-02-01")).map((item) => item.id)).not.toContain(id);
    // The claim now ends the day the new money arrived: the same 34 days, 3.37.
    expect((await view(id, "?asOf=2027-02-10")).latePayment).toMatchObject({ interest: eur("3.37"), total: eur("43.37") });
    const events = await outboxEventsOf(api.database.db, "invoice", id);
    expect(events.filter((event) => event.topic === "invoice.paid").map((event) => (event.payload as { settledOn: string }).settledOn)).toEqual(["2026-12-20", "2027-01-31"]);
  });

  it("a payment booked on the wrong invoice: reversing the 200.00 leaves 151.86 paid and 200.00 open", async () => {
    const { id } = await finalizedInvoice("MUELLER-REVERSAL-WRONG");
    at("2027-01-04T10:00:00Z");
    const wrong = await pay(id, "200.00", "2026-12-15");
    const right = await pay(id, "151.86", "2027-01-04");
    at("2027-01-20T10:00:00Z");
    const reversed = await reverse(id, wrong.id, { reason: "recorded-in-error", reversedOn: "2027-01-20" });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json<{ payment: PaymentBody; balance: BalanceBody }>()).toMatchObject({
      payment: { id: wrong.id, reversal: { reversedOn: "2027-01-20", reason: "recorded-in-error", note: null } },
      balance: { status: "partially-paid", paid: eur("151.86"), open: eur("200.00"), overdueDays: 23 },
    });
    const listed = await view(id, "?asOf=2027-01-20");
    expect(listed.payments.map((payment) => [payment.id, payment.reversal?.reason ?? null])).toEqual([
      [wrong.id, "recorded-in-error"],
      [right.id, null],
    ]);
    // 2026-12-29..2027-01-04: 7 days on 351.86 = 0.6930… → 0.69; 2027-01-05..2027-01-20: 16 days on 200.00 = 0.9003… → 0.90.
    expect(listed.latePayment?.segments.map((segment) => [segment.from, segment.until, segment.principal.amount, segment.interest.amount])).toEqual([
      ["2026-12-29", "2027-01-04", "351.86", "0.69"],
      ["2027-01-05", "2027-01-20", "200.00", "0.90"],
    ]);
  });

  it("refuses a reversal before the payment arrived or in the future (422 at body.reversedOn), bad input (400), an unknown payment or one of another invoice (404)", async () => {
    const { id } = await finalizedInvoice("MUELLER-REVERSAL-REFUSED");
    const other = await finalizedInvoice("MUELLER-REVERSAL-OTHER");
    at("2026-12-10T10:00:00Z");
    const payment = await pay(id, "100.00", "2026-12-09");
    const foreignPayment = await pay(other.id, "100.00", "2026-12-09");

    const before = expectProblem(await reverse(id, payment.id, { reason: "returned", reversedOn: "2026-12-08" }), 422, "body.reversedOn");
    expect(before.code).toBe("PAYMENT_REVERSAL_BEFORE_PAYMENT");
    expect(before.detail).toContain("2026-12-09");
    const future = expectProblem(await reverse(id, payment.id, { reason: "returned", reversedOn: "2026-12-11" }), 422, "body.reversedOn");
    expect(future.code).toBe("PAYMENT_IN_FUTURE");
    expectProblem(await reverse(id, payment.id, { reason: "bounced", reversedOn: "2026-12-10" }), 400, "body.reason");
    expectProblem(await reverse(id, payment.id, { reason: "returned", reversedOn: "2026-12-32" }), 400, "body.reversedOn");
    expectProblem(await reverse(id, payment.id, { reason: "returned", reversedOn: "2026-12-10", note: "" }), 400, "body.note");
    expectProblem(await reverse(id, payment.id, { reason: "returned", reversedOn: "2026-12-10", amount: eur("100.00") }), 400);
    expectProblem(await reverse(id, "no-such-payment", { reason: "returned", reversedOn: "2026-12-10" }), 404);
    // The other invoice's payment is not a payment of this one.
    expectProblem(await reverse(id, foreignPayment.id, { reason: "returned", reversedOn: "2026-12-10" }), 404);
    expectProblem(await reverse("no-such-invoice", payment.id, { reason: "returned", reversedOn: "2026-12-10" }), 404);

    // Nothing was reversed: both payments stand.
    expect((await view(id)).payments.map((listed) => listed.reversal)).toEqual([null]);
    expect((await view(id)).balance).toMatchObject({ paid: eur("100.00"), open: eur("251.86") });
    expect((await view(other.id)).payments.map((listed) => listed.reversal)).toEqual([null]);
    const events = await outboxEventsOf(api.database.db, "invoice", id);
    expect(events.filter((event) => event.topic === "invoice.payment-reversed")).toEqual([]);
  });

  it("K10: portal users (own or foreign) get 404, a technician 403; only the invoice writers reverse", async () => {
    const { id } = await finalizedInvoice("MUELLER-REVERSAL-ACCESS");
    at("2026-12-10T10:00:00Z");
    const payment = await pay(id, "51.86", "2026-12-10");
    const body = { reason: "returned", reversedOn: "2026-12-10" };
    expectProblem(await reverse(id, payment.id, body, "muellerManager"), 404);
    expectProblem(await reverse(id, payment.id, body, "baeckereiManager"), 404);
    expectProblem(await reverse(id, payment.id, body, "technician"), 403);
    expect((await view(id)).payments.map((listed) => listed.reversal)).toEqual([null]);
    const accountManager = await reverse(id, payment.id, body, "accountManager");
    expect(accountManager.statusCode, accountManager.body).toBe(200);
  });

  it("concurrent reversals of one payment: one 200, one 409; an Idempotency-Key retry answers the same 200", async () => {
    const { id } = await finalizedInvoice("MUELLER-REVERSAL-RACE");
    at("2026-12-10T10:00:00Z");
    const first = await pay(id, "100.00", "2026-12-09");
    const second = await pay(id, "100.00", "2026-12-10");
    const responses = await Promise.all([0, 1].map(() => reverse(id, first.id, { reason: "returned", reversedOn: "2026-12-10" })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);

    const once = await reverse(id, second.id, { reason: "recorded-in-error", reversedOn: "2026-12-10" }, "backOffice", { "idempotency-key": "reversal-retry-1" });
    const retried = await reverse(id, second.id, { reason: "recorded-in-error", reversedOn: "2026-12-10" }, "backOffice", { "idempotency-key": "reversal-retry-1" });
    expect([once.statusCode, retried.statusCode]).toEqual([200, 200]);
    expect(retried.json()).toEqual(once.json());
    expect((await view(id)).balance).toMatchObject({ status: "unpaid", paid: eur("0.00"), open: eur("351.86") });
    const events = await outboxEventsOf(api.database.db, "invoice", id);
    expect(events.filter((event) => event.topic === "invoice.payment-reversed").map((event) => event.dedupeKey).sort()).toEqual(
      [`invoice.payment-reversed:${first.id}`, `invoice.payment-reversed:${second.id}`].sort(),
    );
  });
});
