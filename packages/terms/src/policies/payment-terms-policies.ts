import type { PaymentTermsPolicy } from "../payment/payment-policy.js";

/**
 * The shipped payment-terms policy, from seed 001 (Atlassian reseller FAQ, "Welche
 * Zahlungsmethoden werden angenommen"), RULES.md T1 and T2:
 * - credit card (Mastercard, Visa, American Express): not for AUD orders; clears immediately;
 * - PayPal: clears immediately;
 * - bank transfer: 5–7 business days; SEPA/EUR transfers count TARGET2 business days by default
 *   (pass a German state calendar to count the bank's local holidays instead);
 * - check by post: up to 2 weeks (14 calendar days; 1 day at the earliest, for the post), not AUD;
 * - ACH: 7–14 business days of the US federal calendar;
 * - on invoice, net 30: only Data Center and cloud subscription (annual) orders of at least
 *   10,000 USD or the equivalent in the order's currency;
 * - cloud monthly subscriptions: credit card only.
 *
 * The seed is undated; the shipped value applies from 2023-01-01.
 */
export const DEFAULT_PAYMENT_TERMS_POLICIES: readonly PaymentTermsPolicy[] = [
  {
    id: "kontor.payment-terms",
    version: "seed-001",
    effectiveFrom: "2023-01-01",
    source: "Seed 001 (reseller FAQ: payment methods and terms); RULES.md T1, T2",
    methods: [
      {
        method: "credit-card",
        label: "Kreditkarte",
        brands: ["Mastercard", "Visa", "American Express"],
        refusedCurrencies: ["AUD"],
        clearing: { kind: "immediate" },
      },
      { method: "paypal", label: "PayPal", refusedCurrencies: [], clearing: { kind: "immediate" } },
      {
        method: "bank-transfer",
        label: "Banküberweisung",
        refusedCurrencies: [],
        clearing: { kind: "business-days", minDays: 5, maxDays: 7, calendar: "TARGET2" },
      },
      {
        method: "check",
        label: "Scheck per Post",
        refusedCurrencies: ["AUD"],
        clearing: { kind: "calendar-days", minDays: 1, maxDays: 14 },
      },
      {
        method: "ach",
        label: "ACH (Automated Clearing House)",
        refusedCurrencies: [],
        clearing: { kind: "business-days", minDays: 7, maxDays: 14, calendar: "US" },
      },
      {
        method: "on-invoice",
        label: "Auf Rechnung, zahlbar innerhalb von 30 Tagen",
        refusedCurrencies: [],
        billingModels: ["data-center", "cloud-annual"],
        minimumOrderValue: { amount: "10000.00", currency: "USD" },
        netDays: 30,
        clearing: { kind: "net-terms" },
      },
    ],
    exclusiveMethods: [{ billingModel: "cloud-monthly", methods: ["credit-card"] }],
  },
];
