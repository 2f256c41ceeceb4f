import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "../policies/payment-terms-policies.js";
import { loadPaymentTermsPolicies } from "../policies/load-policies.js";
import { errorCodes, unwrap } from "../test-support.js";
import { paymentMethodEligibility, type PaymentOrder } from "./payment-eligibility.js";
import { PAYMENT_METHODS, type PaymentMethod } from "./payment-method.js";

const asOf = "2026-03-02T10:00:00+01:00";
const order = (amount: string, currency: string, billingModel: PaymentOrder["billingModel"], buyerRole: PaymentOrder["buyerRole"] = "customer"): PaymentOrder => ({
  amount: Money.of(amount, currency),
  billingModel,
  buyerRole,
});
const allowedOf = (o: PaymentOrder, rates?: Parameters<typeof paymentMethodEligibility>[0]["exchangeRates"]): PaymentMethod[] =>
  unwrap(paymentMethodEligibility({ order: o, asOf, ...(rates === undefined ? {} : { exchangeRates: rates }) })).allowed.map((a) => a.method);

describe("T1 payment-method eligibility", () => {
  it("T1: an AUD order offers neither credit card nor check, and says why", () => {
    const result = unwrap(paymentMethodEligibility({ order: order("25000.00", "AUD", "data-center"), asOf, exchangeRates: { base: "USD", rates: { AUD: "1.5000" } } }));
    const methods = result.allowed.map((a) => a.method);
    expect(methods).not.toContain("credit-card");
    expect(methods).not.toContain("check");
    expect(methods).toEqual(["paypal", "bank-transfer", "ach", "on-invoice"]);
    const card = result.refused.find((r) => r.method === "credit-card");
    expect(card?.code).toBe("T1_CURRENCY_REFUSED");
    expect(card?.reason).toContain("AUD");
    expect(result.refused.find((r) => r.method === "check")?.code).toBe("T1_CURRENCY_REFUSED");
  });

  it("T1: a Data Center order of 9,999.99 USD offers no net 30; 10,000.00 USD does", () => {
    const below = unwrap(paymentMethodEligibility({ order: order("9999.99", "USD", "data-center"), asOf }));
    expect(below.allowed.map((a) => a.method)).not.toContain("on-invoice");
    const refusal = below.refused.find((r) => r.method === "on-invoice");
    expect(refusal?.code).toBe("T1_BELOW_MINIMUM");
    expect(refusal?.reason).toContain("10000.00 USD");
    expect(refusal?.reason).toContain("9999.99 USD");

    const at = unwrap(paymentMethodEligibility({ order: order("10000.00", "USD", "data-center"), asOf }));
    const offer = at.allowed.find((a) => a.method === "on-invoice");
    expect(offer?.netDays).toBe(30);
    expect(offer?.reason).toContain("reaches the minimum");
  });

  it("T1: cloud monthly offers only the credit card, even above the net-30 threshold", () => {
    const result = unwrap(paymentMethodEligibility({ order: order("50000.00", "USD", "cloud-monthly"), asOf }));
    expect(result.allowed.map((a) => a.method)).toEqual(["credit-card"]);
    expect(result.allowed[0]?.brands).toEqual(["Mastercard", "Visa", "American Express"]);
    expect(result.refused.map((r) => r.code)).toEqual(Array(5).fill("T1_BILLING_MODEL_EXCLUSIVE"));
  });

  it("T1: a cloud monthly order in AUD has no method at all, and the decision says so", () => {
    const result = unwrap(paymentMethodEligibility({ order: order("100.00", "AUD", "cloud-monthly"), asOf }));
    expect(result.allowed).toEqual([]);
    expect(result.refused.find((r) => r.method === "credit-card")?.code).toBe("T1_CURRENCY_REFUSED");
    expect(result.reason).toContain("no payment method");
  });

  it("T1: net 30 is only for Data Center and cloud annual orders", () => {
    expect(allowedOf(order("20000.00", "USD", "cloud-annual"))).toContain("on-invoice");
    const server = unwrap(paymentMethodEligibility({ order: order("20000.00", "USD", "server"), asOf }));
    expect(server.refused.find((r) => r.method === "on-invoice")?.code).toBe("T1_BILLING_MODEL_NOT_ELIGIBLE");
  });

  it("T1: the USD threshold is compared in the order's currency through the exchange rates", () => {
    // ECB style: 1 EUR = 1.0800 USD, so 10,000 USD = 9,259.259… EUR → 9,259.26 EUR.
    const rates = { base: "EUR" as const, date: "2026-02-27", rates: { USD: "1.0800" } };
    expect(allowedOf(order("9259.25", "EUR", "data-center"), rates)).not.toContain("on-invoice");
    expect(allowedOf(order("9259.26", "EUR", "data-center"), rates)).toContain("on-invoice");
    const refused = unwrap(paymentMethodEligibility({ order: order("9259.25", "EUR", "data-center"), asOf, exchangeRates: rates }));
    expect(refused.refused.find((r) => r.method === "on-invoice")?.reason).toContain("(9259.26 EUR)");
  });

  it("T1: converts across two non-base currencies (GBP order, USD threshold, EUR base)", () => {
    // 10,000 USD × 0.8400 / 1.0800 = 7,777.78 GBP
    const rates = { base: "EUR" as const, rates: { USD: "1.0800", GBP: "0.8400" } };
    expect(allowedOf(order("7777.77", "GBP", "cloud-annual"), rates)).not.toContain("on-invoice");
    expect(allowedOf(order("7777.78", "GBP", "cloud-annual"), rates)).toContain("on-invoice");
  });

  it("T1: a needed exchange rate that is missing is an error, not a guess", () => {
    expect(errorCodes(paymentMethodEligibility({ order: order("20000.00", "EUR", "data-center"), asOf }))).toEqual(["EXCHANGE_RATE_MISSING"]);
    expect(
      errorCodes(paymentMethodEligibility({ order: order("20000.00", "CHF", "data-center"), asOf, exchangeRates: { base: "EUR", rates: { USD: "1.08" } } })),
    ).toEqual(["EXCHANGE_RATE_MISSING"]);
    // Cloud monthly never reaches the threshold check, so it needs no rate.
    expect(allowedOf(order("20000.00", "EUR", "cloud-monthly"))).toEqual(["credit-card"]);
  });

  it("T1: a negative amount, a bad instant and a day before any policy are errors", () => {
    expect(errorCodes(paymentMethodEligibility({ order: order("-1.00", "USD", "server"), asOf }))).toEqual(["T1_NEGATIVE_AMOUNT"]);
    expect(errorCodes(paymentMethodEligibility({ order: order("1.00", "USD", "server"), asOf: "2026-03-02T10:00" }))).toEqual(["CALENDAR_INVALID_INSTANT"]);
    expect(errorCodes(paymentMethodEligibility({ order: order("1.00", "USD", "server"), asOf: "2019-01-01" }))).toEqual(["POLICY_NOT_IN_FORCE"]);
  });

  it("P1: the decision names the policy version, and a user policy takes over from its effective date", () => {
    const result = unwrap(paymentMethodEligibility({ order: order("100.00", "USD", "server"), asOf }));
    expect(result.policies).toEqual([{ id: "kontor.payment-terms", version: "seed-001", effectiveFrom: "2023-01-01" }]);

    const base = DEFAULT_PAYMENT_TERMS_POLICIES[0]!;
    const stricter = unwrap(
      loadPaymentTermsPolicies([
        base,
        {
          ...base,
          version: "2026-07",
          effectiveFrom: "2026-07-01",
          methods: base.methods.map((m) => (m.method === "on-invoice" ? { ...m, buyerRoles: ["reseller"] } : m)),
        },
      ]),
    );
    const customer = order("20000.00", "USD", "data-center");
    const before = unwrap(paymentMethodEligibility({ order: customer, asOf: "2026-06-30" }, { policies: stricter }));
    expect(before.allowed.map((a) => a.method)).toContain("on-invoice");
    const after = unwrap(paymentMethodEligibility({ order: customer, asOf: "2026-07-01" }, { policies: stricter }));
    expect(after.refused.find((r) => r.method === "on-invoice")?.code).toBe("T1_BUYER_ROLE_NOT_ELIGIBLE");
    expect(after.policies[0]?.version).toBe("2026-07");
    const reseller = unwrap(paymentMethodEligibility({ order: { ...customer, buyerRole: "reseller" }, asOf: "2026-07-01" }, { policies: stricter }));
    expect(reseller.allowed.map((a) => a.method)).toContain("on-invoice");
  });

  it("T1: every method of the policy is either offered or refused, never both (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.constantFrom("USD", "EUR", "AUD", "GBP"),
        fc.constantFrom("cloud-monthly", "cloud-annual", "data-center", "server"),
        fc.constantFrom("customer", "reseller"),
        (cents, currency, billingModel, buyerRole) => {
          const result = unwrap(
            paymentMethodEligibility({
              order: { amount: Money.fromMinorUnits(cents, currency), billingModel, buyerRole },
              asOf,
              exchangeRates: { base: "EUR", rates: { USD: "1.08", AUD: "1.65", GBP: "0.84" } },
            }),
          );
          const methods = [...result.allowed.map((a) => a.method), ...result.refused.map((r) => r.method)].sort();
          expect(methods).toEqual([...PAYMENT_METHODS].sort());
        },
      ),
    );
  });

  it("T1: net 30 is monotonic in the amount: once reached, every larger order gets it (property)", () => {
    const rates = { base: "EUR" as const, rates: { USD: "1.0800" } };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 5_000_000n }), fc.bigInt({ min: 0n, max: 5_000_000n }), (a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const has = (cents: bigint) => allowedOf({ amount: Money.fromMinorUnits(cents, "EUR"), billingModel: "data-center", buyerRole: "customer" }, rates).includes("on-invoice");
        if (has(small)) expect(has(large)).toBe(true);
      }),
    );
  });
});
