import { describe, expect, it } from "vitest";
import { composeCreditNote, composeInvoice, finalizeInvoice, payableInvoiceOf, unwrap, type InvoicingErrorCode, type Result } from "../index.js";
import { finalizedInvoice, invoiceInput } from "./test-support.js";

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

describe("payableInvoiceOf", () => {
  it("takes number, issue date, due date (BT-9) and amount due (BT-115) of a finalized invoice", () => {
    const payable = unwrap(payableInvoiceOf(finalizedInvoice()));
    expect(payable.number).toBe("RE-2025-000981");
    expect(payable.issueDate).toBe("2025-12-16");
    expect(payable.dueDate).toBe("2026-01-15");
    expect(payable.amountDue.toFixed()).toBe("11900.00");
    expect(payable.amountDue.currency).toBe("EUR");
    expect(Object.isFrozen(payable)).toBe(true);
  });

  it("owes the amount due, not the gross total: a prepaid amount is off", () => {
    const payable = unwrap(payableInvoiceOf(finalizedInvoice({ prepaidAmount: { amount: "1900.00", currency: "EUR" } })));
    expect(payable.amountDue.toFixed()).toBe("10000.00");
  });

  it("refuses a draft: it is not owed yet", () => {
    const draft = unwrap(composeInvoice(invoiceInput()));
    expect(failed(payableInvoiceOf(draft))).toEqual([["PAYMENT_INVOICE_NOT_FINALIZED", "status"]]);
  });

  it("refuses a credit note, draft or finalized: it is refunded, not paid", () => {
    const draftNote = unwrap(composeCreditNote(finalizedInvoice(), { issueDate: "2026-01-10", reason: "Storno" }));
    expect(failed(payableInvoiceOf(draftNote))).toEqual([["PAYMENT_INVOICE_NOT_FINALIZED", "status"]]);
    const note = unwrap(finalizeInvoice(draftNote, { number: "RK-2026-000001" }));
    expect(failed(payableInvoiceOf(note))).toEqual([["PAYMENT_NOT_PAYABLE_TYPE", "type"]]);
  });

  it("accepts a correction invoice (C4) and refuses one with a negative amount due", () => {
    const correction = finalizedInvoice({
      type: "corrected-invoice",
      precedingInvoice: { number: "RE-2025-000950", issueDate: "2025-12-01" },
    });
    expect(unwrap(payableInvoiceOf(correction)).amountDue.toFixed()).toBe("11900.00");
    const refund = finalizedInvoice({ prepaidAmount: { amount: "12000.00", currency: "EUR" } });
    expect(refund.totals.amountDue.toFixed()).toBe("-100.00");
    expect(failed(payableInvoiceOf(refund))).toEqual([["PAYMENT_NOT_PAYABLE_TYPE", "totals.amountDue"]]);
  });
});
