import type { LatePaymentPolicy } from "../late-payment/late-payment-policy.js";

/**
 * The shipped German late-payment policy (RULES.md T6). The base rate (Basiszinssatz, §247 BGB)
 * is published by the Deutsche Bundesbank for every 1 January and 1 July. These values are
 * **policy data you can replace**: load your own table with `loadLatePaymentPolicies` when the
 * Bundesbank publishes a new value.
 *
 * - Published values: −0.88 % (2016-07-01 to 2022-12-31), 1.62 % (2023-01-01), 3.12 %
 *   (2023-07-01), 3.62 % (2024-01-01), 3.37 % (2024-07-01), 2.27 % (2025-01-01), 1.27 %
 *   (2025-07-01), 1.27 % (2026-01-01).
 * - 2026-07-01: **1.27 % is a placeholder, not a published value.** It assumes the ECB main
 *   refinancing rate is unchanged; check it against the Bundesbank publication of late June 2026
 *   and replace it.
 *
 * Interest: principal × (base rate + 9 points) × days / 365 per sub-period (business debtors,
 * §288 (2) BGB; consumers + 5 points), plus the 40 EUR flat fee for business debtors (§288 (5)).
 */
export const DEFAULT_LATE_PAYMENT_POLICIES: readonly LatePaymentPolicy[] = [
  {
    id: "kontor.late-payment-de",
    version: "2026-07-01-unconfirmed",
    // §288 (2) with 9 points and the flat fee of §288 (5) apply to contracts since 2014-07-29.
    effectiveFrom: "2014-07-29",
    source: "§§ 247, 288 BGB; Deutsche Bundesbank, Basiszinssatz",
    businessSurchargePoints: "9",
    consumerSurchargePoints: "5",
    flatFee: { amount: "40.00", currency: "EUR" },
    dayCountBasis: 365,
    baseRates: [
      { effectiveFrom: "2016-07-01", ratePercent: "-0.88", note: "Bundesbank; unchanged until 2022-12-31" },
      { effectiveFrom: "2023-01-01", ratePercent: "1.62", note: "Bundesbank" },
      { effectiveFrom: "2023-07-01", ratePercent: "3.12", note: "Bundesbank" },
      { effectiveFrom: "2024-01-01", ratePercent: "3.62", note: "Bundesbank" },
      { effectiveFrom: "2024-07-01", ratePercent: "3.37", note: "Bundesbank" },
      { effectiveFrom: "2025-01-01", ratePercent: "2.27", note: "Bundesbank" },
      { effectiveFrom: "2025-07-01", ratePercent: "1.27", note: "Bundesbank" },
      { effectiveFrom: "2026-01-01", ratePercent: "1.27", note: "Bundesbank" },
      {
        effectiveFrom: "2026-07-01",
        ratePercent: "1.27",
        note: "PLACEHOLDER, not published: check against the Bundesbank publication and replace",
      },
    ],
  },
];
