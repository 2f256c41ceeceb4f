import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import {
  BANK_NOT_APPLICABLE_CODES,
  BANK_REVIEW_CODES,
  invoiceNumbersOfTransaction,
  INVOICE_NUMBER_SERIES,
  matchBankTransaction,
  readBankStatementFile,
  unwrap,
  type BankEntry,
  type BankMatchKnowledge,
  type BankTransaction,
  type BankTransactionMatch,
  type InvoiceToMatch,
} from "../index.js";
import { CAMT_053_V08, COLLECTION_501, entryOf, eur, invoiceToMatch, knowledge, transferOf } from "./test-support.js";

/** The match with amounts as fixed strings, for comparison. */
function plain(match: BankTransactionMatch): unknown {
  return match.kind === "payment"
    ? { ...match, allocations: match.allocations.map((allocation) => ({ ...allocation, amount: allocation.amount.toFixed() })) }
    : match;
}

function matchTransfer(amount: string, text: string, invoices: readonly InvoiceToMatch[], entry: Partial<BankEntry> = {}, transaction: Partial<BankTransaction> = {}) {
  const tx = transferOf(amount, text, transaction);
  return plain(matchBankTransaction(entryOf(tx, entry), tx, knowledge(invoices)));
}

const RE2 = invoiceToMatch(2, "1487.50");

describe("matchBankTransaction: credits (T6)", () => {
  it("pays RE-2026-000002 (1,487.50 open) in full with 1,487.50, received on the value date 2026-12-08, not the booking date", () => {
    expect(matchTransfer("1487.50", "RE-2026-000002 Bäckerei Schmidt", [RE2])).toEqual({
      kind: "payment",
      receivedOn: "2026-12-08",
      allocations: [{ invoiceId: "inv-2", number: "RE-2026-000002", amount: "1487.50" }],
    });
  });

  it("T6: without a value date the booking date is the day received", () => {
    expect(matchTransfer("1487.50", "RE-2026-000002", [RE2], { valueDate: null })).toMatchObject({ kind: "payment", receivedOn: "2026-12-09" });
  });

  it("books 500.00 of 1,487.50 open as a partial payment", () => {
    expect(matchTransfer("500.00", "re 2026 000002", [RE2])).toEqual({
      kind: "payment",
      receivedOn: "2026-12-08",
      allocations: [{ invoiceId: "inv-2", number: "RE-2026-000002", amount: "500.00" }],
    });
  });

  it("sends 1,500.00 for 1,487.50 open to review as an overpayment", () => {
    expect(matchTransfer("1500.00", "RE-2026-000002", [RE2])).toEqual({
      kind: "review",
      code: "BANK_MATCH_OVERPAYMENT",
      message: "1500.00 EUR is more than RE-2026-000002 (1487.50 EUR open)",
      invoiceIds: ["inv-2"],
    });
  });

  it("pays two invoices of 119.00 and 238.00 with 357.00: one allocation of its open amount each", () => {
    const invoices = [invoiceToMatch(3, "119.00"), invoiceToMatch(4, "238.00")];
    expect(matchTransfer("357.00", "Rechnung RE 2026 000003 und RE2026000004", invoices)).toEqual({
      kind: "payment",
      receivedOn: "2026-12-08",
      allocations: [
        { invoiceId: "inv-3", number: "RE-2026-000003", amount: "119.00" },
        { invoiceId: "inv-4", number: "RE-2026-000004", amount: "238.00" },
      ],
    });
  });

  it("leaves 300.00 for 119.00 + 238.00 to a person (split), and 400.00 is an overpayment", () => {
    const invoices = [invoiceToMatch(3, "119.00"), invoiceToMatch(4, "238.00")];
    expect(matchTransfer("300.00", "RE-2026-000003 RE-2026-000004", invoices)).toEqual({
      kind: "review",
      code: "BANK_MATCH_AMOUNT_SPLIT",
      message:
        "300.00 EUR is less than RE-2026-000003 (119.00 EUR open), RE-2026-000004 (238.00 EUR open) together: which invoice gets what is a person's call",
      invoiceIds: ["inv-3", "inv-4"],
    });
    expect(matchTransfer("400.00", "RE-2026-000003 RE-2026-000004", invoices)).toMatchObject({ kind: "review", code: "BANK_MATCH_OVERPAYMENT", invoiceIds: ["inv-3", "inv-4"] });
  });

  it("pays the one open invoice when the other named one is paid already", () => {
    const invoices = [invoiceToMatch(3, "0.00"), invoiceToMatch(4, "238.00")];
    expect(matchTransfer("238.00", "RE-2026-000003 RE-2026-000004", invoices)).toEqual({
      kind: "payment",
      receivedOn: "2026-12-08",
      allocations: [{ invoiceId: "inv-4", number: "RE-2026-000004", amount: "238.00" }],
    });
  });

  it("reviews a transfer naming no known invoice, and says which unknown numbers it found", () => {
    expect(matchTransfer("50.00", "Miete Dezember", [RE2])).toEqual({
      kind: "review",
      code: "BANK_MATCH_NO_INVOICE",
      message: "50.00 EUR names no invoice number",
      invoiceIds: [],
    });
    expect(matchTransfer("50.00", "RE-2026-000099 und RE-2026-000098", [RE2])).toEqual({
      kind: "review",
      code: "BANK_MATCH_NO_INVOICE",
      message: "50.00 EUR names RE-2026-000099, RE-2026-000098, but no such invoice is known",
      invoiceIds: [],
    });
  });

  it("reviews an invoice in another currency", () => {
    const usd = { ...invoiceToMatch(5, "100.00"), open: Money.of("100.00", "USD") };
    expect(matchTransfer("100.00", "RE-2026-000005", [usd, RE2])).toEqual({
      kind: "review",
      code: "BANK_MATCH_CURRENCY",
      message: "100.00 EUR names RE-2026-000005 (USD), in another currency",
      invoiceIds: ["inv-5"],
    });
  });

  it("reviews a transfer for invoices with nothing open (0.00 or overpaid)", () => {
    expect(matchTransfer("1487.50", "RE-2026-000002 RE-2026-000003", [invoiceToMatch(2, "0.00"), invoiceToMatch(3, "-10.00")])).toEqual({
      kind: "review",
      code: "BANK_MATCH_ALREADY_PAID",
      message: "1487.50 EUR names RE-2026-000002, RE-2026-000003, with nothing open",
      invoiceIds: ["inv-2", "inv-3"],
    });
  });

  it("reads the number from the creditor reference, the end-to-end ID and the additional information, in that order", () => {
    const invoices = [invoiceToMatch(3, "119.00"), invoiceToMatch(4, "238.00"), invoiceToMatch(5, "1.00"), invoiceToMatch(6, "1.00")];
    const transaction = transferOf("357.00", "", { creditorReference: "RE2026000006", endToEndId: "RE-2026-000004", additionalInfo: "RE-2026-000003 RE-2026-000004" });
    expect(invoiceNumbersOfTransaction(INVOICE_NUMBER_SERIES, transaction)).toEqual(["RE-2026-000006", "RE-2026-000004", "RE-2026-000003"]);
    expect(matchTransfer("119.00", "", invoices, {}, { endToEndId: "RE-2026-000003" })).toMatchObject({ kind: "payment", allocations: [{ invoiceId: "inv-3" }] });
    expect(matchTransfer("1.00", "", invoices, {}, { additionalInfo: "Gutschrift RE-2026-000005" })).toMatchObject({ kind: "payment", allocations: [{ invoiceId: "inv-5" }] });
  });

  it("reviews a booked entry without any date (no day received): BANK_ENTRY_UNDATED", () => {
    expect(matchTransfer("1487.50", "RE-2026-000002", [RE2], { valueDate: null, bookingDate: null })).toEqual({
      kind: "review",
      code: "BANK_ENTRY_UNDATED",
      message: "The entry has neither value nor booking date",
      invoiceIds: ["inv-2"],
    });
  });

  it("is pure: after the caller lowers the open amount, a second transfer for the same invoice is an overpayment", () => {
    const invoices = new Map([[RE2.number, RE2]]);
    const known: BankMatchKnowledge = { ...knowledge([]), invoices };
    const tx = transferOf("1487.50", "RE-2026-000002");
    const first = matchBankTransaction(entryOf(tx), tx, known);
    expect(first.kind).toBe("payment");
    expect(RE2.open.toFixed()).toBe("1487.50");
    invoices.set(RE2.number, { ...RE2, open: RE2.open.subtract(eur("1487.50")) });
    expect(matchBankTransaction(entryOf(tx), tx, known)).toMatchObject({ kind: "review", code: "BANK_MATCH_ALREADY_PAID" });
  });
});

describe("matchBankTransaction: the bank's credit of a direct debit file (C8)", () => {
  const credit = (amount: string, endToEndId: string, invoices: readonly InvoiceToMatch[] = [], entry: Partial<BankEntry> = {}) => {
    const tx = transferOf(amount, "SEPA-Lastschrift Mietpauschale Dezember", { endToEndId, mandateReference: "KONTOR-MANDAT-0001" });
    const match = matchBankTransaction(entryOf(tx, entry), tx, knowledge(invoices));
    return match.kind === "direct-debit-collected" ? { ...match, amount: match.amount.toFixed() } : match;
  };

  it("4: C8: 351.86 credited with the end-to-end ID of the pending collection RE-2026-000502 books that collection, received on the value date", () => {
    expect(credit("351.86", "RE-2026-000502")).toEqual({ kind: "direct-debit-collected", receivedOn: "2026-12-08", batchId: "dd-1", invoiceId: "inv-502", amount: "351.86" });
    expect(credit("351.86", "RE-2026-000502", [], { valueDate: null })).toMatchObject({ kind: "direct-debit-collected", receivedOn: "2026-12-09" });
  });

  it("4: the collection wins over the invoice number in its end-to-end ID: the invoice is not paid a second time as a transfer", () => {
    expect(credit("351.86", "RE-2026-000502", [invoiceToMatch(502, "351.86")])).toMatchObject({ kind: "direct-debit-collected", invoiceId: "inv-502" });
  });

  it("4: a credit of 351.85 or 351.87 for a 351.86 collection goes to review", () => {
    for (const amount of ["351.85", "351.87"]) {
      expect(credit(amount, "RE-2026-000502")).toEqual({
        kind: "review",
        code: "BANK_MATCH_COLLECTION_AMOUNT",
        message: `The credit of collection RE-2026-000502 is ${amount} EUR, the file collects 351.86 EUR`,
        invoiceIds: ["inv-502"],
      });
    }
  });

  it("4: an undated credit of a collection goes to review", () => {
    expect(credit("351.86", "RE-2026-000502", [], { valueDate: null, bookingDate: null })).toMatchObject({ kind: "review", code: "BANK_ENTRY_UNDATED", invoiceIds: ["inv-502"] });
  });

  it("4: without a pending collection the end-to-end ID is read as an invoice number (a transfer)", () => {
    expect(credit("351.86", "RE-2026-000503", [invoiceToMatch(503, "351.86")])).toMatchObject({ kind: "payment", allocations: [{ invoiceId: "inv-503" }] });
  });
});

describe("matchBankTransaction: status, reversals and debits (T7, C8)", () => {
  it("1: a pending or info entry is not applicable, whatever it names", () => {
    for (const status of ["pending", "info"] as const) {
      expect(matchTransfer("1487.50", "RE-2026-000002", [RE2], { status })).toEqual({
        kind: "not-applicable",
        code: "BANK_ENTRY_NOT_BOOKED",
        message: `The entry is ${status}, not booked: the money has not moved yet`,
      });
    }
  });

  it("2: a reversal entry goes to review, also when it names an invoice", () => {
    expect(matchTransfer("1487.50", "RE-2026-000002", [RE2], { reversal: true })).toEqual({
      kind: "review",
      code: "BANK_ENTRY_REVERSAL",
      message: "The bank reversed an earlier debit of 1487.50 EUR",
      invoiceIds: [],
    });
  });

  const debit = (amount: string, endToEndId: string | null, overrides: Partial<BankEntry> = {}) => {
    const tx = transferOf(amount, "Rechnung RE-2026-000501 vom 17.11.2026", { endToEndId, returnReason: "MD06", mandateReference: "MANDAT-10042" });
    return plain(matchBankTransaction(entryOf(tx, { direction: "debit", bookingDate: "2026-12-08", valueDate: "2026-12-07", ...overrides }), tx, knowledge([RE2])));
  };

  it("3: C8: a return of 1,193.00 (collection 1,190.00 + 3.00 fee) reverses the collection's payment on the booking date", () => {
    expect(debit("1193.00", "RE-2026-000501")).toEqual({
      kind: "direct-debit-return",
      reversedOn: "2026-12-08",
      invoiceId: "inv-501",
      paymentId: "pay-501",
      returnReason: "MD06",
    });
    expect(debit("1190.00", "RE-2026-000501", { bookingDate: null })).toMatchObject({ kind: "direct-debit-return", reversedOn: "2026-12-07" });
  });

  it("3: a return of 1,189.99 for a 1,190.00 collection goes to review", () => {
    expect(debit("1189.99", "RE-2026-000501")).toEqual({
      kind: "review",
      code: "BANK_MATCH_RETURN_AMOUNT",
      message: "The return of collection RE-2026-000501 is 1189.99 EUR, less than the 1190.00 EUR collected",
      invoiceIds: ["inv-501"],
    });
  });

  it("3: a return in another currency than the collection goes to review", () => {
    const tx = { ...transferOf("1190.00", "", { endToEndId: "RE-2026-000501" }), amount: Money.of("1190.00", "CHF") };
    expect(matchBankTransaction(entryOf(tx, { direction: "debit" }), tx, knowledge([]))).toMatchObject({ kind: "review", code: "BANK_MATCH_CURRENCY", invoiceIds: ["inv-501"] });
  });

  it("3: other debits are the reseller's own payments: not applicable (also when the text names an invoice)", () => {
    for (const endToEndId of [null, "RE-2026-000502", "LIEFERANT-2026-17"]) {
      expect(debit("1193.00", endToEndId)).toEqual({
        kind: "not-applicable",
        code: "BANK_ENTRY_OUTGOING",
        message: "An outgoing 1193.00 EUR that returns no booked direct debit collection",
      });
    }
  });

  it("matches every transaction of the German camt.053.001.08 file", () => {
    const file = unwrap(readBankStatementFile(CAMT_053_V08));
    const known = knowledge([RE2, invoiceToMatch(3, "119.00"), invoiceToMatch(4, "238.00")], [COLLECTION_501]);
    const matches = file.statements.flatMap((statement) =>
      statement.entries.flatMap((entry) => entry.transactions.map((transaction) => plain(matchBankTransaction(entry, transaction, known)))),
    );
    expect(matches).toEqual([
      { kind: "payment", receivedOn: "2026-12-08", allocations: [{ invoiceId: "inv-2", number: "RE-2026-000002", amount: "1487.50" }] },
      { kind: "payment", receivedOn: "2026-12-08", allocations: [{ invoiceId: "inv-3", number: "RE-2026-000003", amount: "119.00" }] },
      { kind: "payment", receivedOn: "2026-12-08", allocations: [{ invoiceId: "inv-4", number: "RE-2026-000004", amount: "238.00" }] },
      { kind: "direct-debit-return", reversedOn: "2026-12-08", invoiceId: "inv-501", paymentId: "pay-501", returnReason: "MD06" },
      { kind: "not-applicable", code: "BANK_ENTRY_NOT_BOOKED", message: "The entry is pending, not booked: the money has not moved yet" },
    ]);
  });

  it("exports the codes as lists", () => {
    expect(BANK_REVIEW_CODES).toEqual([
      "BANK_ENTRY_REVERSAL",
      "BANK_ENTRY_UNDATED",
      "BANK_MATCH_RETURN_AMOUNT",
      "BANK_MATCH_COLLECTION_AMOUNT",
      "BANK_MATCH_NO_INVOICE",
      "BANK_MATCH_CURRENCY",
      "BANK_MATCH_ALREADY_PAID",
      "BANK_MATCH_OVERPAYMENT",
      "BANK_MATCH_AMOUNT_SPLIT",
    ]);
    expect(BANK_NOT_APPLICABLE_CODES).toEqual(["BANK_ENTRY_NOT_BOOKED", "BANK_ENTRY_OUTGOING"]);
  });
});
