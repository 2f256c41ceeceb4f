import { describe, expect, it } from "vitest";
import {
  addInvoiceLines,
  composeCreditNote,
  composeInvoice,
  finalizeInvoice,
  redateInvoice,
  removeInvoiceLine,
  unwrap,
  type InvoiceInput,
  type Result,
} from "../index.js";
import { minuteLine, mixedRateInvoice } from "../test-support/fixtures.js";

function problems<T>(result: Result<T>): string[][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}


/**
 * 50 MIN at 95.00 per 60 MIN = 79.1666… → 79.17; 7 MIN at 120.00 per 60 MIN = 14.00; 1.5 HUR
 * at 95.00 = 142.50 (base 1); 10 MIN at 95.00 per 60 MIN at 7 % = 15.8333… → 15.83.
 */
function minuteInvoice(): InvoiceInput {
  const hours = mixedRateInvoice().lines[1];
  if (hours === undefined) throw new Error("fixture has an hour line");
  return { ...mixedRateInvoice(), lines: [minuteLine(50, "95.00"), minuteLine(7, "120.00"), hours, minuteLine(10, "95.00", "7")] };
}

describe("item price base quantity (BT-149)", () => {
  it("BT-149: 50 MIN at 95.00 per 60 MIN is 79.17 net (50 × 95.00 ÷ 60 = 79.1666…, rounded once), not 0.8333 HUR × 95.00 = 79.16", () => {
    const draft = unwrap(composeInvoice({ ...minuteInvoice(), lines: [minuteLine(50, "95.00")] }));
    const [line] = draft.lines;
    expect([line?.quantity, line?.unitCode, line?.unitPrice.toFixed(), line?.baseQuantity, line?.netAmount.toFixed()]).toEqual(["50", "MIN", "95.00", "60", "79.17"]);
    const hours = unwrap(composeInvoice({ ...minuteInvoice(), lines: [{ ...minuteLine(50, "95.00"), quantity: "0.8333", unitCode: "HUR", baseQuantity: undefined }] }));
    expect(hours.lines[0]?.netAmount.toFixed()).toBe("79.16");
  });

  it("BT-149: 7 MIN at 120.00 per 60 MIN is 14.00 (7 × 120.00 ÷ 60 = 14 exactly)", () => {
    const draft = unwrap(composeInvoice({ ...minuteInvoice(), lines: [minuteLine(7, "120.00")] }));
    expect(draft.lines[0]?.netAmount.toFixed()).toBe("14.00");
  });

  it("a base quantity of 1, given or not, changes nothing: 1.5 HUR × 95.00 = 142.50, the same totals, no base quantity on lines that gave none", () => {
    const plain = unwrap(composeInvoice(mixedRateInvoice()));
    const explicit = unwrap(composeInvoice({ ...mixedRateInvoice(), lines: mixedRateInvoice().lines.map((line) => ({ ...line, baseQuantity: "1" })) }));
    expect(explicit.lines.map((line) => line.netAmount.toFixed())).toEqual(["119.88", "142.50", "37.04"]);
    expect(plain.lines.map((line) => line.netAmount.toFixed())).toEqual(["119.88", "142.50", "37.04"]);
    expect(explicit.totals).toEqual(plain.totals);
    expect(plain.lines.map((line) => "baseQuantity" in line)).toEqual([false, false, false]);
    expect(plain.source.lines.map((line) => "baseQuantity" in line)).toEqual([false, false, false]);
    // "1.00" is 1 as well.
    expect(unwrap(composeInvoice({ ...minuteInvoice(), lines: [{ ...minuteLine(3, "12.345"), baseQuantity: "1.00" }] })).lines[0]?.netAmount.toFixed()).toBe("37.04");
  });

  it("T5 over such lines: 79.17 + 14.00 + 142.50 = 235.67 at 19 % → 44.78 tax (44.7773); 15.83 at 7 % → 1.11 (1.1081); totals are sums of the rounded values", () => {
    const draft = unwrap(composeInvoice(minuteInvoice()));
    expect(draft.lines.map((line) => [line.quantity, line.unitCode, line.baseQuantity ?? "1", line.netAmount.toFixed()])).toEqual([
      ["50", "MIN", "60", "79.17"],
      ["7", "MIN", "60", "14.00"],
      ["1.5", "HUR", "1", "142.50"],
      ["10", "MIN", "60", "15.83"],
    ]);
    expect(draft.totals.vatBreakdown.map((entry) => [entry.rate, entry.taxableAmount.toFixed(), entry.taxAmount.toFixed()])).toEqual([
      ["19", "235.67", "44.78"],
      ["7", "15.83", "1.11"],
    ]);
    expect([draft.totals.lineNetTotal.toFixed(), draft.totals.taxTotal.toFixed(), draft.totals.grandTotal.toFixed()]).toEqual(["251.50", "45.89", "297.39"]);
  });

  it("refuses a base quantity of 0 or below, or one that is no decimal, as INVALID_INPUT at lines.<n>.baseQuantity", () => {
    for (const baseQuantity of ["0", "0.000", "-60", "sixty"]) {
      expect(problems(composeInvoice({ ...minuteInvoice(), lines: [{ ...minuteLine(50, "95.00"), baseQuantity }] }))).toEqual([["INVALID_INPUT", "lines.0.baseQuantity"]]);
    }
  });

  it("a fractional base quantity prices exactly: 3 C62 at 10.00 per 0.7 = 42.857… → 42.86", () => {
    const draft = unwrap(composeInvoice({ ...minuteInvoice(), lines: [{ ...minuteLine(3, "10.00"), unitCode: "C62", baseQuantity: "0.7" }] }));
    expect(draft.lines[0]?.netAmount.toFixed()).toBe("42.86");
  });
});

describe("credit notes, revisions and re-dating keep the base quantity (BT-149)", () => {
  const invoice = unwrap(finalizeInvoice(unwrap(composeInvoice(minuteInvoice())), { number: "RE-2026-000123" }));

  it("a full credit note credits 50 MIN per 60 MIN at 95.00 as 79.17, the invoiced amount, with base quantity and unit", () => {
    const credit = unwrap(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "Doppelt berechnet", lines: [{ lineId: "1" }] }));
    expect(credit.lines.map((line) => [line.id, line.quantity, line.unitCode, line.baseQuantity, line.netAmount.toFixed()])).toEqual([["1", "50", "MIN", "60", "79.17"]]);
    // 79.17 × 19 % = 15.0423 → 15.04.
    expect([credit.totals.lineNetTotal.toFixed(), credit.totals.taxTotal.toFixed(), credit.totals.grandTotal.toFixed()]).toEqual(["79.17", "15.04", "94.21"]);
    const all = unwrap(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "Storno" }));
    expect(all.totals).toEqual(invoice.totals);
  });

  it("partial credits count minutes: 20 MIN = 31.67, then the 30 left = 47.50, together the invoiced 79.17; a further minute is CREDIT_EXCEEDS_INVOICE", () => {
    const first = unwrap(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "20 Minuten zu viel", lines: [{ lineId: "1", quantity: "20" }] }));
    expect(first.lines[0]?.netAmount.toFixed()).toBe("31.67");
    const rest = unwrap(
      composeCreditNote(invoice, { issueDate: "2026-01-21", reason: "Rest", lines: [{ lineId: "1", quantity: "30" }] }, { earlierCreditNotes: [first] }),
    );
    expect(rest.lines[0]?.netAmount.toFixed()).toBe("47.50");
    expect([...first.lines, ...rest.lines].reduce((sum, line) => sum.add(line.netAmount), invoice.lines[0]?.netAmount.subtract(invoice.lines[0].netAmount) ?? first.totals.lineNetTotal).toFixed()).toBe("79.17");
    const more = composeCreditNote(invoice, { issueDate: "2026-01-22", reason: "Noch eine", lines: [{ lineId: "1", quantity: "1" }] }, { earlierCreditNotes: [first, rest] });
    expect(problems(more)).toEqual([["CREDIT_EXCEEDS_INVOICE", "lines.0.quantity"]]);
  });

  it("redateInvoice, addInvoiceLines and removeInvoiceLine recompose from the source: the base quantity and 79.17 stay", () => {
    const draft = unwrap(composeInvoice(minuteInvoice()));
    const redated = unwrap(redateInvoice(draft, "2026-01-20"));
    expect(redated.lines.map((line) => [line.baseQuantity ?? "1", line.netAmount.toFixed()])).toEqual([
      ["60", "79.17"],
      ["60", "14.00"],
      ["1", "142.50"],
      ["60", "15.83"],
    ]);
    expect(redated.totals).toEqual(draft.totals);
    const added = unwrap(addInvoiceLines(draft, [minuteLine(20, "95.00")]));
    expect(added.lines.map((line) => line.netAmount.toFixed())).toEqual(["79.17", "14.00", "142.50", "15.83", "31.67"]);
    const removed = unwrap(removeInvoiceLine(draft, "2"));
    expect(removed.lines.map((line) => [line.id, line.baseQuantity ?? "1", line.netAmount.toFixed()])).toEqual([
      ["1", "60", "79.17"],
      ["3", "1", "142.50"],
      ["4", "60", "15.83"],
    ]);
  });
});
