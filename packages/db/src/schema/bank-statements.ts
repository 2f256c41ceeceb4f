import { sql } from "drizzle-orm";
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { invoicePayments, invoices } from "./invoicing.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Imported bank files (T6, T7/C8; migration `0028_bank_statements.sql`): one row per camt.053
 * statement or camt.054 notification. `fileSealed` is `sealSecret` output of the XML (it holds the
 * payers' IBANs and names). A file is imported once: its message id and its SHA-256 are unique.
 * Never changed, never deleted (a trigger).
 */
export const bankStatementImports = pgTable(
  "bank_statement_imports",
  {
    id: text("id").primaryKey(),
    /** GrpHdr/MsgId, unique. */
    messageId: text("message_id").notNull().unique("bank_statement_imports_message_id_key"),
    /** Lower-case hex SHA-256 of the raw bytes, unique. */
    fileSha256: text("file_sha256").notNull().unique("bank_statement_imports_file_sha256_key"),
    /** The ISO 20022 message, e.g. `"camt.053.001.08"`. */
    messageType: text("message_type").notNull(),
    /** `statement` (camt.053) or `notification` (camt.054). */
    kind: text("kind", { enum: ["statement", "notification"] }).notNull(),
    /** The uploaded file's name; `null` when none was given. */
    filename: text("filename"),
    /** GrpHdr/CreDtTm exactly as the bank wrote it. */
    fileCreatedAt: text("file_created_at").notNull(),
    /** `sealSecret` of the camt XML. */
    fileSealed: text("file_sealed").notNull(),
    /** The number of the import's transactions. */
    transactionCount: integer("transaction_count").notNull(),
    /** The id of the user who imported the file. */
    importedBy: text("imported_by").notNull(),
    importedAt: instant("imported_at").notNull(),
  },
  (t) => [index("bank_statement_imports_imported_idx").on(t.importedAt.desc(), t.id.desc())],
);

/** The outcomes of a bank statement transaction; `assigned` and `dismissed` only ever follow `review`. */
const OUTCOMES = ["booked", "returned", "review", "not-applicable", "duplicate", "assigned", "dismissed"] as const;

/**
 * One transaction (TxDtls, or an entry without details) of a {@link bankStatementImports} file, in
 * file order (`position` from 0), with what the import did with it (`outcome`). `amount` is an
 * exact decimal string (P3), always above zero; `direction` says which way the money went. The
 * counterparty's IBAN is stored masked only. A `review` is resolved once, by a person, to
 * `assigned` or `dismissed`; nothing else ever changes (a trigger). Of the booked entries with one
 * (account, bank reference) at most one row is not a `duplicate` (a partial unique index).
 */
export const bankStatementTransactions = pgTable(
  "bank_statement_transactions",
  {
    id: text("id").primaryKey(),
    importId: text("import_id")
      .notNull()
      .references(() => bankStatementImports.id),
    /** The order in the file, from 0. */
    position: integer("position").notNull(),
    /** Stmt/Id (Ntfctn/Id). */
    statementId: text("statement_id").notNull(),
    /** The statement's account (Acct/Id/IBAN), compact upper case. */
    accountIban: text("account_iban").notNull(),
    /** The bank's reference of the booking (AcctSvcrRef); `null` when the file has none. */
    bankReference: text("bank_reference"),
    direction: text("direction", { enum: ["credit", "debit"] }).notNull(),
    /** A positive decimal string, e.g. `"1487.50"`. */
    amount: numeric("amount").notNull(),
    /** ISO 4217, e.g. `"EUR"`. */
    currency: text("currency").notNull(),
    entryStatus: text("entry_status", { enum: ["booked", "pending", "info"] }).notNull(),
    /** RvslInd: the bank took back an earlier entry. */
    reversal: boolean("reversal").notNull(),
    /** `YYYY-MM-DD`, or `null`. */
    bookingDate: date("booking_date", { mode: "string" }),
    /** `YYYY-MM-DD`, or `null`: the day the payment was received (T6). */
    valueDate: date("value_date", { mode: "string" }),
    endToEndId: text("end_to_end_id"),
    mandateReference: text("mandate_reference"),
    /** RtrInf/Rsn/Cd, e.g. `"MD06"`. */
    returnReason: text("return_reason"),
    counterpartyName: text("counterparty_name"),
    /** E.g. `"DE89 **** **** **** **30 00"`: never the full IBAN. */
    counterpartyIbanMasked: text("counterparty_iban_masked"),
    /** Remittance text and creditor reference, at most 1000 characters. */
    remittance: text("remittance").notNull(),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    /** Why (e.g. `"BANK_MATCH_NO_INVOICE"`); always set for `review`, `not-applicable` and `duplicate`. */
    outcomeCode: text("outcome_code"),
    outcomeMessage: text("outcome_message"),
    /** The transaction of the same bank booking acted on before; set iff the outcome is `duplicate`. */
    duplicateOf: text("duplicate_of").references((): AnyPgColumn => bankStatementTransactions.id),
    /** The id of the user who assigned or dismissed the review; `null` before. */
    resolvedBy: text("resolved_by"),
    resolvedAt: instant("resolved_at"),
    /** Set iff the outcome is `dismissed`. */
    dismissalReason: text("dismissal_reason"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    unique("bank_statement_transactions_import_id_position_key").on(t.importId, t.position),
    uniqueIndex("bank_statement_transactions_bank_reference_idx")
      .on(t.accountIban, t.bankReference)
      .where(sql`bank_reference IS NOT NULL AND outcome <> 'duplicate' AND entry_status = 'booked'`),
    index("bank_statement_transactions_outcome_idx").on(t.outcome, t.createdAt.desc(), t.id.desc()),
    index("bank_statement_transactions_created_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * What a {@link bankStatementTransactions} row did to invoices: a `payment` (it paid the invoice
 * as `paymentId`) or a `reversal` (it reversed payment `paymentId`, a returned direct debit). A
 * payment is made by one transaction and reversed by one. Only ever inserted (a trigger).
 */
export const bankStatementBookings = pgTable(
  "bank_statement_bookings",
  {
    transactionId: text("transaction_id")
      .notNull()
      .references(() => bankStatementTransactions.id),
    kind: text("kind", { enum: ["payment", "reversal"] }).notNull(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    paymentId: text("payment_id")
      .notNull()
      .references(() => invoicePayments.id),
    /** A positive decimal string, e.g. `"119.00"`. */
    amount: numeric("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.transactionId, t.paymentId, t.kind] }), unique("bank_statement_bookings_payment_id_kind_key").on(t.paymentId, t.kind)],
);
