import type { LatePaymentPolicy } from "@kontor/terms";
import { describe, expect, it } from "vitest";
import { latePaymentClaim, unwrap, type InvoicingErrorCode, type LatePaymentClaim, type PayableInvoice, type Result } from "../index.js";
import { creditForLine2, eur, finalizedInvoice, payable, paymentOf } from "./test-support.js";

// Hand computations use the shipped default policy (@kontor/terms DEFAULT_LATE_PAYMENT_POLICIES):
// base rate 1.27 % from 2025-07-01 and 2026-01-01, so 1.27 + 9 = 10.27 % for business debtors;
// interest = principal × rate × days / 365, rounded half-up per base-rate period.

const invoice = payable(); // a real finalized invoice: 11,900.00 EUR, issued 2025-12-16, due 2026-01-15

/** [from, until, principal, interest] per segment. */
function segments(claim: LatePaymentClaim | null) {
  return claim?.segments.map((segment) => [segment.from, segment.until, segment.principal.toFixed(), segment.interest.interest.toFixed()]);
}

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

describe("latePaymentClaim", () => {
  it("T6: the segment splits at a partial payment; the day of payment still counts", () => {
    const payments = [paymentOf("p1", "5000.00", "2026-02-14"), paymentOf("p2", "6900.00", "2026-03-16")];
    const claim = unwrap(latePaymentClaim(invoice, payments, [], "2026-04-01"));
    // 2026-01-16..2026-02-14: 16 + 14 = 30 days at 11,900.00: 11,900 × 0.1027 × 30 / 365 = 100.4490… → 100.45
    // 2026-02-15..2026-03-16: 14 + 16 = 30 days at 6,900.00:   6,900 × 0.1027 × 30 / 365 =  58.2435… →  58.24
    expect(segments(claim)).toEqual([
      ["2026-01-16", "2026-02-14", "11900.00", "100.45"],
      ["2026-02-15", "2026-03-16", "6900.00", "58.24"],
    ]);
    expect(claim?.segments.map((segment) => segment.interest.periods.map((period) => [period.days, period.ratePercent]))).toEqual([
      [[30, "10.27"]],
      [[30, "10.27"]],
    ]);
    expect(claim?.interest.toFixed()).toBe("158.69");
    expect(claim?.interest.currency).toBe("EUR");
    expect(claim?.flatFee?.equals(eur("40.00"))).toBe(true);
    expect(claim).toMatchObject({ rule: "T6", invoiceNumber: "RE-2025-000981", dueDate: "2026-01-15", asOf: "2026-04-01", debtor: "business" });
    expect(Object.isFrozen(claim)).toBe(true);
  });

  it("T6: while something is open the last segment runs up to asOf", () => {
    const claim = unwrap(latePaymentClaim(invoice, [paymentOf("p1", "5000.00", "2026-02-14")], [], "2026-02-28"));
    // 2026-02-15..2026-02-28: 14 days at 6,900.00: 6,900 × 0.1027 × 14 / 365 = 27.1803… → 27.18
    expect(segments(claim)).toEqual([
      ["2026-01-16", "2026-02-14", "11900.00", "100.45"],
      ["2026-02-15", "2026-02-28", "6900.00", "27.18"],
    ]);
    expect(claim?.interest.toFixed()).toBe("127.63");
  });

  it("T6: no claim (null) when paid on or before the due date, or when asOf is not after it", () => {
    expect(unwrap(latePaymentClaim(invoice, [paymentOf("p1", "11900.00", "2026-01-15")], [], "2026-06-30"))).toBeNull();
    expect(unwrap(latePaymentClaim(invoice, [paymentOf("p1", "11900.00", "2026-01-02")], [], "2026-06-30"))).toBeNull();
    expect(unwrap(latePaymentClaim(invoice, [], [], "2026-01-15"))).toBeNull();
    expect(unwrap(latePaymentClaim(invoice, [], [], "2025-12-20"))).toBeNull();
  });

  it("T6: payments on or before the due date lower the starting principal", () => {
    const payments = [paymentOf("p1", "2000.00", "2026-01-10"), paymentOf("p2", "9900.00", "2026-02-14")];
    // 30 days at 9,900.00: 9,900 × 0.1027 × 30 / 365 = 83.5668… → 83.57
    expect(segments(unwrap(latePaymentClaim(invoice, payments, [], "2026-03-01")))).toEqual([["2026-01-16", "2026-02-14", "9900.00", "83.57"]]);
  });

  it("T6: a credit note before the due date lowers the starting principal, one after it the principal from the next day", () => {
    const before = creditForLine2(finalizedInvoice(), "2026-01-10"); // 2,380.00
    // 30 days at 9,520.00: 9,520 × 0.1027 × 30 / 365 = 80.3592… → 80.36
    expect(segments(unwrap(latePaymentClaim(invoice, [paymentOf("p1", "9520.00", "2026-02-14")], [before], "2026-03-01")))).toEqual([
      ["2026-01-16", "2026-02-14", "9520.00", "80.36"],
    ]);
    const after = creditForLine2(finalizedInvoice(), "2026-02-01");
    const claim = unwrap(latePaymentClaim(invoice, [], [after], "2026-02-28"));
    // 2026-01-16..2026-02-01: 17 days at 11,900.00 = 56.9211… → 56.92
    // 2026-02-02..2026-02-28: 27 days at 9,520.00  = 72.3233… → 72.32
    expect(segments(claim)).toEqual([
      ["2026-01-16", "2026-02-01", "11900.00", "56.92"],
      ["2026-02-02", "2026-02-28", "9520.00", "72.32"],
    ]);
    expect(claim?.interest.toFixed()).toBe("129.24");
  });

  it("T6: several payments on one day are one change of the principal", () => {
    const payments = [paymentOf("p1", "2000.00", "2026-02-14"), paymentOf("p2", "3000.00", "2026-02-14"), paymentOf("p3", "6900.00", "2026-03-16")];
    expect(segments(unwrap(latePaymentClaim(invoice, payments, [], "2026-04-01")))).toEqual([
      ["2026-01-16", "2026-02-14", "11900.00", "100.45"],
      ["2026-02-15", "2026-03-16", "6900.00", "58.24"],
    ]);
  });

  it("T6, P2: payments after asOf have not happened yet", () => {
    const claim = unwrap(latePaymentClaim(invoice, [paymentOf("p1", "11900.00", "2026-02-14")], [], "2026-02-10"));
    // 2026-01-16..2026-02-10: 26 days at 11,900.00 = 87.0558… → 87.06
    expect(segments(claim)).toEqual([["2026-01-16", "2026-02-10", "11900.00", "87.06"]]);
  });

  it("T6: a claim across the 1 January base-rate change (3.37 % → 2.27 %) is split by latePaymentInterest", () => {
    const old = payable({ issueDate: "2024-11-15", deliveryDate: "2024-11-14", paymentTerms: { dueDate: "2024-12-16" } });
    const claim = unwrap(latePaymentClaim(old, [paymentOf("p1", "11900.00", "2025-01-15")], [], "2025-02-01"));
    // 2024-12-17..2024-12-31: 15 days at 3.37 + 9 = 12.37 %: 11,900 × 0.1237 × 15 / 365 = 60.4943… → 60.49
    // 2025-01-01..2025-01-15: 15 days at 2.27 + 9 = 11.27 %: 11,900 × 0.1127 × 15 / 365 = 55.1149… → 55.11
    expect(segments(claim)).toEqual([["2024-12-17", "2025-01-15", "11900.00", "115.60"]]);
    expect(claim?.segments[0]?.interest.periods.map((period) => [period.from, period.until, period.ratePercent, period.interest.toFixed()])).toEqual([
      ["2024-12-17", "2024-12-31", "12.37", "60.49"],
      ["2025-01-01", "2025-01-15", "11.27", "55.11"],
    ]);
    expect(claim?.interest.toFixed()).toBe("115.60");
  });

  it("T6, P1: a claim across 1 July with the policies passed (test table: 1.27 % → 2.00 %)", () => {
    const policies: LatePaymentPolicy[] = [
      {
        id: "test.late-payment",
        version: "test-1",
        effectiveFrom: "2014-07-29",
        businessSurchargePoints: "9",
        consumerSurchargePoints: "5",
        flatFee: { amount: "40.00", currency: "EUR" },
        dayCountBasis: 365,
        baseRates: [
          { effectiveFrom: "2026-01-01", ratePercent: "1.27" },
          { effectiveFrom: "2026-07-01", ratePercent: "2.00" },
        ],
      },
    ];
    const summer: PayableInvoice = { number: "RE-2026-000400", issueDate: "2026-05-15", dueDate: "2026-06-15", amountDue: eur("10000.00") };
    const payments = [paymentOf("p1", "4000.00", "2026-06-30"), paymentOf("p2", "6000.00", "2026-07-15")];
    const claim = unwrap(latePaymentClaim(summer, payments, [], "2026-08-01", { policies }));
    // 2026-06-16..2026-06-30: 15 days at 10,000.00, 10.27 %: 42.2054… → 42.21
    // 2026-07-01..2026-07-15: 15 days at 6,000.00, 11.00 %:  27.1232… → 27.12
    expect(segments(claim)).toEqual([
      ["2026-06-16", "2026-06-30", "10000.00", "42.21"],
      ["2026-07-01", "2026-07-15", "6000.00", "27.12"],
    ]);
    expect(claim?.segments[1]?.interest.periods[0]?.ratePercent).toBe("11");
    expect(claim?.interest.toFixed()).toBe("69.33");
    // A day before the table's first base rate has no rate.
    expect(failed(latePaymentClaim(invoice, [], [], "2026-02-01", { policies: [{ ...policies[0]!, baseRates: [{ effectiveFrom: "2026-02-01", ratePercent: "1.27" }] }] }))).toEqual([
      ["T6_BASE_RATE_UNKNOWN", "options.policies"],
    ]);
  });

  it("T6: a segment over 29 February 2024 counts the leap day (act/365 fixed)", () => {
    const leap = payable({ issueDate: "2024-01-15", deliveryDate: "2024-01-15", paymentTerms: { dueDate: "2024-02-15" } });
    const payments = [paymentOf("p1", "5000.00", "2024-02-29"), paymentOf("p2", "6900.00", "2024-03-10")];
    const claim = unwrap(latePaymentClaim(leap, payments, [], "2024-04-01"));
    // 2024-02-16..2024-02-29: 14 days at 11,900.00, 3.62 + 9 = 12.62 %: 57.6025… → 57.60
    // 2024-03-01..2024-03-10: 10 days at 6,900.00: 23.8569… → 23.86
    expect(segments(claim)).toEqual([
      ["2024-02-16", "2024-02-29", "11900.00", "57.60"],
      ["2024-03-01", "2024-03-10", "6900.00", "23.86"],
    ]);
    expect(claim?.segments[0]?.interest.periods[0]?.days).toBe(14);
    expect(claim?.interest.toFixed()).toBe("81.46");
  });

  it("T6: a consumer owes base rate + 5 points and no flat fee", () => {
    const claim = unwrap(latePaymentClaim(invoice, [], [], "2026-02-14", { debtor: "consumer" }));
    // 30 days at 1.27 + 5 = 6.27 %: 11,900 × 0.0627 × 30 / 365 = 61.3257… → 61.33
    expect(segments(claim)).toEqual([["2026-01-16", "2026-02-14", "11900.00", "61.33"]]);
    expect(claim?.flatFee).toBeNull();
    expect(claim?.debtor).toBe("consumer");
  });

  it("refuses a bad asOf and stored entries that cannot be summed", () => {
    expect(failed(latePaymentClaim(invoice, [], [], "2026-13-01"))).toEqual([["INVALID_INPUT", "asOf"]]);
    const negative = { number: "RK-2026-000001", issueDate: "2026-01-10", amount: eur("-5.00") };
    expect(failed(latePaymentClaim(invoice, [], [negative], "2026-03-01"))).toEqual([["PAYMENT_NOT_POSITIVE", "credits.0.amount.amount"]]);
  });
});
