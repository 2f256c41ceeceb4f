import { describe, expect, it } from "vitest";
import {
  addInvoiceLines,
  composeInvoice,
  finalizeInvoice,
  INVOICE_NUMBER_SERIES,
  removeInvoiceLine,
  reviseInvoice,
  unwrap,
  type InvoiceInput,
  type InvoicingErrorCode,
  type Result,
} from "../index.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "@kontor/terms";
import { EU_BUYER, mixedRateInvoice, omit, reverseChargeInvoice, SELLER } from "../test-support/fixtures.js";

function codes<T>(result: Result<T>): InvoicingErrorCode[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

describe("composeInvoice", () => {
  it("T5: mixed 19 % and 7 % lines give one category per rate with tax on the category total", () => {
    const draft = unwrap(composeInvoice(mixedRateInvoice()));
    expect(draft.status).toBe("draft");
    expect(draft.number).toBeNull();
    expect(draft.lines.map((line) => [line.id, line.unitCode, line.netAmount.toFixed()])).toEqual([
      ["1", "C62", "119.88"],
      ["2", "HUR", "142.50"],
      ["3", "C62", "37.04"], // 3 × 12.345 = 37.035 → 37.04 half-up
    ]);
    expect(
      draft.totals.vatBreakdown.map((entry) => [entry.category, entry.rate, entry.taxableAmount.toFixed(), entry.taxAmount.toFixed()]),
    ).toEqual([
      ["S", "19", "262.38", "49.85"], // per-line rounding would give 22.78 + 27.08 = 49.86
      ["S", "7", "37.04", "2.59"],
    ]);
    expect(draft.totals.lineNetTotal.toFixed()).toBe("299.42");
    expect(draft.totals.taxTotal.toFixed()).toBe("52.44");
    expect(draft.totals.grandTotal.toFixed()).toBe("351.86");
    expect(draft.totals.amountDue.toFixed()).toBe("351.86");
  });

  it("T3: a 0 % reverse-charge invoice has one AE category with tax 0 and the exemption note", () => {
    const draft = unwrap(composeInvoice(reverseChargeInvoice()));
    expect(draft.totals.vatBreakdown).toHaveLength(1);
    const [entry] = draft.totals.vatBreakdown;
    expect(entry?.category).toBe("AE");
    expect(entry?.rate).toBe("0");
    expect(entry?.taxableAmount.toFixed()).toBe("6135.50");
    expect(entry?.taxAmount.toFixed()).toBe("0.00");
    expect(entry?.exemptionReason).toBe("Steuerschuldnerschaft des Leistungsempfängers");
    expect(entry?.exemptionReasonCode).toBe("VATEX-EU-AE");
    expect(draft.totals.grandTotal.toFixed()).toBe("6135.50");
  });

  it("T1/§193 BGB: the due date comes from @kontor/terms (2026-11-25 + 30 days = Christmas → 2026-12-28)", () => {
    const draft = unwrap(composeInvoice({ ...mixedRateInvoice(), issueDate: "2026-11-25", supplyPeriod: { start: "2026-11-01", end: "2026-11-24" } }));
    expect(draft.paymentTerms.dueDate).toBe("2026-12-28");
    expect(draft.paymentTerms.description).toBe("Zahlbar ohne Abzug bis zum 28.12.2026.");
  });

  it("keeps an agreed due date and refuses one before the issue date", () => {
    expect(unwrap(composeInvoice({ ...mixedRateInvoice(), paymentTerms: { dueDate: "2026-02-01" } })).paymentTerms.dueDate).toBe(
      "2026-02-01",
    );
    expect(codes(composeInvoice({ ...mixedRateInvoice(), paymentTerms: { dueDate: "2026-01-01" } }))).toEqual([
      "PAYMENT_TERMS_INVALID",
    ]);
  });

  it("refuses an unknown holiday calendar for the due date", () => {
    const result = composeInvoice({ ...mixedRateInvoice(), paymentTerms: { calendar: "XX-YY" } });
    expect(codes(result)).toContain("PAYMENT_TERMS_INVALID");
  });

  it("reports schema problems as INVALID_INPUT with the field path, never throws", () => {
    const input = mixedRateInvoice();
    const result = composeInvoice({
      ...input,
      issueDate: "2026-02-30",
      lines: [{ ...input.lines[0]!, quantity: "zwölf" }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => [error.code, error.path.join(".")])).toEqual([
        ["INVALID_INPUT", "issueDate"],
        ["INVALID_INPUT", "lines.0.quantity"],
      ]);
    }
    expect(composeInvoice(null as unknown as InvoiceInput).ok).toBe(false);
  });

  it("§14 Abs. 4 Nr. 2 UStG: refuses a seller without tax number and VAT ID", () => {
    const seller = omit(SELLER, "vatId", "taxNumber");
    expect(codes(composeInvoice({ ...mixedRateInvoice(), seller }))).toEqual(["UST14_SELLER_TAX_ID_MISSING"]);
  });

  it("§14 Abs. 4 Nr. 6 UStG: refuses an invoice without delivery date or supply period", () => {
    const input = omit(mixedRateInvoice(), "supplyPeriod");
    const result = composeInvoice(input);
    expect(codes(result)).toEqual(["UST14_SUPPLY_DATE_MISSING"]);
    // … unless every line has its own period.
    const withPeriods = composeInvoice({
      ...input,
      lines: input.lines.map((line) => ({ ...line, period: { start: "2026-01-02", end: "2026-01-09" } })),
    });
    expect(withPeriods.ok).toBe(true);
  });

  it("T3: reverse charge without the buyer's VAT ID is refused, never silently 0 %", () => {
    const buyer = omit(EU_BUYER, "vatId");
    const result = composeInvoice({ ...reverseChargeInvoice(), buyer });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "T3_REVERSE_CHARGE_VAT_IDS_MISSING", path: ["buyer", "vatId"] });
  });

  it("checks rates against categories: S above 0, AE exactly 0; E needs an exemption reason", () => {
    const input = mixedRateInvoice();
    const line = input.lines[0]!;
    expect(codes(composeInvoice({ ...input, lines: [{ ...line, vat: { category: "S", rate: "0" } }] }))).toEqual(["VAT_RATE_INVALID"]);
    // Both parties have VAT IDs here, so only the rate is wrong.
    expect(codes(composeInvoice({ ...input, lines: [{ ...line, vat: { category: "AE", rate: "19" } }] }))).toEqual(["VAT_RATE_INVALID"]);
    expect(codes(composeInvoice({ ...input, lines: [{ ...line, vat: { category: "E", rate: "0" } }] }))).toEqual([
      "VAT_EXEMPTION_REASON_MISSING",
    ]);
    const exempt = unwrap(
      composeInvoice({
        ...input,
        lines: [{ ...line, vat: { category: "E", rate: "0", exemptionReason: "Steuerfrei nach § 4 Nr. 21 UStG", exemptionReasonCode: "VATEX-EU-132" } }],
      }),
    );
    expect(exempt.totals.vatBreakdown[0]?.exemptionReason).toBe("Steuerfrei nach § 4 Nr. 21 UStG");
  });

  it("refuses a line priced in another currency and duplicate line IDs", () => {
    const input = mixedRateInvoice();
    const [first, second] = input.lines;
    const result = composeInvoice({
      ...input,
      lines: [
        { ...first!, id: "A" },
        { ...second!, id: "A", unitPrice: { amount: "95.00", currency: "USD" } },
      ],
    });
    expect(codes(result)).toEqual(["LINE_ID_DUPLICATE", "CURRENCY_MISMATCH"]);
  });

  it("a credit note or correction invoice without the original's number is refused", () => {
    expect(codes(composeInvoice({ ...mixedRateInvoice(), type: "credit-note" }))).toEqual(["PRECEDING_INVOICE_MISSING"]);
    expect(codes(composeInvoice({ ...mixedRateInvoice(), type: "corrected-invoice" }))).toEqual(["PRECEDING_INVOICE_MISSING"]);
  });

  it("category O cannot be mixed with other categories", () => {
    const input = mixedRateInvoice();
    const result = composeInvoice({
      ...input,
      lines: [...input.lines, { ...input.lines[0]!, id: "9", vat: { category: "O", rate: "0" } }],
    });
    expect(codes(result)).toEqual(["VAT_CATEGORY_O_MIXED"]);
  });

  it("returns deeply frozen documents", () => {
    const draft = unwrap(composeInvoice(mixedRateInvoice()));
    expect(Object.isFrozen(draft)).toBe(true);
    expect(Object.isFrozen(draft.lines)).toBe(true);
    expect(Object.isFrozen(draft.lines[0])).toBe(true);
    expect(Object.isFrozen(draft.seller.address.lines)).toBe(true);
    expect(Object.isFrozen(draft.totals.vatBreakdown[0])).toBe(true);
    expect(() => {
      (draft.lines as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe("finalizeInvoice and immutability", () => {
  const draft = unwrap(composeInvoice(mixedRateInvoice()));
  const invoice = unwrap(finalizeInvoice(draft, { number: "RE-2026-000123", series: INVOICE_NUMBER_SERIES }));

  it("numbers the draft and freezes it", () => {
    expect(invoice.status).toBe("finalized");
    expect(invoice.number).toBe("RE-2026-000123");
    expect(Object.isFrozen(invoice)).toBe(true);
    expect(Object.isFrozen(invoice.lines[0])).toBe(true);
    expect(() => {
      (invoice as { number: string }).number = "RE-2026-000999";
    }).toThrow(TypeError);
    expect(invoice.number).toBe("RE-2026-000123");
  });

  it("refuses to finalize, revise, add or remove lines of a finalized invoice (INVOICE_FINALIZED)", () => {
    expect(codes(finalizeInvoice(invoice, { number: "RE-2026-000124" }))).toEqual(["INVOICE_FINALIZED"]);
    expect(codes(reviseInvoice(invoice, { buyerReference: "X" }))).toEqual(["INVOICE_FINALIZED"]);
    expect(codes(addInvoiceLines(invoice, [mixedRateInvoice().lines[0]!]))).toEqual(["INVOICE_FINALIZED"]);
    expect(codes(removeInvoiceLine(invoice, "1"))).toEqual(["INVOICE_FINALIZED"]);
    expect(invoice.lines).toHaveLength(3);
  });

  it("checks the number against its series and the year of the issue date", () => {
    expect(codes(finalizeInvoice(draft, { number: "RE-2026-123", series: INVOICE_NUMBER_SERIES }))).toEqual(["NUMBER_FORMAT_INVALID"]);
    expect(codes(finalizeInvoice(draft, { number: "RE-2025-000123", series: INVOICE_NUMBER_SERIES }))).toEqual(["NUMBER_YEAR_MISMATCH"]);
    expect(codes(finalizeInvoice(draft, { number: "RE 2026 <1>" }))).toEqual(["INVALID_INPUT"]);
  });

  it("a draft can still be revised: every change gives a new, recomputed draft", () => {
    const added = unwrap(
      addInvoiceLines(draft, [
        {
          kind: "travel",
          description: "Anfahrt Zone 2",
          zone: "Zone 2",
          quantity: "1",
          unitPrice: { amount: "45.00", currency: "EUR" },
          vat: { category: "S", rate: "19" },
        },
      ]),
    );
    expect(added.lines.map((line) => line.id)).toEqual(["1", "2", "3", "4"]);
    expect(added.totals.vatBreakdown[0]?.taxableAmount.toFixed()).toBe("307.38");
    expect(added.totals.vatBreakdown[0]?.taxAmount.toFixed()).toBe("58.40"); // 307.38 × 19 % = 58.4022
    const removed = unwrap(removeInvoiceLine(added, "2"));
    expect(removed.lines.map((line) => line.id)).toEqual(["1", "3", "4"]);
    expect(removed.totals.lineNetTotal.toFixed()).toBe("201.92"); // 119.88 + 37.04 + 45.00
    expect(codes(removeInvoiceLine(added, "99"))).toEqual(["INVALID_INPUT"]);
    const revised = unwrap(reviseInvoice(draft, { buyerReference: "NEU-1" }));
    expect(revised.buyerReference).toBe("NEU-1");
    expect(draft.buyerReference).toBe("04011000-12345-34");
  });
});

describe("composeInvoice with paymentTermsPolicies (P1, T1)", () => {
  const [shipped] = DEFAULT_PAYMENT_TERMS_POLICIES;
  if (shipped === undefined) throw new Error("no shipped payment-terms policy");
  /** The shipped policy, then from 2026-07-01 a version whose on-invoice net days are 14. */
  const net14 = {
    ...shipped,
    version: "net-14",
    effectiveFrom: "2026-07-01",
    methods: shipped.methods.map((method) => (method.method === "on-invoice" ? { ...method, netDays: 14 } : method)),
  };
  const history = [shipped, net14];
  const november = (paymentTerms: InvoiceInput["paymentTerms"]): InvoiceInput => ({
    ...mixedRateInvoice(),
    issueDate: "2026-11-25",
    supplyPeriod: { start: "2026-11-01", end: "2026-11-24" },
    paymentTerms,
  });

  it("P1, T1: without net days the version in force decides: issued 2026-11-25 net 14 → due Wednesday 2026-12-09, not 2026-12-28", () => {
    const draft = unwrap(composeInvoice(november({}), { paymentTermsPolicies: history }));
    expect(draft.paymentTerms.dueDate).toBe("2026-12-09");
    expect(draft.paymentTerms.netDays).toBe(14);
    expect(draft.paymentTerms.description).toBe("Zahlbar ohne Abzug bis zum 09.12.2026.");
    // The source records the 14 days: composing it again without the option gives the same date.
    expect(draft.source.paymentTerms.netDays).toBe(14);
    expect(unwrap(composeInvoice(draft.source)).paymentTerms.dueDate).toBe("2026-12-09");
    // Without the option: the shipped net 30, 2026-12-25 is Christmas → 2026-12-28 (unchanged).
    expect(unwrap(composeInvoice(november({}))).paymentTerms.dueDate).toBe("2026-12-28");
  });

  it("P1: before the new version (issued 2026-06-15) the shipped net 30 applies: due 2026-07-15; given net days win over the policy", () => {
    const june = { ...mixedRateInvoice(), issueDate: "2026-06-15", supplyPeriod: { start: "2026-06-01", end: "2026-06-14" }, paymentTerms: {} };
    expect(unwrap(composeInvoice(june, { paymentTermsPolicies: history })).paymentTerms.dueDate).toBe("2026-07-15");
    expect(unwrap(composeInvoice(november({ netDays: 30 }), { paymentTermsPolicies: history })).paymentTerms.dueDate).toBe("2026-12-28");
    expect(unwrap(composeInvoice(november({ dueDate: "2027-01-04" }), { paymentTermsPolicies: history })).paymentTerms.dueDate).toBe("2027-01-04");
  });

  it("P1: with no version in force on the issue date the invoice is refused (PAYMENT_TERMS_INVALID), even with net days given", () => {
    const from2027 = [{ ...net14, effectiveFrom: "2027-01-01" }];
    expect(codes(composeInvoice(november({ netDays: 30 }), { paymentTermsPolicies: from2027 }))).toEqual(["PAYMENT_TERMS_INVALID"]);
    const omitted = composeInvoice(november({}), { paymentTermsPolicies: from2027 });
    expect(omitted.ok ? [] : omitted.errors.map((error) => [error.code, error.path.join(".")])).toEqual([["PAYMENT_TERMS_INVALID", "paymentTerms.netDays"]]);
  });
});
