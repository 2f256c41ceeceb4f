import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LATE_PAYMENT_POLICIES,
  DEFAULT_TERMS_POLICY_SET,
  determineTax,
  earliestSepaCollection,
  estimateSettlement,
  invoiceTotals,
  latePaymentInterest,
  loadLatePaymentPolicies,
  loadTermsPolicySet,
  netDueDate,
  paymentMethodEligibility,
  sepaPreNotificationDeadline,
  validateVatId,
} from "./index.js";
import { errorCodes, unwrap } from "./test-support.js";

// The examples of README.md, run against the public API.
describe("README examples", () => {
  it("T1: payment methods", () => {
    const result = paymentMethodEligibility({
      order: { amount: Money.of("9500.00", "EUR"), billingModel: "data-center", buyerRole: "customer" },
      asOf: "2026-03-02T10:00:00+01:00",
      exchangeRates: { base: "EUR", date: "2026-02-27", rates: { USD: "1.0800" } },
    });
    const value = unwrap(result);
    expect(value.allowed.map((offer) => offer.method)).toEqual(["credit-card", "paypal", "bank-transfer", "check", "ach", "on-invoice"]);
    expect(value.allowed.find((offer) => offer.method === "on-invoice")?.reason).toBe(
      "T1: data-center order of 9500.00 EUR reaches the minimum of 10000.00 USD (9259.26 EUR)",
    );
    expect(value.policies).toEqual([{ id: "kontor.payment-terms", version: "seed-001", effectiveFrom: "2023-01-01" }]);
  });

  it("T2: settlement estimates", () => {
    const transfer = unwrap(estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-18", calendar: "DE-NW" }));
    expect([transfer.earliest, transfer.latest]).toEqual(["2026-12-28", "2026-12-30"]);
    expect(transfer.holidaysSkipped.map((h) => h.date)).toEqual(["2026-12-25", "2026-12-26"]);
    const ach = unwrap(estimateSettlement({ method: "ach", startedAt: "2026-06-26" }));
    expect([ach.earliest, ach.latest, ach.calendar]).toEqual(["2026-07-08", "2026-07-17", "US"]);
  });

  it("T1, T7: due dates and SEPA pre-notification", () => {
    expect(unwrap(netDueDate({ invoiceDate: "2026-11-25" }))).toMatchObject({ nominalDueDate: "2026-12-25", dueDate: "2026-12-28" });
    expect(unwrap(netDueDate({ invoiceDate: "2026-12-07", calendar: "DE-BY" })).dueDate).toBe("2027-01-07");
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-03-02" }))).toMatchObject({ days: 14, notifyBy: "2026-02-16" });
    expect(unwrap(earliestSepaCollection({ notifiedOn: "2026-12-11" }))).toMatchObject({ collectionDate: "2026-12-25", debitDate: "2026-12-28" });
  });

  it("T6: late-payment interest", () => {
    const claim = unwrap(latePaymentInterest({ principal: Money.of("10000.00", "EUR"), from: "2025-06-16", until: "2025-07-15" }));
    expect(claim.periods.map((p) => [p.from, p.until, p.days, p.ratePercent, p.interest.toFixed()])).toEqual([
      ["2025-06-16", "2025-06-30", 15, "11.27", "46.32"],
      ["2025-07-01", "2025-07-15", 15, "10.27", "42.21"],
    ]);
    expect([claim.interest.toFixed(), claim.flatFee?.toFixed(), claim.dayCount]).toEqual(["88.53", "40.00", "act/365"]);
  });

  it("T3, T4: tax and VAT IDs", () => {
    const tax = unwrap(
      determineTax({
        asOf: "2026-03-02",
        seller: { country: "DE", vatId: "DE136695976" },
        buyer: { status: "business", vatId: "ATU13585627" },
        contacts: { billing: { address: { country: "AT" } } },
      }),
    );
    expect(tax).toMatchObject({
      treatment: "reverse-charge",
      category: "AE",
      ratePercent: "0",
      note: "Steuerschuldnerschaft des Leistungsempfängers",
      sellerVatId: { value: "DE136695976" },
      buyerVatId: { value: "ATU13585627" },
    });
    const invalid = determineTax({
      asOf: "2026-03-02",
      seller: { country: "DE", vatId: "DE136695976" },
      buyer: { status: "business", vatId: "ATU13585628" },
      contacts: { billing: { address: { country: "AT" } } },
    });
    expect(errorCodes(invalid)).toEqual(["T4_VAT_ID_CHECK_DIGIT"]);
    expect(invalid.ok ? [] : invalid.errors[0]?.path).toEqual(["buyer", "vatId"]);
    expect(unwrap(validateVatId("fr 83 404 833 048"))).toMatchObject({ value: "FR83404833048", prefix: "FR", country: "FR", checkDigit: "verified" });
  });

  it("T5: invoice totals", () => {
    const totals = unwrap(
      invoiceTotals({
        currency: "EUR",
        lines: [
          { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
          { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
          { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
          { quantity: "1.5", unitPrice: Money.of("95.00", "EUR"), category: "S", ratePercent: "7" },
          { net: Money.of("500.00", "EUR"), category: "AE", ratePercent: "0" },
        ],
      }),
    );
    expect(totals.breakdown.map((b) => [b.key, b.taxableAmount.toFixed(), b.taxAmount.toFixed()])).toEqual([
      ["S:19", "0.39", "0.07"],
      ["S:7", "142.50", "9.98"],
      ["AE:0", "500.00", "0.00"],
    ]);
    expect([totals.taxExclusiveTotal, totals.taxTotal, totals.taxInclusiveTotal].map((m) => m.toFixed())).toEqual(["642.89", "10.05", "652.94"]);
  });

  it("P1: your own policies", () => {
    const json: unknown = [
      {
        ...DEFAULT_LATE_PAYMENT_POLICIES[0],
        version: "2026-07-01-published",
        effectiveFrom: "2026-07-01",
        baseRates: [
          { effectiveFrom: "2026-01-01", ratePercent: "1.27" },
          { effectiveFrom: "2026-07-01", ratePercent: "1.52" },
        ],
      },
    ];
    const policies = unwrap(loadLatePaymentPolicies(json));
    const claim = unwrap(latePaymentInterest({ principal: Money.of("1000.00", "EUR"), from: "2026-07-01", until: "2026-07-31" }, { policies }));
    expect(claim.interest.toFixed()).toBe("8.93");
    expect(claim.policies[0]?.version).toBe("2026-07-01-published");
  });

  it("P1: an installation's whole terms policy set", () => {
    const stored: unknown = JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET));
    const set = unwrap(loadTermsPolicySet(stored));
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-12-15" }, { policies: set.sepa }))).toMatchObject({ days: 14, notifyBy: "2026-12-01" });
  });
});
