import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import { recordPayment, unwrap, type InvoicingErrorCode, type PaymentInput, type Result } from "../index.js";
import { creditForLine2, finalizedInvoice, payable, paymentOf } from "./test-support.js";

const invoice = payable(); // 11,900.00 EUR, issued 2025-12-16, due 2026-01-15
const today = "2026-03-20";

function input(amount: string, receivedOn: string, extra: Partial<PaymentInput> = {}): PaymentInput {
  return { amount: { amount, currency: "EUR" }, receivedOn, method: "bank-transfer", ...extra };
}

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

function messageOf<T>(result: Result<T>): string {
  return result.ok ? "" : (result.errors[0]?.message ?? "");
}

describe("recordPayment", () => {
  it("records a partial payment and returns the balance that includes it", () => {
    const { payment, balance } = unwrap(
      recordPayment(invoice, [], [], input("5000.00", "2026-02-14", { reference: "  RE-2025-000981 Müller  " }), { id: "pay-1", today }),
    );
    expect(payment).toEqual({ id: "pay-1", amount: Money.of("5000.00", "EUR"), receivedOn: "2026-02-14", method: "bank-transfer", reference: "RE-2025-000981 Müller", reversal: null });
    expect(Object.isFrozen(payment)).toBe(true);
    expect([balance.status, balance.paid.toFixed(), balance.open.toFixed(), balance.settledOn]).toEqual(["partially-paid", "5000.00", "6900.00", null]);
  });

  it("the payment of the rest makes the invoice paid with settledOn the day it arrived", () => {
    const { payment, balance } = unwrap(
      recordPayment(invoice, [paymentOf("pay-1", "5000.00", "2026-02-14")], [], input("6900.00", "2026-03-16", { method: "credit-card" }), { id: "pay-2", today }),
    );
    expect(payment.reference).toBeNull();
    expect(payment.method).toBe("credit-card");
    expect([balance.status, balance.paid.toFixed(), balance.open.toFixed(), balance.settledOn, balance.overdueDays]).toEqual(["paid", "11900.00", "0.00", "2026-03-16", 0]);
  });

  it("PAYMENT_EXCEEDS_OPEN_AMOUNT names the open amount; credits count", () => {
    const paidPart = [paymentOf("pay-1", "5000.00", "2026-02-14")];
    const tooMuch = recordPayment(invoice, paidPart, [], input("6900.01", "2026-03-16"), { id: "pay-2", today });
    expect(failed(tooMuch)).toEqual([["PAYMENT_EXCEEDS_OPEN_AMOUNT", "amount.amount"]]);
    expect(messageOf(tooMuch)).toContain("open amount of 6900.00 EUR");

    const credit = creditForLine2(finalizedInvoice(), "2026-02-20"); // 2,380.00
    const afterCredit = recordPayment(invoice, paidPart, [credit], input("6900.00", "2026-03-16"), { id: "pay-2", today });
    expect(failed(afterCredit)).toEqual([["PAYMENT_EXCEEDS_OPEN_AMOUNT", "amount.amount"]]);
    expect(messageOf(afterCredit)).toContain("open amount of 4520.00 EUR");
  });

  it("PAYMENT_EXCEEDS_OPEN_AMOUNT: a paid invoice has 0 open", () => {
    const paid = [paymentOf("pay-1", "11900.00", "2026-01-10")];
    const again = recordPayment(invoice, paid, [], input("0.01", "2026-01-11"), { id: "pay-2", today });
    expect(failed(again)).toEqual([["PAYMENT_EXCEEDS_OPEN_AMOUNT", "amount.amount"]]);
    expect(messageOf(again)).toContain("open amount of 0.00 EUR");
    expect(messageOf(again)).toContain("(it is paid)");
  });

  it("refuses zero and negative amounts", () => {
    expect(failed(recordPayment(invoice, [], [], input("0.00", "2026-02-14"), { id: "p", today }))).toEqual([["PAYMENT_NOT_POSITIVE", "amount.amount"]]);
    expect(failed(recordPayment(invoice, [], [], input("-10.00", "2026-02-14"), { id: "p", today }))).toEqual([["PAYMENT_NOT_POSITIVE", "amount.amount"]]);
  });

  it("refuses another currency and sub-cent amounts", () => {
    const usd = { amount: { amount: "100.00", currency: "USD" }, receivedOn: "2026-02-14", method: "ach" };
    expect(failed(recordPayment(invoice, [], [], usd, { id: "p", today }))).toEqual([["PAYMENT_CURRENCY_MISMATCH", "amount.currency"]]);
    expect(failed(recordPayment(invoice, [], [], input("10.001", "2026-02-14"), { id: "p", today }))).toEqual([["INVALID_INPUT", "amount.amount"]]);
  });

  it("refuses a payment before the issue date and one after today", () => {
    expect(failed(recordPayment(invoice, [], [], input("100.00", "2025-12-15"), { id: "p", today }))).toEqual([["PAYMENT_BEFORE_INVOICE", "receivedOn"]]);
    // On the issue date and on today are fine.
    expect(recordPayment(invoice, [], [], input("100.00", "2025-12-16"), { id: "p", today }).ok).toBe(true);
    expect(recordPayment(invoice, [], [], input("100.00", today), { id: "p", today }).ok).toBe(true);
    const future = recordPayment(invoice, [], [], input("100.00", "2026-03-21"), { id: "p", today });
    expect(failed(future)).toEqual([["PAYMENT_IN_FUTURE", "receivedOn"]]);
    expect(messageOf(future)).toContain("2026-03-20");
  });

  it("reports independent problems together", () => {
    const result = recordPayment(invoice, [], [], { amount: { amount: "-1.00", currency: "USD" }, receivedOn: "2026-04-01", method: "paypal" }, { id: "p", today });
    expect(failed(result)).toEqual([
      ["PAYMENT_CURRENCY_MISMATCH", "amount.currency"],
      ["PAYMENT_NOT_POSITIVE", "amount.amount"],
      ["PAYMENT_IN_FUTURE", "receivedOn"],
    ]);
  });

  it("schema errors keep zod's path: amount, receivedOn, method, reference, unknown keys", () => {
    const codes = (value: unknown) => failed(recordPayment(invoice, [], [], value, { id: "p", today }));
    expect(codes({ amount: { amount: "1,00", currency: "EUR" }, receivedOn: "2026-02-14", method: "bank-transfer" })).toEqual([["INVALID_INPUT", "amount.amount"]]);
    expect(codes(input("1.00", "2026-02-30"))).toEqual([["INVALID_INPUT", "receivedOn"]]);
    expect(codes({ ...input("1.00", "2026-02-14"), method: "cash" })).toEqual([["INVALID_INPUT", "method"]]);
    expect(codes(input("1.00", "2026-02-14", { reference: "   " }))).toEqual([["INVALID_INPUT", "reference"]]);
    expect(codes(input("1.00", "2026-02-14", { reference: "x".repeat(141) }))).toEqual([["INVALID_INPUT", "reference"]]);
    expect(codes({ ...input("1.00", "2026-02-14"), note: "x" })).toEqual([["INVALID_INPUT", ""]]);
    expect(codes(null)).toEqual([["INVALID_INPUT", ""]]);
  });

  it("refuses a taken or empty payment ID, a bad today and stored entries in another currency", () => {
    const paid = [paymentOf("pay-1", "100.00", "2026-01-10")];
    expect(failed(recordPayment(invoice, paid, [], input("1.00", "2026-02-14"), { id: "pay-1", today }))).toEqual([["INVALID_INPUT", "context.id"]]);
    expect(failed(recordPayment(invoice, [], [], input("1.00", "2026-02-14"), { id: " ", today }))).toEqual([["INVALID_INPUT", "context.id"]]);
    expect(failed(recordPayment(invoice, [], [], input("1.00", "2026-02-14"), { id: "p", today: "20.03.2026" }))).toEqual([["INVALID_INPUT", "context.today"]]);
    const dollarCredit = { number: "RK-2026-000001", issueDate: "2026-01-10", amount: Money.of("5.00", "USD") };
    expect(failed(recordPayment(invoice, [], [dollarCredit], input("1.00", "2026-02-14"), { id: "p", today }))).toEqual([
      ["PAYMENT_CURRENCY_MISMATCH", "credits.0.amount.currency"],
    ]);
  });
});
