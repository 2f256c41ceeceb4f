import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import {
  composeCreditNote,
  composeInvoice,
  directDebitCollectionOf,
  finalizeInvoice,
  invoiceBalance,
  payableInvoiceOf,
  unwrap,
  writeSepaDirectDebitFile,
  type DirectDebitInvoice,
  type DirectDebitMandate,
  type FinalizedInvoice,
  type InvoicingErrorCode,
  type Result,
} from "../index.js";
import { invoiceInput, paymentOf } from "../payments/test-support.js";
import { CREDIT_TRANSFER } from "../test-support/fixtures.js";
import { CREDITOR_ID, fileInput } from "./test-support.js";

const eur = (amount: string) => Money.of(amount, "EUR");

const DIRECT_DEBIT = {
  kind: "sepa-direct-debit",
  mandateReference: "MANDAT-10042",
  creditorId: CREDITOR_ID,
  debtorIban: "DE89 3704 0044 0532 0130 00",
} as const;

/**
 * A rental month invoiced 2026-11-17 and pre-notified for collection on 2026-12-02 (its due
 * date, T7): 11,900.00 EUR gross (10,000.00 + 19 % VAT), line 2 alone 2,380.00.
 */
function issued(paymentMeans: typeof DIRECT_DEBIT | typeof CREDIT_TRANSFER = DIRECT_DEBIT): FinalizedInvoice {
  const draft = unwrap(
    composeInvoice(invoiceInput({ issueDate: "2026-11-17", deliveryDate: "2026-11-16", paymentTerms: { dueDate: "2026-12-02" }, paymentMeans })),
  );
  return unwrap(finalizeInvoice(draft, { number: "RE-2026-000501" }));
}

function invoiceOf(document: FinalizedInvoice): DirectDebitInvoice {
  return { ...unwrap(payableInvoiceOf(document)), paymentMeans: document.paymentMeans };
}

const invoice = invoiceOf(issued());
const mandate: DirectDebitMandate = { reference: "MANDAT-10042", signedOn: "2025-03-14", status: "active", debtorName: "Müller & Söhne GmbH" };
const context = { earliestCollectionDate: "2026-11-23" };

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

describe("directDebitCollectionOf (C8, T7)", () => {
  it("collects the open amount on the pre-notified due date under the invoice's mandate, as RCUR", () => {
    const collection = unwrap(directDebitCollectionOf(invoice, eur("11900.00"), mandate, context));
    expect(collection).toEqual({
      endToEndId: "RE-2026-000501",
      amount: { amount: "11900.00", currency: "EUR" },
      collectionDate: "2026-12-02",
      sequenceType: "RCUR",
      creditorId: CREDITOR_ID,
      mandate: { reference: "MANDAT-10042", signedOn: "2025-03-14" },
      // The account holder of the mandate, in the SEPA character set; the IBAN the invoice pre-notified.
      debtor: { name: "Mueller + Soehne GmbH", iban: "DE89370400440532013000" },
      remittance: "Rechnung RE-2026-000501 vom 17.11.2026",
    });
    expect(Object.isFrozen(collection)).toBe(true);
    // What it returns goes into a file as it is.
    const file = unwrap(writeSepaDirectDebitFile(fileInput([collection])));
    expect([file.numberOfTransactions, file.controlSum.toFixed(), file.paymentInformation[0]?.collectionDate]).toEqual([1, "11900.00", "2026-12-02"]);
  });

  it("collects only what is open: a partial payment and a finalized credit note count, a reversed payment does not", () => {
    const document = issued();
    const payable = unwrap(payableInvoiceOf(document));
    const note = unwrap(finalizeInvoice(unwrap(composeCreditNote(document, { issueDate: "2026-11-20", reason: "Schulung entfallen", lines: [{ lineId: "2" }] })), { number: "RK-2026-000004" }));
    const credits = [{ number: note.number, issueDate: note.issueDate, amount: note.totals.amountDue }];
    const returned = { ...paymentOf("pay-2", "3000.00", "2026-11-19"), reversal: { reversedOn: "2026-11-21", reason: "returned" as const, note: null } };
    const balance = invoiceBalance(payable, [paymentOf("pay-1", "1000.00", "2026-11-18"), returned], credits, "2026-11-22");
    expect(balance.open.toFixed()).toBe("8520.00"); // 11,900.00 − 1,000.00 − 2,380.00

    const collection = unwrap(directDebitCollectionOf(invoice, balance, mandate, context));
    expect(collection.amount).toEqual({ amount: "8520.00", currency: "EUR" });
  });

  it("DIRECT_DEBIT_NOT_DIRECT_DEBIT: an invoice paid by credit transfer is not collected", () => {
    const transfer = invoiceOf(issued(CREDIT_TRANSFER));
    expect(failed(directDebitCollectionOf(transfer, eur("11900.00"), mandate, context))).toEqual([["DIRECT_DEBIT_NOT_DIRECT_DEBIT", "invoice.paymentMeans"]]);
  });

  it("DIRECT_DEBIT_NOTHING_OPEN: a paid invoice (open 0.00) or a negative open amount", () => {
    const paid = invoiceBalance(unwrap(payableInvoiceOf(issued())), [paymentOf("pay-1", "11900.00", "2026-11-20")], [], "2026-11-22");
    expect(failed(directDebitCollectionOf(invoice, paid, mandate, context))).toEqual([["DIRECT_DEBIT_NOTHING_OPEN", "balance"]]);
    expect(failed(directDebitCollectionOf(invoice, eur("0.00"), mandate, context))).toEqual([["DIRECT_DEBIT_NOTHING_OPEN", "balance"]]);
    expect(failed(directDebitCollectionOf(invoice, eur("-0.01"), mandate, context))).toEqual([["DIRECT_DEBIT_NOTHING_OPEN", "balance"]]);
    expect(directDebitCollectionOf(invoice, eur("0.01"), mandate, context).ok).toBe(true);
  });

  it("DIRECT_DEBIT_CURRENCY: SEPA collects euros only", () => {
    const result = directDebitCollectionOf(invoice, Money.of("11900.00", "CHF"), mandate, context);
    expect(failed(result)).toEqual([["DIRECT_DEBIT_CURRENCY", "balance.currency"]]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("CHF");
  });

  it("DIRECT_DEBIT_MANDATE_UNKNOWN: no mandate, or another one than the invoice names; references compare case-insensitively", () => {
    expect(failed(directDebitCollectionOf(invoice, eur("11900.00"), undefined, context))).toEqual([["DIRECT_DEBIT_MANDATE_UNKNOWN", "mandate"]]);
    const other = directDebitCollectionOf(invoice, eur("11900.00"), { ...mandate, reference: "MANDAT-10043" }, context);
    expect(failed(other)).toEqual([["DIRECT_DEBIT_MANDATE_UNKNOWN", "mandate"]]);
    expect(other.ok ? "" : other.errors[0]?.message).toContain("MANDAT-10042");
    // The stored spelling goes into the file (MndtId as the debtor signed it).
    const lower = unwrap(directDebitCollectionOf(invoice, eur("11900.00"), { ...mandate, reference: "Mandat-10042" }, context));
    expect(lower.mandate.reference).toBe("Mandat-10042");
  });

  it("DIRECT_DEBIT_MANDATE_REVOKED: nothing is collected under a revoked mandate", () => {
    expect(failed(directDebitCollectionOf(invoice, eur("11900.00"), { ...mandate, status: "revoked" }, context))).toEqual([
      ["DIRECT_DEBIT_MANDATE_REVOKED", "mandate.status"],
    ]);
  });

  it("T7: due on the earliest collection date is collected on it; due one day before is refused, not moved", () => {
    const onTheDay = unwrap(directDebitCollectionOf(invoice, eur("11900.00"), mandate, { earliestCollectionDate: "2026-12-02" }));
    expect(onTheDay.collectionDate).toBe("2026-12-02");

    const late = directDebitCollectionOf(invoice, eur("11900.00"), mandate, { earliestCollectionDate: "2026-12-03" });
    expect(failed(late)).toEqual([["DIRECT_DEBIT_COLLECTION_DATE_PASSED", "invoice.dueDate"]]);
    const message = late.ok ? "" : (late.errors[0]?.message ?? "");
    expect(message).toContain("2026-12-02");
    expect(message).toContain("2026-12-03");
    expect(message).toContain("new pre-notification (T7)");
  });

  it("reports every reason at once", () => {
    const result = directDebitCollectionOf(invoice, Money.of("0.00", "USD"), { ...mandate, status: "revoked" }, { earliestCollectionDate: "2026-12-10" });
    expect(failed(result)).toEqual([
      ["DIRECT_DEBIT_NOTHING_OPEN", "balance"],
      ["DIRECT_DEBIT_CURRENCY", "balance.currency"],
      ["DIRECT_DEBIT_MANDATE_REVOKED", "mandate.status"],
      ["DIRECT_DEBIT_COLLECTION_DATE_PASSED", "invoice.dueDate"],
    ]);
  });

  it("INVALID_INPUT where a field breaks the SEPA rules, at the caller's field", () => {
    expect(failed(directDebitCollectionOf(invoice, eur("11900.00"), mandate, { earliestCollectionDate: "2026-02-30" }))).toEqual([
      ["INVALID_INPUT", "context.earliestCollectionDate"],
    ]);
    expect(failed(directDebitCollectionOf({ ...invoice, number: "RE_2026_000501" }, eur("11900.00"), mandate, context))).toEqual([
      ["INVALID_INPUT", "invoice.number"],
    ]);
    expect(failed(directDebitCollectionOf(invoice, eur("11900.00"), { ...mandate, debtorName: "北京有限公司" }, context))).toEqual([
      ["INVALID_INPUT", "mandate.debtorName"],
    ]);
    expect(failed(directDebitCollectionOf(invoice, eur("11900.00"), { ...mandate, signedOn: "2026-12-05" }, context))).toEqual([
      ["INVALID_INPUT", "mandate.signedOn"],
    ]);
    expect(failed(directDebitCollectionOf(invoice, eur("10.005"), mandate, context))).toEqual([["INVALID_INPUT", "balance"]]);
  });
});
