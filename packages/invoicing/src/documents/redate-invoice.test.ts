import { describe, expect, it } from "vitest";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "@kontor/terms";
import {
  composeInvoice,
  finalizeInvoice,
  INVOICE_NUMBER_SERIES,
  redateInvoice,
  unwrap,
  type InvoiceInput,
  type Result,
} from "../index.js";
import { mixedRateInvoice } from "../test-support/fixtures.js";

function problems<T>(result: Result<T>): string[][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

/** The audit's draft: dated 2026-12-20 for the services of 1–19 December, net 30 → due 2027-01-19. */
function december(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    ...mixedRateInvoice(),
    issueDate: "2026-12-20",
    supplyPeriod: { start: "2026-12-01", end: "2026-12-19" },
    ...overrides,
  };
}

describe("redateInvoice (BT-2: a document is dated the day it is issued)", () => {
  it("T1: a draft of 2026-12-20 issued on 2027-02-15 is dated 2027-02-15, due 30 days later on Wednesday 2027-03-17, not on 2027-01-19", () => {
    const draft = unwrap(composeInvoice(december()));
    expect([draft.issueDate, draft.paymentTerms.dueDate]).toEqual(["2026-12-20", "2027-01-19"]);
    const issued = unwrap(redateInvoice(draft, "2027-02-15"));
    expect(issued.status).toBe("draft");
    expect(issued.issueDate).toBe("2027-02-15");
    expect(issued.source.issueDate).toBe("2027-02-15");
    expect(issued.paymentTerms.dueDate).toBe("2027-03-17");
    expect(issued.paymentTerms.description).toBe("Zahlbar ohne Abzug bis zum 17.03.2027.");
    // BG-14 (BT-73/74): the services were rendered in December, whenever the invoice is issued.
    expect(issued.supplyPeriod).toEqual({ start: "2026-12-01", end: "2026-12-19" });
    expect(issued.totals.grandTotal.toFixed()).toBe(draft.totals.grandTotal.toFixed());
    expect(issued.lines.map((line) => line.netAmount.toFixed())).toEqual(draft.lines.map((line) => line.netAmount.toFixed()));
    // The draft itself is untouched (immutable values).
    expect(draft.issueDate).toBe("2026-12-20");
  });

  it("T1, §193 BGB: the due date from the new day moves off a holiday: issued 2026-11-25 net 30 → 2026-12-25 (Christmas) → Monday 2026-12-28", () => {
    const issued = unwrap(redateInvoice(unwrap(composeInvoice(december({ issueDate: "2026-11-20", supplyPeriod: { start: "2026-11-01", end: "2026-11-19" } }))), "2026-11-25"));
    expect(issued.paymentTerms.dueDate).toBe("2026-12-28");
  });

  it("year end: a draft of 2026-12-30 issued on 2027-01-01 takes RE-2027-000001; not re-dated it cannot (NUMBER_YEAR_MISMATCH)", () => {
    const draft = unwrap(composeInvoice(december({ issueDate: "2026-12-30" })));
    expect(problems(finalizeInvoice(draft, { number: "RE-2027-000001", series: INVOICE_NUMBER_SERIES }))).toEqual([["NUMBER_YEAR_MISMATCH", "number"]]);
    const issued = unwrap(redateInvoice(draft, "2027-01-01"));
    const finalized = unwrap(finalizeInvoice(issued, { number: "RE-2027-000001", series: INVOICE_NUMBER_SERIES }));
    expect([finalized.number, finalized.issueDate, finalized.paymentTerms.dueDate]).toEqual(["RE-2027-000001", "2027-01-01", "2027-02-01"]);
  });

  describe("P1, T1: net days under the payment-terms policy in force on the new day", () => {
    const [shipped] = DEFAULT_PAYMENT_TERMS_POLICIES;
    if (shipped === undefined) throw new Error("no shipped payment-terms policy");
    /** The shipped net 30, then from 2026-07-01 a version whose on-invoice net days are 14. */
    const net14 = {
      ...shipped,
      version: "net-14",
      effectiveFrom: "2026-07-01",
      methods: shipped.methods.map((method) => (method.method === "on-invoice" ? { ...method, netDays: 14 } : method)),
    };
    const history = [shipped, net14];
    const june = (paymentTerms: InvoiceInput["paymentTerms"]): InvoiceInput => ({
      ...mixedRateInvoice(),
      issueDate: "2026-06-15",
      supplyPeriod: { start: "2026-06-01", end: "2026-06-14" },
      paymentTerms,
    });

    it("P1, T1: net days left open are the policy's of the new day: composed 2026-06-15 (net 30), issued 2026-11-25 (net 14) → due 2026-12-09", () => {
      const draft = unwrap(composeInvoice(june({}), { paymentTermsPolicies: history }));
      expect([draft.paymentTerms.netDays, draft.paymentTerms.dueDate, draft.source.paymentTerms.netDaysFromPolicy]).toEqual([30, "2026-07-15", true]);
      const issued = unwrap(redateInvoice(draft, "2026-11-25", { paymentTermsPolicies: history }));
      expect([issued.paymentTerms.netDays, issued.paymentTerms.dueDate]).toEqual([14, "2026-12-09"]);
      expect(issued.source.paymentTerms).toMatchObject({ netDays: 14, netDaysFromPolicy: true });
      // The source records the 14 days: composing it again without the option gives the same date.
      expect(unwrap(composeInvoice(issued.source)).paymentTerms.dueDate).toBe("2026-12-09");
      // Without the policies the recorded 30 days stay: 2026-12-25 is Christmas → 2026-12-28.
      expect(unwrap(redateInvoice(draft, "2026-11-25")).paymentTerms.dueDate).toBe("2026-12-28");
    });

    it("P1, T1: agreed net days stay agreed: net 30 composed 2026-06-15, issued 2026-11-25 → due 2026-12-28 under the net-14 version", () => {
      const draft = unwrap(composeInvoice(june({ netDays: 30 }), { paymentTermsPolicies: history }));
      expect(draft.source.paymentTerms.netDaysFromPolicy).toBeUndefined();
      const issued = unwrap(redateInvoice(draft, "2026-11-25", { paymentTermsPolicies: history }));
      expect([issued.paymentTerms.netDays, issued.paymentTerms.dueDate]).toEqual([30, "2026-12-28"]);
    });

    it("P1: with no version in force on the new day the draft is refused (PAYMENT_TERMS_INVALID)", () => {
      const draft = unwrap(composeInvoice(june({}), { paymentTermsPolicies: history }));
      const ended = [{ ...shipped, effectiveFrom: "2027-01-01" }];
      expect(problems(redateInvoice(draft, "2026-11-25", { paymentTermsPolicies: ended }))).toEqual([["PAYMENT_TERMS_INVALID", "paymentTerms.netDays"]]);
    });
  });

  it("T1: an agreed due date stays as agreed; one before the new issue date is refused (PAYMENT_TERMS_INVALID at paymentTerms.dueDate)", () => {
    const draft = unwrap(composeInvoice(december({ paymentTerms: { dueDate: "2027-01-29", description: "Zahlbar bis 29.01.2027 laut Vereinbarung." } })));
    const early = unwrap(redateInvoice(draft, "2027-01-04"));
    expect([early.issueDate, early.paymentTerms.dueDate, early.paymentTerms.description]).toEqual(["2027-01-04", "2027-01-29", "Zahlbar bis 29.01.2027 laut Vereinbarung."]);
    expect(problems(redateInvoice(draft, "2027-02-15"))).toEqual([["PAYMENT_TERMS_INVALID", "paymentTerms.dueDate"]]);
  });

  it("GoBD: a finalized document is never re-dated (INVOICE_FINALIZED); a malformed date is INVALID_INPUT at issueDate", () => {
    const draft = unwrap(composeInvoice(december()));
    const finalized = unwrap(finalizeInvoice(draft, { number: "RE-2026-000007", series: INVOICE_NUMBER_SERIES }));
    expect(problems(redateInvoice(finalized, "2027-02-15"))).toEqual([["INVOICE_FINALIZED", "status"]]);
    expect(problems(redateInvoice(draft, "2027-02-30")).map(([, path]) => path)).toEqual(["issueDate"]);
  });
});
