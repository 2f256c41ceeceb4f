import { describe, expect, it } from "vitest";
import { composeCreditNote, composeInvoice, finalizeInvoice, unwrap, type InvoicingErrorCode, type Result } from "../index.js";
import { mixedRateInvoice, reverseChargeInvoice } from "../test-support/fixtures.js";

function codes<T>(result: Result<T>): InvoicingErrorCode[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

describe("composeCreditNote", () => {
  const draft = unwrap(composeInvoice(mixedRateInvoice()));
  const original = unwrap(finalizeInvoice(draft, { number: "RE-2026-000123" }));

  it("credits the whole invoice by default and references the original number and date (BG-3)", () => {
    const note = unwrap(composeCreditNote(original, { issueDate: "2026-01-31", reason: "Storno der Rechnung RE-2026-000123" }));
    expect(note.type).toBe("credit-note");
    expect(note.precedingInvoice).toEqual({ number: "RE-2026-000123", issueDate: "2026-01-15" });
    expect(note.notes).toEqual(["Storno der Rechnung RE-2026-000123"]);
    expect(note.lines.map((line) => [line.id, line.quantity, line.netAmount.toFixed()])).toEqual([
      ["1", "12", "119.88"],
      ["2", "1.5", "142.50"],
      ["3", "3", "37.04"],
    ]);
    // Same categories, same T5 totals: a full credit cancels the invoice to the cent.
    expect(note.totals.grandTotal.equals(original.totals.grandTotal)).toBe(true);
    expect(note.totals.taxTotal.toFixed()).toBe("52.44");
    expect(note.buyer).toEqual(original.buyer);
    expect(note.paymentTerms.description).toBe("Der Betrag wird bis zum 02.03.2026 erstattet.");
  });

  it("credits selected lines with smaller quantities", () => {
    const note = unwrap(
      composeCreditNote(original, { issueDate: "2026-01-20", reason: "2 Lizenzen zu viel", lines: [{ lineId: "1", quantity: "2" }] }),
    );
    expect(note.lines.map((line) => [line.id, line.quantity, line.netAmount.toFixed()])).toEqual([["1", "2", "19.98"]]);
    expect(note.totals.taxTotal.toFixed()).toBe("3.80");
  });

  it("T3: a credit note for a reverse-charge invoice stays reverse charge with the note", () => {
    const rc = unwrap(finalizeInvoice(unwrap(composeInvoice(reverseChargeInvoice())), { number: "RE-2026-000200" }));
    const note = unwrap(composeCreditNote(rc, { issueDate: "2026-03-02", reason: "Reisekosten erlassen", lines: [{ lineId: "2" }] }));
    expect(note.totals.vatBreakdown.map((entry) => [entry.category, entry.taxableAmount.toFixed(), entry.exemptionReason])).toEqual([
      ["AE", "85.50", "Steuerschuldnerschaft des Leistungsempfängers"],
    ]);
  });

  it("refuses a draft original, unknown lines, too large or zero quantities and an earlier date", () => {
    expect(codes(composeCreditNote(draft, { issueDate: "2026-01-20", reason: "x" }))).toEqual(["INVOICE_NOT_FINALIZED"]);
    expect(codes(composeCreditNote(original, { issueDate: "2026-01-20", reason: "x", lines: [{ lineId: "7" }] }))).toEqual([
      "CREDIT_LINE_INVALID",
    ]);
    expect(
      codes(composeCreditNote(original, { issueDate: "2026-01-20", reason: "x", lines: [{ lineId: "1", quantity: "13" }] })),
    ).toEqual(["CREDIT_LINE_INVALID"]);
    expect(
      codes(composeCreditNote(original, { issueDate: "2026-01-20", reason: "x", lines: [{ lineId: "1", quantity: "0" }] })),
    ).toEqual(["CREDIT_LINE_INVALID"]);
    expect(codes(composeCreditNote(original, { issueDate: "2026-01-10", reason: "x" }))).toEqual(["INVALID_INPUT"]);
  });

  it("a credit note cannot itself be credited", () => {
    const note = unwrap(finalizeInvoice(unwrap(composeCreditNote(original, { issueDate: "2026-01-20", reason: "x" })), { number: "RK-2026-000001" }));
    expect(codes(composeCreditNote(note, { issueDate: "2026-01-21", reason: "y" }))).toEqual(["INVALID_INPUT"]);
  });
});
