import { describe, expect, it } from "vitest";
import {
  composeCreditNote,
  composeInvoice,
  finalizeInvoice,
  unwrap,
  type DraftInvoice,
  type EarlierCreditNote,
  type InvoicingErrorCode,
  type Result,
} from "../index.js";
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

describe("composeCreditNote with the invoice's earlier credit notes (CREDIT_EXCEEDS_INVOICE)", () => {
  // 5 × 200.00 = 1,000.00 net at 19 % (190.00), 1,190.00 gross; 1.5 h × 95.00 = 142.50 net (27.075 → 27.08).
  // Together: net 1,142.50, VAT 1,142.50 × 19 % = 217.075 → 217.08, total 1,359.58 EUR.
  const base = mixedRateInvoice();
  const original = unwrap(
    finalizeInvoice(
      unwrap(
        composeInvoice({
          ...base,
          lines: [
            { kind: "license-purchase", description: "Adobe Acrobat Pro, Jahreslizenz", deployment: "cloud", quantity: "5", unitPrice: { amount: "200.00", currency: "EUR" }, vat: { category: "S", rate: "19" } },
            { kind: "time-and-material", description: "Einrichtung", quantity: "1.5", unitPrice: { amount: "95.00", currency: "EUR" }, vat: { category: "S", rate: "19" } },
          ],
        }),
      ),
      { number: "RE-2026-000300" },
    ),
  );
  const credit = (lines: { lineId: string; quantity?: string }[] | undefined, earlierCreditNotes: EarlierCreditNote[] = []) =>
    composeCreditNote(original, { issueDate: "2026-01-20", reason: "Lizenzen zurückgegeben", ...(lines === undefined ? {} : { lines }) }, { earlierCreditNotes });
  const amounts = (note: DraftInvoice) => [note.totals.lineNetTotal.toFixed(), note.totals.taxTotal.toFixed(), note.totals.grandTotal.toFixed()];

  it("CREDIT_EXCEEDS_INVOICE: 2 of 5 units, then 3, credit the line exactly; 1 more is refused with the line's quantity path", () => {
    expect(original.totals.grandTotal.toFixed()).toBe("1359.58");
    const first = unwrap(credit([{ lineId: "1", quantity: "2" }]));
    // 2 × 200.00 = 400.00, 19 % = 76.00, 476.00.
    expect(amounts(first)).toEqual(["400.00", "76.00", "476.00"]);
    // The earlier note is still a draft: it counts all the same.
    const second = unwrap(credit([{ lineId: "1", quantity: "3" }], [first]));
    // 3 × 200.00 = 600.00, 19 % = 114.00, 714.00: with the first, the line's 1,000.00 + 190.00 exactly.
    expect(amounts(second)).toEqual(["600.00", "114.00", "714.00"]);
    expect(first.totals.grandTotal.add(second.totals.grandTotal).toFixed()).toBe("1190.00");

    const third = credit([{ lineId: "2", quantity: "0.5" }, { lineId: "1", quantity: "1" }], [first, second]);
    expect(third.ok).toBe(false);
    expect(third.ok ? [] : third.errors.map((error) => [error.code, error.path.join(".")])).toEqual([["CREDIT_EXCEEDS_INVOICE", "lines.1.quantity"]]);
    expect(third.ok ? "" : third.errors[0]?.message).toBe(
      "Line 1 of invoice RE-2026-000300 was invoiced for 5 and is credited for 5 already: nothing is left to credit",
    );
    // The other line is untouched by the credits of line 1: 0.5 h × 95.00 = 47.50, 19 % = 9.03 (9.025), 56.53.
    expect(amounts(unwrap(credit([{ lineId: "2", quantity: "0.5" }], [first, second])))).toEqual(["47.50", "9.03", "56.53"]);
  });

  it("CREDIT_EXCEEDS_INVOICE: a full credit after a partial one is refused, with or without naming the lines", () => {
    const partial = unwrap(credit([{ lineId: "1", quantity: "2" }]));
    const whole = credit(undefined, [partial]);
    expect(whole.ok ? [] : whole.errors.map((error) => [error.code, error.path.join(".")])).toEqual([["CREDIT_EXCEEDS_INVOICE", "lines"]]);
    expect(whole.ok ? "" : whole.errors[0]?.message).toContain("credited for 2 already: at most 3 is left to credit, not 5");
    const named = credit([{ lineId: "2" }, { lineId: "1" }], [partial]);
    expect(named.ok ? [] : named.errors.map((error) => [error.code, error.path.join(".")])).toEqual([["CREDIT_EXCEEDS_INVOICE", "lines.1.quantity"]]);
    // Without earlier credit notes the same full credit is the whole invoice to the cent.
    expect(amounts(unwrap(credit(undefined)))).toEqual(["1142.50", "217.08", "1359.58"]);
  });

  it("CREDIT_EXCEEDS_INVOICE: stored (JSON) credit notes count like composed ones; fractional rests are exact", () => {
    const stored = (note: DraftInvoice): EarlierCreditNote => JSON.parse(JSON.stringify(note)) as EarlierCreditNote;
    const hour = unwrap(credit([{ lineId: "2", quantity: "0.5" }]));
    const rest = unwrap(credit([{ lineId: "2", quantity: "1" }], [stored(hour)]));
    // 1 h × 95.00 = 95.00, 19 % = 18.05, 113.05.
    expect(amounts(rest)).toEqual(["95.00", "18.05", "113.05"]);
    const over = credit([{ lineId: "2", quantity: "0.25" }], [stored(hour), stored(rest)]);
    expect(codes(over)).toEqual(["CREDIT_EXCEEDS_INVOICE"]);
    // A credit beyond the invoiced quantity itself stays CREDIT_LINE_INVALID, as before.
    expect(codes(credit([{ lineId: "2", quantity: "2" }], [stored(hour)]))).toEqual(["CREDIT_LINE_INVALID"]);
  });

  it("T5: each credit note rounds its own lines, so three credits of 1 × 12.345 EUR are 37.05 against 37.04 invoiced", () => {
    const invoice = unwrap(finalizeInvoice(unwrap(composeInvoice(mixedRateInvoice())), { number: "RE-2026-000302" }));
    const notes: DraftInvoice[] = [];
    for (let index = 0; index < 3; index += 1) {
      notes.push(unwrap(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "x", lines: [{ lineId: "3", quantity: "1" }] }, { earlierCreditNotes: notes })));
    }
    expect(invoice.lines[2]?.netAmount.toFixed()).toBe("37.04");
    expect(notes.map((note) => note.lines[0]?.netAmount.toFixed())).toEqual(["12.35", "12.35", "12.35"]);
    expect(codes(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "x", lines: [{ lineId: "3", quantity: "0.001" }] }, { earlierCreditNotes: notes }))).toEqual([
      "CREDIT_EXCEEDS_INVOICE",
    ]);
  });

  it("refuses earlier documents that are not credit notes of this invoice, so nothing is miscounted", () => {
    const other = unwrap(finalizeInvoice(unwrap(composeInvoice(mixedRateInvoice())), { number: "RE-2026-000301" }));
    const foreign = unwrap(composeCreditNote(other, { issueDate: "2026-01-20", reason: "x" }));
    const refused = credit([{ lineId: "1", quantity: "1" }], [foreign]);
    expect(refused.ok ? [] : refused.errors.map((error) => [error.code, error.path.join(".")])).toEqual([["INVALID_INPUT", "earlierCreditNotes.0"]]);
    expect(codes(credit([{ lineId: "1", quantity: "1" }], [original]))).toEqual(["INVALID_INPUT"]);
    const own = unwrap(credit([{ lineId: "1", quantity: "1" }]));
    expect(codes(credit([{ lineId: "1", quantity: "1" }], [{ ...own, lines: [{ id: "9", quantity: "1" }] }]))).toEqual(["INVALID_INPUT"]);
  });
});
