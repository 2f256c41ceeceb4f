import { Money } from "@kontor/money";
import type { BankNotApplicableCode, BankReviewCode } from "./bank-match-codes.js";
import type { BankEntry, BankTransaction } from "./bank-statement-file.js";
import type { BankMatchKnowledge, BankTransactionMatch, InvoiceToMatch, PendingCollectionToMatch } from "./bank-transaction-match.js";
import { invoiceNumbersOfTransaction } from "./invoice-numbers-of-transaction.js";

function review(code: BankReviewCode, message: string, invoiceIds: readonly string[]): BankTransactionMatch {
  return Object.freeze({ kind: "review" as const, code, message, invoiceIds: Object.freeze([...invoiceIds]) });
}

function notApplicable(code: BankNotApplicableCode, message: string): BankTransactionMatch {
  return Object.freeze({ kind: "not-applicable" as const, code, message });
}

const amountText = (money: Money) => `${money.toFixed()} ${money.currency}`;

function matchDebit(entry: BankEntry, transaction: BankTransaction, known: BankMatchKnowledge): BankTransactionMatch {
  const collection = transaction.endToEndId === null ? undefined : known.collections.get(transaction.endToEndId);
  if (collection === undefined) {
    return notApplicable("BANK_ENTRY_OUTGOING", `An outgoing ${amountText(transaction.amount)} that returns no booked direct debit collection`);
  }
  const ids = [collection.invoiceId];
  if (collection.amount.currency !== transaction.amount.currency) {
    return review(
      "BANK_MATCH_CURRENCY",
      `The return of collection ${collection.endToEndId} is ${amountText(transaction.amount)}, the collection was ${amountText(collection.amount)}`,
      ids,
    );
  }
  // T7/C8: a return may carry the bank's fee on top, never less than was collected.
  if (transaction.amount.lessThan(collection.amount)) {
    return review(
      "BANK_MATCH_RETURN_AMOUNT",
      `The return of collection ${collection.endToEndId} is ${amountText(transaction.amount)}, less than the ${amountText(collection.amount)} collected`,
      ids,
    );
  }
  const reversedOn = entry.bookingDate ?? entry.valueDate;
  if (reversedOn === null) return review("BANK_ENTRY_UNDATED", "The entry has neither booking nor value date", ids);
  return Object.freeze({
    kind: "direct-debit-return" as const,
    reversedOn,
    invoiceId: collection.invoiceId,
    paymentId: collection.paymentId,
    returnReason: transaction.returnReason,
  });
}

/** C8: the bank's credit of one collection of a direct debit file, named by its end-to-end ID. */
function matchCollected(entry: BankEntry, transaction: BankTransaction, collection: PendingCollectionToMatch): BankTransactionMatch {
  const ids = [collection.invoiceId];
  if (!transaction.amount.equals(collection.amount)) {
    return review(
      "BANK_MATCH_COLLECTION_AMOUNT",
      `The credit of collection ${collection.endToEndId} is ${amountText(transaction.amount)}, the file collects ${amountText(collection.amount)}`,
      ids,
    );
  }
  const receivedOn = entry.valueDate ?? entry.bookingDate;
  if (receivedOn === null) return review("BANK_ENTRY_UNDATED", "The entry has neither value nor booking date", ids);
  return Object.freeze({ kind: "direct-debit-collected" as const, receivedOn, batchId: collection.batchId, invoiceId: collection.invoiceId, amount: transaction.amount });
}

function matchCredit(entry: BankEntry, transaction: BankTransaction, known: BankMatchKnowledge): BankTransactionMatch {
  const pending = transaction.endToEndId === null ? undefined : known.pendingCollections.get(transaction.endToEndId);
  if (pending !== undefined) return matchCollected(entry, transaction, pending);
  const numbers = invoiceNumbersOfTransaction(known.invoiceSeries, transaction);
  const invoices = numbers.flatMap((number) => {
    const invoice = known.invoices.get(number);
    return invoice === undefined ? [] : [invoice];
  });
  const ids = invoices.map((invoice) => invoice.invoiceId);
  const amount = transaction.amount;
  if (invoices.length === 0) {
    return review(
      "BANK_MATCH_NO_INVOICE",
      numbers.length === 0
        ? `${amountText(amount)} names no invoice number`
        : `${amountText(amount)} names ${numbers.join(", ")}, but no such invoice is known`,
      [],
    );
  }
  const foreign = invoices.filter((invoice) => invoice.open.currency !== amount.currency);
  if (foreign.length > 0) {
    return review(
      "BANK_MATCH_CURRENCY",
      `${amountText(amount)} names ${foreign.map((invoice) => `${invoice.number} (${invoice.open.currency})`).join(", ")}, in another currency`,
      ids,
    );
  }
  const open: InvoiceToMatch[] = invoices.filter((invoice) => invoice.open.isPositive());
  const names = invoices.map((invoice) => invoice.number).join(", ");
  if (open.length === 0) return review("BANK_MATCH_ALREADY_PAID", `${amountText(amount)} names ${names}, with nothing open`, ids);
  const receivedOn = entry.valueDate ?? entry.bookingDate;
  if (receivedOn === null) return review("BANK_ENTRY_UNDATED", "The entry has neither value nor booking date", ids);
  const openSum = Money.sum(open.map((invoice) => invoice.open));
  const openNames = open.map((invoice) => `${invoice.number} (${amountText(invoice.open)} open)`).join(", ");
  if (amount.greaterThan(openSum)) {
    return review("BANK_MATCH_OVERPAYMENT", `${amountText(amount)} is more than ${openNames}`, ids);
  }
  const [single] = open;
  if (open.length === 1 && single !== undefined) {
    // A partial payment is a payment: the invoice stays partially paid.
    return Object.freeze({
      kind: "payment" as const,
      receivedOn,
      allocations: Object.freeze([Object.freeze({ invoiceId: single.invoiceId, number: single.number, amount })]),
    });
  }
  if (amount.lessThan(openSum)) {
    return review("BANK_MATCH_AMOUNT_SPLIT", `${amountText(amount)} is less than ${openNames} together: which invoice gets what is a person's call`, ids);
  }
  return Object.freeze({
    kind: "payment" as const,
    receivedOn,
    allocations: Object.freeze(open.map((invoice) => Object.freeze({ invoiceId: invoice.invoiceId, number: invoice.number, amount: invoice.open }))),
  });
}

/**
 * Decides what one transaction of a bank statement means for the books. Pure: the caller books
 * the result and then lowers the invoice's `open` in `known.invoices`, so that two transactions
 * naming one invoice in one file do not both pay it in full.
 *
 * In this order:
 * 1. not booked (`PDNG`, `INFO`) → `not-applicable` `BANK_ENTRY_NOT_BOOKED`
 * 2. a reversal entry (`RvslInd`) → `review` `BANK_ENTRY_REVERSAL`: a person decides
 * 3. a debit whose end-to-end ID is a booked collection (C8): at least the collected amount (a
 *    return may add the bank's fee) → `direct-debit-return` on the booking date (else the value
 *    date) with the return reason; less → `review` `BANK_MATCH_RETURN_AMOUNT`. Any other debit →
 *    `not-applicable` `BANK_ENTRY_OUTGOING`.
 * 4. a credit whose end-to-end ID is a pending collection of a direct debit file (C8): of exactly
 *    its amount → `direct-debit-collected`, received on the value date (else the booking date);
 *    another amount → `review` `BANK_MATCH_COLLECTION_AMOUNT`. Its invoice is not paid twice by
 *    the number in the end-to-end ID.
 * 5. any other credit: the invoice numbers named ({@link invoiceNumbersOfTransaction}) that `known.invoices` has:
 *    none → `BANK_MATCH_NO_INVOICE` (naming unknown numbers found); one in another currency →
 *    `BANK_MATCH_CURRENCY`; none with something open → `BANK_MATCH_ALREADY_PAID`; one open: up to
 *    its open amount → `payment` of the whole amount onto it (a partial payment is a payment),
 *    more → `BANK_MATCH_OVERPAYMENT`; several open: exactly their sum → one allocation per invoice
 *    of its open amount, more → `BANK_MATCH_OVERPAYMENT`, less → `BANK_MATCH_AMOUNT_SPLIT`.
 *    Received on the value date, else the booking date (T6: the value date stops interest).
 *
 * A review lists the ids of the known invoices named (or of the returned collection's invoice).
 * A booked entry without any date cannot be booked: `review` `BANK_ENTRY_UNDATED`.
 */
export function matchBankTransaction(entry: BankEntry, transaction: BankTransaction, known: BankMatchKnowledge): BankTransactionMatch {
  if (entry.status !== "booked") {
    return notApplicable("BANK_ENTRY_NOT_BOOKED", `The entry is ${entry.status}, not booked: the money has not moved yet`);
  }
  if (entry.reversal) {
    return review("BANK_ENTRY_REVERSAL", `The bank reversed an earlier ${entry.direction === "credit" ? "debit" : "credit"} of ${amountText(transaction.amount)}`, []);
  }
  return entry.direction === "debit" ? matchDebit(entry, transaction, known) : matchCredit(entry, transaction, known);
}
