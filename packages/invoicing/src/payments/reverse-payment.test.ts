import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import {
  invoiceBalance,
  latePaymentClaim,
  recordPayment,
  reversePayment,
  unwrap,
  type InvoiceBalance,
  type InvoicingErrorCode,
  type PayableInvoice,
  type RecordedPayment,
  type Result,
} from "../index.js";
import { eur } from "./test-support.js";

// Hand computations use the shipped default policy (@kontor/terms DEFAULT_LATE_PAYMENT_POLICIES):
// base rate 1.27 % from 2026-07-01 (no later entry), so 1.27 + 9 = 10.27 % for business debtors;
// interest = principal × rate × days / 365, rounded half-up.

/** 351.86 EUR issued 2026-11-25, due Monday 2026-12-28. */
const invoice: PayableInvoice = { number: "RE-2026-000123", issueDate: "2026-11-25", dueDate: "2026-12-28", amountDue: eur("351.86") };

/** The whole amount collected by SEPA direct debit on 2026-12-20, before the due date. */
const debit: RecordedPayment = {
  id: "pay-debit",
  amount: eur("351.86"),
  receivedOn: "2026-12-20",
  method: "sepa-direct-debit",
  reference: "RE-2026-000123",
  reversal: null,
};

function summary(balance: InvoiceBalance) {
  return { status: balance.status, paid: balance.paid.toFixed(), open: balance.open.toFixed(), settledOn: balance.settledOn, overdueDays: balance.overdueDays };
}

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

function messageOf<T>(result: Result<T>): string {
  return result.ok ? "" : (result.errors[0]?.message ?? "");
}

describe("reversePayment", () => {
  it("a direct debit returned on 2027-01-10 (Rücklastschrift): the invoice paid on 2026-12-20 is unpaid again and 13 days overdue", () => {
    expect(summary(invoiceBalance(invoice, [debit], [], "2027-01-09"))).toEqual({ status: "paid", paid: "351.86", open: "0.00", settledOn: "2026-12-20", overdueDays: 0 });

    const { payment, balance } = unwrap(
      reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10", note: "  MD06 Rückgabe auf Verlangen des Zahlers " }, { today: "2027-01-10" }),
    );
    expect(payment).toEqual({ ...debit, reversal: { reversedOn: "2027-01-10", reason: "returned", note: "MD06 Rückgabe auf Verlangen des Zahlers" } });
    expect(Object.isFrozen(payment)).toBe(true);
    expect(Object.isFrozen(payment.reversal)).toBe(true);
    // 2026-12-28 → 2027-01-10 is 13 days.
    expect(summary(balance)).toEqual({ status: "unpaid", paid: "0.00", open: "351.86", settledOn: null, overdueDays: 13 });
    // The input payment list is left as it was.
    expect(debit.reversal).toBeNull();
  });

  it("T6: the claim as of 2027-01-31 is on 351.86 from 2026-12-29 as if the money never came — Erfüllung did not occur", () => {
    // Paid before the due date: no claim while the debit stands.
    expect(unwrap(latePaymentClaim(invoice, [debit], [], "2027-01-31"))).toBeNull();

    const { payment } = unwrap(reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" }));
    expect(payment.reversal?.note).toBeNull();
    const claim = unwrap(latePaymentClaim(invoice, [payment], [], "2027-01-31"));
    // 2026-12-29..2027-01-31: 3 + 31 = 34 days at 10.27 %: 351.86 × 0.1027 × 34 / 365 = 3.3660… → 3.37
    expect(claim?.segments.map((segment) => [segment.from, segment.until, segment.principal.toFixed(), segment.interest.interest.toFixed()])).toEqual([
      ["2026-12-29", "2027-01-31", "351.86", "3.37"],
    ]);
    expect(claim?.segments[0]?.interest.periods.map((period) => [period.days, period.ratePercent])).toEqual([[34, "10.27"]]);
    expect(claim?.interest.toFixed()).toBe("3.37");
    expect(claim?.flatFee?.toFixed()).toBe("40.00");
    // The same as an invoice that was never paid at all.
    expect(unwrap(latePaymentClaim(invoice, [], [], "2027-01-31"))).toEqual(claim);
    // Also on a day between the debit and its return, the returned money did not count.
    expect(summary(invoiceBalance(invoice, [payment], [], "2027-01-05"))).toEqual({ status: "unpaid", paid: "0.00", open: "351.86", settledOn: null, overdueDays: 8 });
  });

  it("after the reversal the open amount can be paid again; the claim then runs up to the new payment", () => {
    expect(failed(recordPayment(invoice, [debit], [], { amount: { amount: "351.86", currency: "EUR" }, receivedOn: "2027-01-25", method: "bank-transfer" }, { id: "pay-again", today: "2027-01-31" }))).toEqual([
      ["PAYMENT_EXCEEDS_OPEN_AMOUNT", "amount.amount"],
    ]);
    const { payment: returned } = unwrap(reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" }));
    const again = unwrap(
      recordPayment(invoice, [returned], [], { amount: { amount: "351.86", currency: "EUR" }, receivedOn: "2027-01-25", method: "bank-transfer" }, { id: "pay-again", today: "2027-01-31" }),
    );
    expect(again.payment.reversal).toBeNull();
    expect(summary(again.balance)).toEqual({ status: "paid", paid: "351.86", open: "0.00", settledOn: "2027-01-25", overdueDays: 0 });
    // Paid in full, the invoice takes nothing more, and the reversed payment keeps its ID.
    expect(failed(recordPayment(invoice, [returned, again.payment], [], { amount: { amount: "0.01", currency: "EUR" }, receivedOn: "2027-01-31", method: "other" }, { id: "pay-more", today: "2027-01-31" }))).toEqual([
      ["PAYMENT_EXCEEDS_OPEN_AMOUNT", "amount.amount"],
    ]);
    expect(failed(recordPayment(invoice, [returned], [], { amount: { amount: "1.00", currency: "EUR" }, receivedOn: "2027-01-31", method: "other" }, { id: "pay-debit", today: "2027-01-31" }))).toEqual([
      ["INVALID_INPUT", "context.id"],
    ]);
    // 2026-12-29..2027-01-25: 3 + 25 = 28 days: 351.86 × 0.1027 × 28 / 365 = 2.7720… → 2.77
    const claim = unwrap(latePaymentClaim(invoice, [returned, again.payment], [], "2027-01-31"));
    expect(claim?.segments.map((segment) => [segment.from, segment.until, segment.principal.toFixed(), segment.interest.interest.toFixed()])).toEqual([
      ["2026-12-29", "2027-01-25", "351.86", "2.77"],
    ]);
  });

  it("a partial payment booked on the wrong invoice: only the other payment counts", () => {
    // Recorded before reversals existed: no `reversal` field at all, which means standing.
    const wrong: RecordedPayment = { id: "pay-1", amount: eur("200.00"), receivedOn: "2026-12-15", method: "bank-transfer", reference: null };
    const right: RecordedPayment = { id: "pay-2", amount: eur("151.86"), receivedOn: "2027-01-04", method: "bank-transfer", reference: null };
    const payments = [wrong, right];
    const { payment, balance } = unwrap(
      reversePayment(invoice, payments, [], "pay-1", { reason: "recorded-in-error", reversedOn: "2027-01-20", note: "gehört zu RE-2026-000124" }, { today: "2027-01-20" }),
    );
    expect(payment.reversal).toEqual({ reversedOn: "2027-01-20", reason: "recorded-in-error", note: "gehört zu RE-2026-000124" });
    // 351.86 − 151.86 = 200.00 open, 23 days after the due date.
    expect(summary(balance)).toEqual({ status: "partially-paid", paid: "151.86", open: "200.00", settledOn: null, overdueDays: 23 });
    const claim = unwrap(latePaymentClaim(invoice, [payment, right], [], "2027-01-20"));
    // 2026-12-29..2027-01-04: 7 days at 351.86 = 0.6930… → 0.69; 2027-01-05..2027-01-20: 16 days at 200.00 = 0.9003… → 0.90
    expect(claim?.segments.map((segment) => [segment.from, segment.until, segment.principal.toFixed(), segment.interest.interest.toFixed()])).toEqual([
      ["2026-12-29", "2027-01-04", "351.86", "0.69"],
      ["2027-01-05", "2027-01-20", "200.00", "0.90"],
    ]);
  });

  it("PAYMENT_UNKNOWN and PAYMENT_ALREADY_REVERSED at paymentId", () => {
    const unknown = reversePayment(invoice, [debit], [], "pay-other", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" });
    expect(failed(unknown)).toEqual([["PAYMENT_UNKNOWN", "paymentId"]]);
    expect(messageOf(unknown)).toContain("pay-other");
    expect(failed(reversePayment(invoice, [], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" }))).toEqual([["PAYMENT_UNKNOWN", "paymentId"]]);

    const { payment } = unwrap(reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" }));
    const twice = reversePayment(invoice, [payment], [], "pay-debit", { reason: "recorded-in-error", reversedOn: "2027-01-12" }, { today: "2027-01-12" });
    expect(failed(twice)).toEqual([["PAYMENT_ALREADY_REVERSED", "paymentId"]]);
    expect(messageOf(twice)).toContain("reversed on 2027-01-10 (returned)");
  });

  it("PAYMENT_REVERSAL_BEFORE_PAYMENT and PAYMENT_IN_FUTURE at reversedOn; the day of the payment and today are fine", () => {
    const reverse = (reversedOn: string) => reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn }, { today: "2027-01-10" });
    expect(failed(reverse("2026-12-19"))).toEqual([["PAYMENT_REVERSAL_BEFORE_PAYMENT", "reversedOn"]]);
    expect(messageOf(reverse("2026-12-19"))).toContain("2026-12-20");
    expect(failed(reverse("2027-01-11"))).toEqual([["PAYMENT_IN_FUTURE", "reversedOn"]]);
    expect(messageOf(reverse("2027-01-11"))).toContain("2027-01-10");
    expect(reverse("2026-12-20").ok).toBe(true);
    expect(reverse("2027-01-10").ok).toBe(true);
  });

  it("schema errors keep zod's path: reason, reversedOn, note, unknown keys; a bad today; stored entries in another currency", () => {
    const codes = (value: unknown) => failed(reversePayment(invoice, [debit], [], "pay-debit", value, { today: "2027-01-10" }));
    expect(codes({ reason: "bounced", reversedOn: "2027-01-10" })).toEqual([["INVALID_INPUT", "reason"]]);
    expect(codes({ reason: "returned", reversedOn: "2027-02-30" })).toEqual([["INVALID_INPUT", "reversedOn"]]);
    expect(codes({ reason: "returned" })).toEqual([["INVALID_INPUT", "reversedOn"]]);
    expect(codes({ reason: "returned", reversedOn: "2027-01-10", note: "  " })).toEqual([["INVALID_INPUT", "note"]]);
    expect(codes({ reason: "returned", reversedOn: "2027-01-10", note: "x".repeat(501) })).toEqual([["INVALID_INPUT", "note"]]);
    expect(codes({ reason: "returned", reversedOn: "2027-01-10", amount: "351.86" })).toEqual([["INVALID_INPUT", ""]]);
    expect(codes(null)).toEqual([["INVALID_INPUT", ""]]);
    expect(failed(reversePayment(invoice, [debit], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "10.01.2027" }))).toEqual([
      ["INVALID_INPUT", "context.today"],
    ]);
    const dollars = { ...debit, id: "pay-usd", amount: Money.of("1.00", "USD") };
    expect(failed(reversePayment(invoice, [debit, dollars], [], "pay-debit", { reason: "returned", reversedOn: "2027-01-10" }, { today: "2027-01-10" }))).toEqual([
      ["PAYMENT_CURRENCY_MISMATCH", "payments.1.amount.currency"],
    ]);
  });
});
