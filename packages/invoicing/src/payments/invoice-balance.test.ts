import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import { invoiceBalance, InvoicingError, type InvoiceBalance } from "../index.js";
import { creditForLine2, finalizedInvoice, payable, paymentOf } from "./test-support.js";

const invoice = payable(); // 11,900.00 EUR, issued 2025-12-16, due 2026-01-15
const first = paymentOf("p1", "5000.00", "2026-02-14");
const rest = paymentOf("p2", "6900.00", "2026-03-16");

function summary(balance: InvoiceBalance) {
  return {
    status: balance.status,
    paid: balance.paid.toFixed(),
    credited: balance.credited.toFixed(),
    open: balance.open.toFixed(),
    settledOn: balance.settledOn,
    overdueDays: balance.overdueDays,
  };
}

describe("invoiceBalance", () => {
  it("an invoice without payments is unpaid; overdue days count from the day after the due date", () => {
    expect(summary(invoiceBalance(invoice, [], [], "2026-01-15"))).toEqual({
      status: "unpaid", paid: "0.00", credited: "0.00", open: "11900.00", settledOn: null, overdueDays: 0,
    });
    // 2026-01-15 → 2026-02-14 is 30 days.
    expect(invoiceBalance(invoice, [], [], "2026-02-14").overdueDays).toBe(30);
  });

  it("a partial payment leaves 6,900.00 open and the invoice partially paid", () => {
    expect(summary(invoiceBalance(invoice, [first], [], "2026-02-20"))).toEqual({
      status: "partially-paid", paid: "5000.00", credited: "0.00", open: "6900.00", settledOn: null, overdueDays: 36,
    });
  });

  it("the payment that closes the invoice settles it: 0 open, status paid, settledOn its day, not overdue", () => {
    const balance = invoiceBalance(invoice, [rest, first], [], "2026-04-01");
    expect(summary(balance)).toEqual({
      status: "paid", paid: "11900.00", credited: "0.00", open: "0.00", settledOn: "2026-03-16", overdueDays: 0,
    });
    expect(balance.amountDue.toFixed()).toBe("11900.00");
    expect(balance.dueDate).toBe("2026-01-15");
    expect(Object.isFrozen(balance)).toBe(true);
  });

  it("P2: payments after asOf have not happened yet on that day", () => {
    expect(summary(invoiceBalance(invoice, [first, rest], [], "2026-03-15"))).toMatchObject({ status: "partially-paid", open: "6900.00", overdueDays: 59 });
  });

  it("a credit note lowers what is owed; a credit alone does not make the invoice partially paid", () => {
    const credit = creditForLine2(finalizedInvoice(), "2026-01-10"); // 2,380.00
    expect(summary(invoiceBalance(invoice, [], [credit], "2026-01-20"))).toEqual({
      status: "unpaid", paid: "0.00", credited: "2380.00", open: "9520.00", settledOn: null, overdueDays: 5,
    });
    const settled = invoiceBalance(invoice, [paymentOf("p1", "9520.00", "2026-01-30")], [credit], "2026-02-01");
    expect(summary(settled)).toEqual({
      status: "paid", paid: "9520.00", credited: "2380.00", open: "0.00", settledOn: "2026-01-30", overdueDays: 0,
    });
  });

  it("a credit after full payment leaves 0 open, not a negative debt (the excess is refunded)", () => {
    const credit = creditForLine2(finalizedInvoice(), "2026-03-20");
    const balance = invoiceBalance(invoice, [first, rest], [credit], "2026-03-31");
    expect(summary(balance)).toMatchObject({ status: "paid", open: "0.00", credited: "2380.00", settledOn: "2026-03-16" });
  });

  it("an invoice with nothing due (fully prepaid) is paid from its issue date", () => {
    const prepaid = payable({ prepaidAmount: { amount: "11900.00", currency: "EUR" } });
    expect(summary(invoiceBalance(prepaid, [], [], "2026-02-01"))).toMatchObject({ status: "paid", open: "0.00", settledOn: "2025-12-16", overdueDays: 0 });
  });

  it("throws a typed InvoicingError for a stored payment in another currency and for a bad asOf", () => {
    const dollars = { ...first, amount: Money.of("10.00", "USD") };
    let thrown: unknown;
    try {
      invoiceBalance(invoice, [dollars], [], "2026-02-01");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvoicingError);
    expect((thrown as InvoicingError).code).toBe("PAYMENT_CURRENCY_MISMATCH");
    expect((thrown as InvoicingError).path).toEqual(["payments", 0, "amount", "currency"]);
    expect(() => invoiceBalance(invoice, [], [], "2026-02-30")).toThrow(/INVALID_INPUT at asOf/);
  });
});
