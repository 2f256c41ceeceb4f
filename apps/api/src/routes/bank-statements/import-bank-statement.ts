import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findBookedCollectionsByEndToEndIds,
  findImportedBankReferences,
  findPendingCollectionsByEndToEndIds,
  findInvoicesByNumbers,
  insertBankStatementImport,
  lockDirectDebitBatch,
  lockInvoices,
  markCollectionBooked,
  maskedIban,
  type InvoiceSummaryRow,
  type KontorTransaction,
  type NewBankStatementBooking,
  type NewBankStatementTransaction,
} from "@kontor/db";
import {
  INVOICE_NUMBER_SERIES,
  invoiceNumbersOfTransaction,
  matchBankTransaction,
  type BankEntry,
  type BankStatement,
  type BankStatementFile,
  type BankTransaction,
  type BankTransactionMatch,
  type CollectionToMatch,
  type InvoiceToMatch,
  type PendingCollectionToMatch,
} from "@kontor/invoicing";
import { Money } from "@kontor/money";
import { ProblemError } from "../../http/problem.js";
import { recordInvoicePayment } from "../invoices/record-invoice-payment.js";
import { reverseInvoicePayment } from "../invoices/reverse-invoice-payment.js";
import { countOutcomes, type OutcomeCounts } from "./bank-statement-response.js";

/** Outbox topic of an imported camt file, with the counts of its outcomes. */
export const BANK_STATEMENT_IMPORTED_TOPIC = "bank-statement.imported";
/** Outcome code of a transaction whose bank booking an earlier transaction acted on. */
export const BANK_DUPLICATE_BOOKING = "BANK_DUPLICATE_BOOKING";

/** The longest remittance stored (remittance text and creditor reference). */
const MAX_REMITTANCE = 1000;
/** The longest payment reference (`paymentInputSchema`). */
const MAX_PAYMENT_REFERENCE = 140;

/** The camt file as uploaded, read by `readBankStatementFile`. */
export interface BankStatementUpload {
  readonly id: string;
  readonly file: BankStatementFile;
  readonly xml: string;
  readonly sha256: string;
  readonly filename: string | null;
}

/** Who imports and when. */
export interface BankStatementImporting {
  readonly importedBy: string;
  readonly now: Date;
}

/** One transaction of the file, where it stands in it. */
interface FileTransaction {
  readonly id: string;
  readonly position: number;
  readonly statement: BankStatement;
  readonly entry: BankEntry;
  readonly transaction: BankTransaction;
  readonly bankReference: string | null;
}

/** A booking the rules refused: the savepoint of the transaction is rolled back. */
class RefusedBooking extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RefusedBooking";
  }
}

const referenceKey = (accountIban: string, bankReference: string): string => `${accountIban} ${bankReference}`;

/** Every transaction of the file in file order, numbered from 0. */
function transactionsOf(file: BankStatementFile): FileTransaction[] {
  const items: FileTransaction[] = [];
  for (const statement of file.statements) {
    for (const entry of statement.entries) {
      for (const transaction of entry.transactions) {
        items.push({ id: randomUUID(), position: items.length, statement, entry, transaction, bankReference: transaction.bankReference });
      }
    }
  }
  return items;
}

function remittanceOf(transaction: BankTransaction): string {
  return [transaction.remittanceText, transaction.creditorReference]
    .filter((text): text is string => text !== null && text.trim() !== "")
    .join(" ")
    .slice(0, MAX_REMITTANCE);
}

/**
 * The other side of a transaction: the debtor of a credit, the creditor of a debit — unless that
 * party is the statement's own account (a returned direct debit names the payer as debtor).
 */
function counterpartyOf(statement: BankStatement, entry: BankEntry, transaction: BankTransaction): { name: string | null; iban: string | null } {
  const [first, second] = entry.direction === "credit" ? [transaction.debtor, transaction.creditor] : [transaction.creditor, transaction.debtor];
  const own = (iban: string | null): boolean => iban !== null && iban.replace(/\s+/g, "").toUpperCase() === statement.accountIban;
  if (own(first.iban) || (first.name === null && first.iban === null)) return own(second.iban) ? { name: null, iban: null } : second;
  return first;
}

/** Exact digits, as the money column stores them: `"1487.50"`, or all digits the bank sent beyond the minor unit. */
function amountText(amount: Money): string {
  return amount.isRounded() ? amount.toFixed() : amount.toString();
}

/** What a transaction did, before it is stored. */
interface Decision {
  readonly outcome: NewBankStatementTransaction["outcome"];
  readonly code: string | null;
  readonly message: string;
  readonly duplicateOf?: string;
  readonly bookings?: readonly NewBankStatementBooking[];
}

/**
 * Imports a read camt.053/camt.054 file in the caller's transaction `tx`: every transaction of it
 * is matched (`matchBankTransaction` of `@kontor/invoicing`) and acted on in file order — an
 * incoming transfer naming invoices is recorded as their payment (T6: received on the value date),
 * the bank's credit of a collection of a direct debit file books that collection (C8), a returned
 * SEPA direct debit (T7/C8) reverses its collection's payment — and stored with its
 * outcome, together with the sealed file. A bank booking acted on before (the camt.054 of a day
 * and the camt.053 later) is stored as a `duplicate` and does nothing. Invoices are locked in id
 * order before anything is booked, so two imports never wait on each other crosswise. Refused
 * bookings roll back to their savepoint and the transaction goes to the review queue. The
 * caller answers 409 for the unique violations of `insertBankStatementImport`.
 */
export async function importBankStatement(tx: KontorTransaction, upload: BankStatementUpload, importing: BankStatementImporting): Promise<OutcomeCounts> {
  const { file } = upload;
  const { importedBy, now } = importing;
  const items = transactionsOf(file);

  // 1. Bank bookings acted on by an earlier import, or earlier in this file. Only booked entries
  // count: a pending entry is acted on once the bank books it, under the same reference.
  const booked = items.filter((item) => item.entry.status === "booked");
  const referenced = booked.flatMap((item) => (item.bankReference === null ? [] : [{ accountIban: item.statement.accountIban, bankReference: item.bankReference }]));
  const actedOn = await findImportedBankReferences(tx, referenced);
  const duplicateOf = new Map<string, string>();
  for (const item of booked) {
    if (item.bankReference === null) continue;
    const key = referenceKey(item.statement.accountIban, item.bankReference);
    const earlier = actedOn.get(key);
    if (earlier === undefined) actedOn.set(key, item.id);
    else duplicateOf.set(item.id, earlier);
  }
  const fresh = booked.filter((item) => !duplicateOf.has(item.id));

  // 2. The invoices the texts name and the collections the debits return: one query each.
  const numbers = new Set<string>();
  const endToEndIds = new Set<string>();
  const creditEndToEndIds = new Set<string>();
  for (const { entry, transaction } of fresh) {
    // The same texts the matcher reads (remittance, creditor reference, end-to-end ID, additional info).
    if (entry.direction === "credit") {
      for (const number of invoiceNumbersOfTransaction(INVOICE_NUMBER_SERIES, transaction)) numbers.add(number);
      // C8: the bank's credit of a direct debit file names each collection by its end-to-end ID.
      if (transaction.endToEndId !== null) creditEndToEndIds.add(transaction.endToEndId);
    } else if (transaction.endToEndId !== null) endToEndIds.add(transaction.endToEndId);
  }
  const invoices = new Map<string, InvoiceToMatch>();
  for (const row of await findInvoicesByNumbers(tx, [...numbers])) {
    invoices.set(row.number, { invoiceId: row.id, number: row.number, open: Money.of(row.open, row.currency) });
  }
  const collections = new Map<string, CollectionToMatch>();
  for (const row of await findBookedCollectionsByEndToEndIds(tx, [...endToEndIds])) {
    collections.set(row.endToEndId, { endToEndId: row.endToEndId, invoiceId: row.invoiceId, paymentId: row.paymentId, amount: Money.of(row.amount, row.currency) });
  }
  const pendingCollections = new Map<string, PendingCollectionToMatch>();
  for (const row of await findPendingCollectionsByEndToEndIds(tx, [...creditEndToEndIds])) {
    pendingCollections.set(row.endToEndId, { endToEndId: row.endToEndId, batchId: row.batchId, invoiceId: row.invoiceId, amount: Money.of(row.amount, row.currency) });
  }
  const numberOf = new Map([...invoices.values()].map((invoice) => [invoice.invoiceId, invoice.number]));

  // 3. Locks — the direct debit files first, then the invoices, each in id order, as the file
  // booking route takes them — then every transaction in file order.
  for (const batchId of [...new Set([...pendingCollections.values()].map((collection) => collection.batchId))].sort()) {
    await lockDirectDebitBatch(tx, batchId);
  }
  const locked = await lockInvoices(tx, [
    ...[...invoices.values()].map((invoice) => invoice.invoiceId),
    ...[...collections.values()].map((collection) => collection.invoiceId),
    ...[...pendingCollections.values()].map((collection) => collection.invoiceId),
  ]);
  // Read again under the locks: a payment or reversal recorded since the first read counts.
  for (const row of await findInvoicesByNumbers(tx, [...invoices.keys()])) {
    invoices.set(row.number, { invoiceId: row.id, number: row.number, open: Money.of(row.open, row.currency) });
  }
  const lockedRow = (invoiceId: string): InvoiceSummaryRow => {
    const row = locked.get(invoiceId);
    if (row === undefined) throw new RefusedBooking("BANK_INVOICE_MISSING", `Invoice ${invoiceId} does not exist`);
    return row;
  };
  /** Keeps the matcher's open amounts current between transactions of the file. */
  const changeOpen = (invoiceId: string, change: (open: Money) => Money): void => {
    const number = numberOf.get(invoiceId);
    const known = number === undefined ? undefined : invoices.get(number);
    if (number !== undefined && known !== undefined) invoices.set(number, { ...known, open: change(known.open) });
  };

  const book = async (item: FileTransaction, match: Extract<BankTransactionMatch, { kind: "payment" | "direct-debit-collected" | "direct-debit-return" }>): Promise<Decision> => {
    try {
      return await tx.transaction(async (savepoint) => {
        if (match.kind === "direct-debit-collected") {
          // C8: the collected money is the invoice's direct debit payment, linked to its collection
          // (so that a later return finds it), as the file's booking route records it.
          const endToEndId = item.transaction.endToEndId ?? "";
          const recorded = await recordInvoicePayment(
            savepoint,
            lockedRow(match.invoiceId),
            { amount: match.amount.toJSON(), receivedOn: match.receivedOn, method: "sepa-direct-debit", reference: `${endToEndId} ${item.bankReference ?? ""}`.trim().slice(0, MAX_PAYMENT_REFERENCE) },
            { id: randomUUID(), recordedBy: importedBy, now },
          );
          if (!recorded.ok) throw new RefusedBooking(recorded.errors[0]?.code ?? "PAYMENT_REFUSED", `${endToEndId}: ${recorded.errors.map((error) => error.message).join("; ")}`);
          const paymentId = recorded.value.payment.id;
          const marked = await markCollectionBooked(savepoint, match.batchId, match.invoiceId, paymentId);
          if (marked === undefined) throw new RefusedBooking("DIRECT_DEBIT_COLLECTION_NOT_PENDING", `The collection ${endToEndId} is no longer pending (booked or its file cancelled)`);
          return {
            outcome: "booked",
            code: null,
            message: `Direct debit ${endToEndId} collected on ${match.receivedOn}: ${match.amount.toFixed()} ${match.amount.currency}`,
            bookings: [{ transactionId: item.id, kind: "payment", invoiceId: match.invoiceId, paymentId, amount: amountText(match.amount), currency: match.amount.currency }],
          } satisfies Decision;
        }
        if (match.kind === "payment") {
          const bookings: NewBankStatementBooking[] = [];
          const reference = (remittanceOf(item.transaction).trim() || item.bankReference || "").slice(0, MAX_PAYMENT_REFERENCE).trim();
          for (const allocation of match.allocations) {
            const recorded = await recordInvoicePayment(
              savepoint,
              lockedRow(allocation.invoiceId),
              { amount: allocation.amount.toJSON(), receivedOn: match.receivedOn, method: "bank-transfer", ...(reference === "" ? {} : { reference }) },
              { id: randomUUID(), recordedBy: importedBy, now },
            );
            if (!recorded.ok) throw new RefusedBooking(recorded.errors[0]?.code ?? "PAYMENT_REFUSED", `${allocation.number}: ${recorded.errors.map((error) => error.message).join("; ")}`);
            bookings.push({ transactionId: item.id, kind: "payment", invoiceId: allocation.invoiceId, paymentId: recorded.value.payment.id, amount: amountText(allocation.amount), currency: allocation.amount.currency });
          }
          return {
            outcome: "booked",
            code: null,
            message: `Paid on ${match.receivedOn}: ${match.allocations.map((allocation) => `${allocation.number} ${allocation.amount.toFixed()} ${allocation.amount.currency}`).join(", ")}`,
            bookings,
          } satisfies Decision;
        }
        const note = [match.returnReason, "Rücklastschrift", item.bankReference].filter((part) => part !== null && part !== "").join(" ");
        const reversed = await reverseInvoicePayment(savepoint, lockedRow(match.invoiceId), match.paymentId, { reason: "returned", reversedOn: match.reversedOn, note }, { reversedBy: importedBy, now });
        if (!reversed.ok) throw new RefusedBooking(reversed.errors[0]?.code ?? "PAYMENT_REVERSAL_REFUSED", reversed.errors.map((error) => error.message).join("; "));
        const amount = reversed.value.payment.amount;
        return {
          outcome: "returned",
          code: null,
          message: `Direct debit ${item.transaction.endToEndId ?? match.paymentId} returned${match.returnReason === null ? "" : ` (${match.returnReason})`}: payment reversed on ${match.reversedOn}, ${amount.toFixed()} ${amount.currency} open again`,
          bookings: [{ transactionId: item.id, kind: "reversal", invoiceId: match.invoiceId, paymentId: match.paymentId, amount: amountText(amount), currency: amount.currency }],
        } satisfies Decision;
      });
    } catch (error) {
      if (error instanceof RefusedBooking) return { outcome: "review", code: error.code, message: error.message };
      // `payable` answers a draft or credit note with a problem: a person looks at it.
      if (error instanceof ProblemError) return { outcome: "review", code: error.code ?? "BANK_BOOKING_REFUSED", message: error.message };
      throw error;
    }
  };

  /** Matches a transaction that is not a duplicate and acts on the match. */
  const decide = async (item: FileTransaction): Promise<Decision> => {
    const match = matchBankTransaction(item.entry, item.transaction, { invoiceSeries: INVOICE_NUMBER_SERIES, invoices, collections, pendingCollections });
    switch (match.kind) {
      case "payment": {
        const decision = await book(item, match);
        // The next transaction of the file sees what this one paid.
        if (decision.outcome === "booked") for (const allocation of match.allocations) changeOpen(allocation.invoiceId, (open) => open.subtract(allocation.amount));
        return decision;
      }
      case "direct-debit-collected": {
        const decision = await book(item, match);
        if (decision.outcome === "booked") {
          // Booked once: the same collection credited again is no longer pending.
          const endToEndId = item.transaction.endToEndId;
          if (endToEndId !== null) pendingCollections.delete(endToEndId);
          changeOpen(match.invoiceId, (open) => open.subtract(match.amount));
        }
        return decision;
      }
      case "direct-debit-return": {
        const decision = await book(item, match);
        // The matcher found the collection by this end-to-end ID.
        const collection = item.transaction.endToEndId === null ? undefined : collections.get(item.transaction.endToEndId);
        if (decision.outcome === "returned" && collection !== undefined) {
          // Returned once: a second return of it is no longer a booked collection.
          collections.delete(collection.endToEndId);
          changeOpen(match.invoiceId, (open) => open.add(collection.amount));
        }
        return decision;
      }
      case "review":
      case "not-applicable":
        return { outcome: match.kind, code: match.code, message: match.message };
    }
  };

  const rows: NewBankStatementTransaction[] = [];
  const bookings: NewBankStatementBooking[] = [];
  for (const item of items) {
    const { statement, entry, transaction } = item;
    const earlier = duplicateOf.get(item.id);
    const decision: Decision =
      earlier === undefined
        ? await decide(item)
        : { outcome: "duplicate", code: BANK_DUPLICATE_BOOKING, message: `Bank booking ${item.bankReference ?? "?"} on ${statement.accountIban} was acted on before (transaction ${earlier}): nothing is booked twice`, duplicateOf: earlier };
    const counterparty = counterpartyOf(statement, entry, transaction);
    rows.push({
      id: item.id,
      position: item.position,
      statementId: statement.id,
      accountIban: statement.accountIban,
      bankReference: item.bankReference,
      direction: entry.direction,
      amount: amountText(transaction.amount),
      currency: transaction.amount.currency,
      entryStatus: entry.status,
      reversal: entry.reversal,
      bookingDate: entry.bookingDate,
      valueDate: entry.valueDate,
      endToEndId: transaction.endToEndId,
      mandateReference: transaction.mandateReference,
      returnReason: transaction.returnReason,
      counterpartyName: counterparty.name,
      counterpartyIbanMasked: counterparty.iban === null || counterparty.iban.trim() === "" ? null : maskedIban(counterparty.iban),
      remittance: remittanceOf(transaction),
      outcome: decision.outcome,
      outcomeCode: decision.code,
      outcomeMessage: decision.message,
      duplicateOf: decision.duplicateOf ?? null,
    });
    bookings.push(...(decision.bookings ?? []));
  }

  // 4. The file, sealed, with its transactions and bookings.
  await insertBankStatementImport(
    tx,
    { id: upload.id, messageId: file.messageId, fileSha256: upload.sha256, messageType: file.messageType, kind: file.kind, filename: upload.filename, fileCreatedAt: file.createdAt, file: upload.xml, importedBy },
    rows,
    bookings,
    now,
  );
  const counts = countOutcomes(rows.map((row) => row.outcome));
  await appendToOutbox(
    tx,
    [
      {
        topic: BANK_STATEMENT_IMPORTED_TOPIC,
        aggregateType: "bank-statement-import",
        aggregateId: upload.id,
        dedupeKey: `${BANK_STATEMENT_IMPORTED_TOPIC}:${upload.id}`,
        payload: { importId: upload.id, messageId: file.messageId, messageType: file.messageType, kind: file.kind, transactionCount: rows.length, counts },
      },
    ],
    now,
  );
  return counts;
}
