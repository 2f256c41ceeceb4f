import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-12-18T09:00:00Z") });
});
afterAll(() => api.close());

const RATES = { base: "EUR", date: "2026-02-27", rates: { USD: "1.0800" } };

async function quote<T>(url: string, payload: unknown, token = api.tokens.muellerManager): Promise<T> {
  const response = await api.request({ method: "POST", url, payload: payload as never, token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

interface PaymentQuote {
  eligibility: { rule: string; allowed: { method: string; reason: string }[]; refused: { method: string; code: string }[]; policies: { id: string }[] };
  settlements: { method: string; earliest: string; latest: string; holidaysSkipped: { date: string }[] }[];
}

describe(`payment-method quotes on ${testDatabaseKind()}`, () => {
  it("T1: a data-center order of 9,500.00 EUR reaches 10,000 USD (9,259.26 EUR) and may go on invoice net 30", async () => {
    const body = await quote<PaymentQuote>("/v1/quotes/payment-methods", {
      order: { amount: { amount: "9500.00", currency: "EUR" }, billingModel: "data-center", buyerRole: "customer" },
      asOf: "2026-03-02T10:00:00+01:00",
      exchangeRates: RATES,
    });
    expect(body.eligibility.allowed.map((offer) => offer.method)).toEqual(["credit-card", "paypal", "bank-transfer", "check", "ach", "on-invoice"]);
    expect(body.eligibility.allowed.find((offer) => offer.method === "on-invoice")?.reason).toBe("T1: data-center order of 9500.00 EUR reaches the minimum of 10000.00 USD (9259.26 EUR)");
    expect(body.eligibility.policies.map((policy) => policy.id)).toEqual(["kontor.payment-terms"]);
  });

  it("T1: AUD orders get no card or check; cloud-monthly orders only the card; below 10,000 USD no net 30", async () => {
    const aud = await quote<PaymentQuote>("/v1/quotes/payment-methods", { order: { amount: { amount: "250.00", currency: "AUD" }, billingModel: "cloud-annual", buyerRole: "customer" }, exchangeRates: { base: "AUD", rates: { USD: "0.6500" } } });
    expect(aud.eligibility.refused.map((refusal) => [refusal.method, refusal.code])).toEqual([
      ["credit-card", "T1_CURRENCY_REFUSED"],
      ["check", "T1_CURRENCY_REFUSED"],
      ["on-invoice", "T1_BELOW_MINIMUM"],
    ]);
    const monthly = await quote<PaymentQuote>("/v1/quotes/payment-methods", { order: { amount: { amount: "99.00", currency: "EUR" }, billingModel: "cloud-monthly", buyerRole: "customer" }, exchangeRates: RATES });
    expect(monthly.eligibility.allowed.map((offer) => offer.method)).toEqual(["credit-card"]);
    expect(new Set(monthly.eligibility.refused.map((refusal) => refusal.code))).toEqual(new Set(["T1_BILLING_MODEL_EXCLUSIVE"]));
  });

  it("T2: a bank transfer started Friday 2026-12-18 in NRW clears 2026-12-28 … 2026-12-30, skipping both Christmas holidays", async () => {
    const body = await quote<PaymentQuote>("/v1/quotes/payment-methods", {
      organizationId: "org-mueller",
      order: { amount: { amount: "1200.00", currency: "EUR" }, billingModel: "server", buyerRole: "customer" },
      calendar: "DE-NW",
      exchangeRates: RATES,
    });
    const transfer = body.settlements.find((settlement) => settlement.method === "bank-transfer");
    expect(transfer).toMatchObject({ earliest: "2026-12-28", latest: "2026-12-30" });
    expect(transfer?.holidaysSkipped.map((holiday) => holiday.date)).toEqual(["2026-12-25", "2026-12-26"]);
    expect(body.settlements.find((settlement) => settlement.method === "credit-card")).toMatchObject({ earliest: "2026-12-18", latest: "2026-12-18" });
  });

  it("a negative amount is a 422 with the rule code; a missing exchange rate is never guessed", async () => {
    const negative = await api.request({ method: "POST", url: "/v1/quotes/payment-methods", payload: { order: { amount: { amount: "-1.00", currency: "EUR" }, billingModel: "server", buyerRole: "customer" }, exchangeRates: RATES }, token: api.tokens.technician });
    expect(expectProblem(negative, 422, "body.order.amount").code).toBe("T1_NEGATIVE_AMOUNT");
    const noRate = await api.request({ method: "POST", url: "/v1/quotes/payment-methods", payload: { order: { amount: { amount: "12000.00", currency: "EUR" }, billingModel: "data-center", buyerRole: "customer" } }, token: api.tokens.technician });
    expect(expectProblem(noRate, 422).code).toBe("EXCHANGE_RATE_MISSING");
  });
});

interface TaxQuote {
  treatment: string;
  category: string;
  ratePercent: string;
  note?: string;
  sellerVatId?: { value: string };
  buyerVatId?: { value: string; checkDigit: string };
  address: { country: string };
}

describe(`tax quotes on ${testDatabaseKind()}`, () => {
  const seller = { country: "DE", vatId: "DE136695976" };

  it("T3: Müller GmbH in Köln is taxed domestically at 19 %, from its own address when no contacts are given", async () => {
    const body = await quote<TaxQuote>("/v1/quotes/tax", { organizationId: "org-mueller", asOf: "2026-11-30", seller, buyer: { status: "business" } });
    expect(body).toMatchObject({ treatment: "domestic", category: "S", ratePercent: "19", address: { country: "DE" } });
    const reduced = await quote<TaxQuote>("/v1/quotes/tax", { organizationId: "org-mueller", asOf: "2026-11-30", seller, buyer: { status: "business" }, rate: "reduced" });
    expect(reduced.ratePercent).toBe("7");
  });

  it("T3: an Austrian business with a valid VAT ID gets reverse charge, 0 %, the note and both VAT IDs", async () => {
    const body = await quote<TaxQuote>("/v1/quotes/tax", { asOf: "2026-03-02", seller, buyer: { status: "business", vatId: "ATU13585627" }, contacts: { billing: { address: { country: "AT" } } } }, api.tokens.backOffice);
    expect(body).toMatchObject({
      treatment: "reverse-charge",
      category: "AE",
      ratePercent: "0",
      note: "Steuerschuldnerschaft des Leistungsempfängers",
      sellerVatId: { value: "DE136695976" },
      buyerVatId: { value: "ATU13585627", checkDigit: "verified" },
    });
  });

  it("T4: an invalid VAT ID is a 422 naming the field, never a silent 0 %, even for a domestic buyer", async () => {
    const foreign = await api.request({ method: "POST", url: "/v1/quotes/tax", payload: { asOf: "2026-03-02", seller, buyer: { status: "business", vatId: "ATU13585628" }, contacts: { billing: { address: { country: "AT" } } } }, token: api.tokens.admin });
    expect(expectProblem(foreign, 422, "body.buyer.vatId").code).toBe("T4_VAT_ID_CHECK_DIGIT");
    const domestic = await api.request({ method: "POST", url: "/v1/quotes/tax", payload: { organizationId: "org-mueller", seller, buyer: { status: "business", vatId: "DE136695977" } }, token: api.tokens.muellerManager });
    expect(expectProblem(domestic, 422, "body.buyer.vatId").code).toBe("T4_VAT_ID_CHECK_DIGIT");
  });

  it("T3: outside the EU the supply is not taxable in Germany; contacts are required without an organization", async () => {
    const body = await quote<TaxQuote>("/v1/quotes/tax", { asOf: "2026-03-02", seller, buyer: { status: "business" }, contacts: { billing: { address: { country: "CH" } } } }, api.tokens.accountManager);
    expect(body).toMatchObject({ treatment: "not-taxable", category: "O", ratePercent: "0" });
    const missing = await api.request({ method: "POST", url: "/v1/quotes/tax", payload: { seller, buyer: { status: "business" } }, token: api.tokens.admin });
    expectProblem(missing, 400, "body.contacts");
  });
});

interface DueDateQuote {
  dueDate: { nominalDueDate: string; dueDate: string; holidays: { date: string }[] };
  latePayment: { interest: { amount: string }; flatFee?: { amount: string }; periods: { from: string; until: string; days: number; ratePercent: string; interest: { amount: string } }[] } | null;
}

describe(`due-date quotes on ${testDatabaseKind()}`, () => {
  it("T1: net 30 from 2026-11-25 falls on Christmas and moves to Monday 2026-12-28 (§193 BGB)", async () => {
    const body = await quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2026-11-25" });
    expect(body.dueDate).toMatchObject({ nominalDueDate: "2026-12-25", dueDate: "2026-12-28" });
    expect(body.latePayment).toBeNull();
  });

  it("T1: the customer's calendar decides: Epiphany moves Bäckerei Schmidt's (DE-BY) due date, not Müller's (DE-NW)", async () => {
    const bavaria = await quote<DueDateQuote>("/v1/quotes/due-date", { organizationId: "org-baeckerei", invoiceDate: "2026-12-07" }, api.tokens.baeckereiManager);
    expect(bavaria.dueDate).toMatchObject({ nominalDueDate: "2027-01-06", dueDate: "2027-01-07" });
    const nrw = await quote<DueDateQuote>("/v1/quotes/due-date", { organizationId: "org-mueller", invoiceDate: "2026-12-07" });
    expect(nrw.dueDate.dueDate).toBe("2027-01-06");
  });

  it("T1: net 30 from a month end (2026-01-31) is 2026-03-02", async () => {
    const body = await quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2026-01-31", netDays: 30 });
    expect(body.dueDate.dueDate).toBe("2026-03-02");
  });

  it("T6: 10,000.00 EUR due Monday 2025-06-16 and paid 2025-07-15 earn 43.23 + 42.21 = 85.44 EUR interest (base + 9 points, act/365) plus the 40.00 EUR flat fee", async () => {
    const body = await quote<DueDateQuote>("/v1/quotes/due-date", {
      invoiceDate: "2025-05-16",
      latePayment: { principal: { amount: "10000.00", currency: "EUR" }, paidOn: "2025-07-15" },
    });
    expect(body.dueDate.dueDate).toBe("2025-06-16");
    // Due Monday 2025-06-16: default from 2025-06-17, 14 days at 11.27 %, then 15 days at 10.27 %.
    expect(body.latePayment?.periods.map((period) => [period.from, period.until, period.days, period.ratePercent])).toEqual([
      ["2025-06-17", "2025-06-30", 14, "11.27"],
      ["2025-07-01", "2025-07-15", 15, "10.27"],
    ]);
    // 10,000 × 11.27 % × 14 / 365 = 43.2274 → 43.23; 10,000 × 10.27 % × 15 / 365 = 42.2055 → 42.21.
    expect(body.latePayment?.periods.map((period) => period.interest.amount)).toEqual(["43.23", "42.21"]);
    expect(body.latePayment?.interest.amount).toBe("85.44");
    expect(body.latePayment?.flatFee?.amount).toBe("40.00");
    const paidInTime = await quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2025-05-16", latePayment: { principal: { amount: "10000.00", currency: "EUR" }, paidOn: "2025-06-16" } });
    expect(paidInTime.latePayment).toBeNull();
  });

  it("K10: a portal user may quote only for their own organization (404 otherwise)", async () => {
    expectProblem(await api.request({ method: "POST", url: "/v1/quotes/due-date", payload: { organizationId: "org-baeckerei", invoiceDate: "2026-12-07" }, token: api.tokens.muellerManager }), 404);
    expectProblem(await api.request({ method: "POST", url: "/v1/quotes/tax", payload: { organizationId: "org-unknown", seller: { country: "DE" }, buyer: { status: "business" } }, token: api.tokens.admin }), 404);
  });
});
