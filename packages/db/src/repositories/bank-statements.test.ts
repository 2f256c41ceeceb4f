import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import {
  BANK_STATEMENT_TRANSACTION_OUTCOMES,
  findBankStatementImport,
  findBankStatementTransaction,
  findImportedBankReferences,
  insertBankStatementBookings,
  insertBankStatementImport,
  isBankReferenceAlreadyActedOn,
  isBankStatementAlreadyImported,
  listBankStatementImports,
  listBankStatementTransactions,
  lockBankStatementTransaction,
  openBankStatementFile,
  resolveBankStatementTransaction,
  type NewBankStatementBooking,
  type NewBankStatementImport,
  type NewBankStatementTransaction,
} from "./bank-statements.js";
import { findInvoicesByNumbers, insertInvoicePayment, markPaymentReversed } from "./invoice-payments.js";
import { insertInvoiceDraft, markInvoiceFinalized, type InvoiceRow } from "./invoices.js";
import { insertOrganization } from "./organizations.js";
import { failureOf, sqlStateOf } from "./sql-state.test-support.js";

const NOW = new Date("2026-12-09T08:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** The reseller's own account (the statement's Acct) and a payer's IBAN, which is never stored in plain text. */
const ACCOUNT = "DE02120300000000202051";
const OTHER_ACCOUNT = "DE12500105170648489890";
const PAYER_IBAN = "DE89370400440532013000";
const PAYER_MASKED = "DE89 **** **** **** **30 00";

/** A camt.053.001.08 stand-in that holds the payer's IBAN and name like the real file. */
const XML = `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>STMT-2026-12-08</MsgId></GrpHdr><Ntry><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Bäckerei Schmidt</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${PAYER_IBAN}</IBAN></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry></BkToCstmrStmt></Document>`;
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const IMPORT_1: NewBankStatementImport = {
  id: "bsi-1",
  messageId: "STMT-2026-12-08",
  fileSha256: sha256(XML),
  messageType: "camt.053.001.08",
  kind: "statement",
  filename: "auszug-2026-12-08.xml",
  fileCreatedAt: "2026-12-08T22:15:00+01:00",
  file: XML,
  importedBy: "user-1",
};

const transaction = (id: string, position: number, overrides: Partial<NewBankStatementTransaction> = {}): NewBankStatementTransaction => ({
  id,
  position,
  statementId: "STMT-2026-12-08-1",
  accountIban: ACCOUNT,
  bankReference: `2026120800${position}`,
  direction: "credit",
  amount: "1487.50",
  currency: "EUR",
  entryStatus: "booked",
  reversal: false,
  bookingDate: "2026-12-08",
  valueDate: "2026-12-08",
  endToEndId: null,
  mandateReference: null,
  returnReason: null,
  counterpartyName: "Bäckerei Schmidt",
  counterpartyIbanMasked: PAYER_MASKED,
  remittance: "RE-2026-000001 Bäckerei Schmidt",
  outcome: "booked",
  outcomeCode: null,
  outcomeMessage: null,
  duplicateOf: null,
  ...overrides,
});

/** The file of the spec's example: a transfer booked, an unknown one in review, an outgoing debit, a pending entry, a returned direct debit. */
const TRANSACTIONS_1 = [
  transaction("bst-1", 0),
  transaction("bst-2", 1, { amount: "50", remittance: "Spende Sommerfest", outcome: "review", outcomeCode: "BANK_MATCH_NO_INVOICE", outcomeMessage: "No invoice number in the text" }),
  transaction("bst-3", 2, { direction: "debit", amount: "89.90", remittance: "Telekom Rechnung 11/2026", counterpartyName: "Telekom", counterpartyIbanMasked: null, outcome: "not-applicable", outcomeCode: "BANK_ENTRY_OUTGOING", outcomeMessage: "An outgoing payment" }),
  transaction("bst-4", 3, { entryStatus: "pending", bookingDate: null, amount: "238.00", remittance: "RE-2026-000003", outcome: "not-applicable", outcomeCode: "BANK_ENTRY_NOT_BOOKED", outcomeMessage: "Not booked yet" }),
  transaction("bst-5", 4, {
    direction: "debit",
    amount: "241.00",
    endToEndId: "RE-2026-000003",
    mandateReference: "KONTOR-M1",
    returnReason: "MD06",
    remittance: "RUECKLASTSCHRIFT RE-2026-000003",
    outcome: "returned",
  }),
];
const BOOKINGS_1: NewBankStatementBooking[] = [
  { transactionId: "bst-1", kind: "payment", invoiceId: "inv-1", paymentId: "pay-1", amount: "1487.50", currency: "EUR" },
  { transactionId: "bst-5", kind: "reversal", invoiceId: "inv-3", paymentId: "pay-3", amount: "238", currency: "EUR" },
];

/** An executor that must not be used: the lookups run no statement for an empty list. */
const NO_DATABASE = new Proxy({}, { get: () => { throw new Error("no statement expected"); } }) as Executor;


describe(`bank statement imports on ${testDatabaseKind()} (T6, T7/C8)`, () => {
  let database: DatabaseHandle;

  async function store(id: string, number: string | null, amountDue: string, options: { type?: InvoiceRow["type"]; precedingInvoiceId?: string } = {}): Promise<void> {
    const document = { paymentTerms: { dueDate: "2026-12-01" }, totals: { amountDue: { amount: amountDue, currency: "EUR" } } };
    await insertInvoiceDraft(database.db, { id, organizationId: "org-a", type: options.type ?? "invoice", document, precedingInvoiceId: options.precedingInvoiceId }, NOW);
    if (number === null) return;
    const finalized = await markInvoiceFinalized(database.db, id, { number, document, pdf: PDF, xml: "<x/>" }, NOW);
    if (finalized === undefined) throw new Error(`${id} not finalized`);
  }

  async function pay(id: string, invoiceId: string, amount: string, method = "bank-transfer"): Promise<void> {
    await insertInvoicePayment(database.db, { id, invoiceId, organizationId: "org-a", amount, currency: "EUR", receivedOn: "2026-12-02", method, reference: null, recordedBy: null }, NOW);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-a", name: "Bäckerei Schmidt" }, NOW);
    // 1,487.50 paid by the transfer of the file (T6: received on the value date).
    await store("inv-1", "RE-2026-000001", "1487.50");
    await pay("pay-1", "inv-1", "1487.50");
    // 119.00, paid in full before: nothing open.
    await store("inv-2", "RE-2026-000002", "119.00");
    await pay("pay-2", "inv-2", "119.00");
    // 238.00 collected by direct debit; the debit came back (MD06), so the payment is reversed.
    await store("inv-3", "RE-2026-000003", "238.00");
    await pay("pay-3", "inv-3", "238.00", "sepa-direct-debit");
    await markPaymentReversed(database.db, { paymentId: "pay-3", invoiceId: "inv-3", reversedOn: "2026-12-08", reason: "returned", note: "MD06 Rücklastschrift", reversedBy: null }, NOW);
    // 100.00 paid in full and credited 30.00 on top: 30.00 overpaid.
    await store("inv-4", "RE-2026-000004", "100.00");
    await pay("pay-4", "inv-4", "100.00");
    await store("cn-4", "GS-2026-000001", "30.00", { type: "credit-note", precedingInvoiceId: "inv-4" });
    // A correction invoice is looked up like an invoice; a draft has no number.
    await store("inv-5", "RE-2026-000005", "59.50", { type: "corrected-invoice", precedingInvoiceId: "inv-2" });
    await store("inv-draft", null, "80.00");
  });
  afterAll(() => database.close());

  it("stores an import with its transactions and bookings and reads them back in file order", async () => {
    const row = await insertBankStatementImport(database.db, IMPORT_1, TRANSACTIONS_1, BOOKINGS_1, at(0));
    expect(row).toEqual({
      id: "bsi-1",
      messageId: "STMT-2026-12-08",
      fileSha256: sha256(XML),
      messageType: "camt.053.001.08",
      kind: "statement",
      filename: "auszug-2026-12-08.xml",
      fileCreatedAt: "2026-12-08T22:15:00+01:00",
      transactionCount: 5,
      importedBy: "user-1",
      importedAt: at(0),
    });
    const found = await findBankStatementImport(database.db, "bsi-1");
    expect(found?.import).toEqual(row);
    expect(found?.transactions.map((t) => [t.id, t.position, t.direction, t.amount, t.entryStatus, t.bookingDate, t.valueDate, t.outcome, t.outcomeCode])).toEqual([
      ["bst-1", 0, "credit", "1487.50", "booked", "2026-12-08", "2026-12-08", "booked", null],
      ["bst-2", 1, "credit", "50.00", "booked", "2026-12-08", "2026-12-08", "review", "BANK_MATCH_NO_INVOICE"],
      ["bst-3", 2, "debit", "89.90", "booked", "2026-12-08", "2026-12-08", "not-applicable", "BANK_ENTRY_OUTGOING"],
      ["bst-4", 3, "credit", "238.00", "pending", null, "2026-12-08", "not-applicable", "BANK_ENTRY_NOT_BOOKED"],
      ["bst-5", 4, "debit", "241.00", "booked", "2026-12-08", "2026-12-08", "returned", null],
    ]);
    expect(found?.transactions[4]).toEqual({
      ...TRANSACTIONS_1[4],
      importId: "bsi-1",
      amount: "241.00",
      resolvedBy: null,
      resolvedAt: null,
      dismissalReason: null,
      createdAt: at(0),
    });
    expect(found?.bookings).toEqual([
      { ...BOOKINGS_1[0], createdAt: at(0) },
      { ...BOOKINGS_1[1], amount: "238.00", createdAt: at(0) },
    ]);
    expect(await findBankStatementImport(database.db, "bsi-unknown")).toBeUndefined();
  });

  it("the file is stored only sealed: no IBAN, no name, no XML in the row or the results; openBankStatementFile gives it back", async () => {
    const stored = await database.query<{ file_sealed: string }>("SELECT * FROM bank_statement_imports WHERE id = 'bsi-1'");
    expect(stored.rows[0]?.file_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(stored.rows)).not.toContain(PAYER_IBAN);
    expect(JSON.stringify(stored.rows)).not.toContain("<Document");
    const transactions = await database.query("SELECT * FROM bank_statement_transactions");
    expect(JSON.stringify(transactions.rows)).not.toContain(PAYER_IBAN);
    expect(JSON.stringify(await findBankStatementImport(database.db, "bsi-1"))).not.toContain("fileSealed");
    expect(await openBankStatementFile(database.db, "bsi-1")).toBe(XML);
    expect(await openBankStatementFile(database.db, "bsi-unknown")).toBeUndefined();
  });

  it("a file is imported once: the same message id or the same SHA-256 is refused (isBankStatementAlreadyImported), nothing of it is stored", async () => {
    const again = { ...IMPORT_1, id: "bsi-again" };
    const byMessageId = await failureOf(insertBankStatementImport(database.db, { ...again, fileSha256: sha256("other bytes") }, [transaction("bst-again", 0, { bankReference: "NEW-1" })], [], at(5)));
    expect([sqlStateOf(byMessageId), isBankStatementAlreadyImported(byMessageId), isBankReferenceAlreadyActedOn(byMessageId)]).toEqual(["23505", true, false]);
    const bySha = await failureOf(insertBankStatementImport(database.db, { ...again, messageId: "STMT-RENAMED" }, [transaction("bst-again", 0, { bankReference: "NEW-1" })], [], at(5)));
    expect([sqlStateOf(bySha), isBankStatementAlreadyImported(bySha)]).toEqual(["23505", true]);
    expect(await findBankStatementImport(database.db, "bsi-again")).toBeUndefined();
    expect(await findBankStatementTransaction(database.db, "bst-again")).toBeUndefined();
    expect(isBankStatementAlreadyImported(new Error("x"))).toBe(false);
    expect(isBankStatementAlreadyImported({ code: "23505", constraint: "invoices_number_key" })).toBe(false);
    expect(isBankStatementAlreadyImported(new Error("wrapped", { cause: { code: "23505", constraint: "bank_statement_imports_file_sha256_key" } }))).toBe(true);
  });

  it("the bank reference index: the same booked bank booking is acted on once; a duplicate row is allowed; findImportedBankReferences finds the acted-on ones", async () => {
    const notification: NewBankStatementImport = { ...IMPORT_1, id: "bsi-054", messageId: "NTFCTN-2026-12-08", fileSha256: sha256("camt.054"), messageType: "camt.054.001.08", kind: "notification" };
    // bst-1's booking again, booked a second time: refused, nothing of the import stays.
    const twice = await failureOf(insertBankStatementImport(database.db, notification, [transaction("bst-054", 0, { bankReference: "20261208000" })], [], at(10)));
    expect([sqlStateOf(twice), isBankReferenceAlreadyActedOn(twice), isBankStatementAlreadyImported(twice)]).toEqual(["23505", true, false]);
    expect(await findBankStatementImport(database.db, "bsi-054")).toBeUndefined();
    // Inside a caller's transaction (a savepoint): the transaction goes on.
    const inside = await database.db.transaction(async (tx) => {
      const failed = await failureOf(insertBankStatementImport(tx, notification, [transaction("bst-054", 0, { bankReference: "20261208000" })], [], at(10)));
      return [isBankReferenceAlreadyActedOn(failed), await findBankStatementImport(tx, "bsi-054")];
    });
    expect(inside).toEqual([true, undefined]);

    // Only booked entries count as acted on: bst-4 (20261208003) is pending.
    expect(await findImportedBankReferences(database.db, [{ accountIban: ACCOUNT, bankReference: "20261208003" }])).toEqual(new Map());

    // Stored as a duplicate of bst-1 it is allowed. The pending entry bst-4 was never acted on: its
    // booked entry is a booking of its own. The same reference on another account is another booking.
    await insertBankStatementImport(
      database.db,
      notification,
      [
        transaction("bst-054", 0, { bankReference: "20261208000", outcome: "duplicate", outcomeCode: "BANK_DUPLICATE_BOOKING", outcomeMessage: "Imported before", duplicateOf: "bst-1" }),
        transaction("bst-054-2", 1, { bankReference: "20261208003", amount: "238.00", remittance: "RE-2026-000003", outcome: "review", outcomeCode: "BANK_MATCH_NO_INVOICE", outcomeMessage: "x" }),
        transaction("bst-054-3", 2, { accountIban: OTHER_ACCOUNT, bankReference: "20261208000", amount: "10.00", outcome: "review", outcomeCode: "BANK_MATCH_NO_INVOICE", outcomeMessage: "x" }),
        // A duplicate is never what was acted on, even when nothing else has its reference.
        transaction("bst-054-4", 3, { bankReference: "ONLY-DUPLICATE", amount: "1.00", outcome: "duplicate", outcomeCode: "BANK_DUPLICATE_BOOKING", outcomeMessage: "x", duplicateOf: "bst-3" }),
      ],
      [],
      at(10),
    );
    expect((await findBankStatementImport(database.db, "bsi-054"))?.transactions.map((t) => [t.id, t.outcome, t.duplicateOf])).toEqual([
      ["bst-054", "duplicate", "bst-1"],
      ["bst-054-2", "review", null],
      ["bst-054-3", "review", null],
      ["bst-054-4", "duplicate", "bst-3"],
    ]);

    const found = await findImportedBankReferences(database.db, [
      { accountIban: ACCOUNT, bankReference: "20261208000" },
      { accountIban: ACCOUNT, bankReference: "20261208001" },
      { accountIban: ACCOUNT, bankReference: "20261208003" },
      { accountIban: ACCOUNT, bankReference: "UNKNOWN" },
      { accountIban: ACCOUNT, bankReference: "ONLY-DUPLICATE" },
      { accountIban: OTHER_ACCOUNT, bankReference: "20261208001" },
      { accountIban: ACCOUNT, bankReference: "20261208000" },
    ]);
    expect([...found.entries()].sort()).toEqual([
      [`${ACCOUNT} 20261208000`, "bst-1"],
      [`${ACCOUNT} 20261208001`, "bst-2"],
      [`${ACCOUNT} 20261208003`, "bst-054-2"],
    ]);
    expect(await findImportedBankReferences(NO_DATABASE, [])).toEqual(new Map());
    await insertBankStatementBookings(NO_DATABASE, [], at(10));
  });

  it("the tables refuse DELETE, TRUNCATE and changes of what was recorded (23001)", async () => {
    for (const statement of [
      "DELETE FROM bank_statement_imports WHERE id = 'bsi-1'",
      "TRUNCATE bank_statement_imports CASCADE",
      "UPDATE bank_statement_imports SET filename = 'anders.xml' WHERE id = 'bsi-1'",
      "DELETE FROM bank_statement_transactions WHERE id = 'bst-2'",
      "TRUNCATE bank_statement_transactions CASCADE",
      "UPDATE bank_statement_transactions SET amount = 1487.51 WHERE id = 'bst-1'",
      "UPDATE bank_statement_transactions SET amount = 51 WHERE id = 'bst-2'",
      "UPDATE bank_statement_transactions SET outcome_code = 'OTHER', outcome = 'assigned', resolved_by = 'user-2', resolved_at = now() WHERE id = 'bst-2'",
      "UPDATE bank_statement_transactions SET outcome = 'booked' WHERE id = 'bst-2'",
      "UPDATE bank_statement_transactions SET outcome = 'dismissed', resolved_by = 'user-2', resolved_at = now(), dismissal_reason = 'x' WHERE id = 'bst-1'",
      "DELETE FROM bank_statement_bookings WHERE transaction_id = 'bst-1'",
      "TRUNCATE bank_statement_bookings",
      "UPDATE bank_statement_bookings SET amount = 1 WHERE transaction_id = 'bst-1'",
      "UPDATE bank_statement_bookings SET invoice_id = 'inv-1' WHERE transaction_id = 'bst-5'",
      // An import never stores a resolved transaction.
      `INSERT INTO bank_statement_transactions (id, import_id, position, statement_id, account_iban, direction, amount, currency, entry_status, reversal, remittance, outcome, resolved_by, resolved_at, created_at)
       VALUES ('bst-x', 'bsi-1', 9, 'S', '${ACCOUNT}', 'credit', 1, 'EUR', 'booked', false, '', 'assigned', 'u', now(), now())`,
      // A booking names a payment of its invoice; a payment comes from a credit, a reversal from a debit.
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-2', 'payment', 'inv-1', 'pay-2', 50, 'EUR', now())",
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-3', 'payment', 'inv-2', 'pay-2', 89.90, 'EUR', now())",
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-2', 'reversal', 'inv-2', 'pay-2', 50, 'EUR', now())",
    ]) {
      const error = await failureOf(database.query(statement));
      expect(sqlStateOf(error), statement).toBe("23001");
      // The table named refuses it itself (not only a table a CASCADE reaches).
      const table = /(?:FROM|TRUNCATE|UPDATE|INTO) (bank_statement_\w+)/.exec(statement)?.[1];
      expect(error instanceof Error ? error.message : String(error), statement).toContain(`${table ?? "?"}:`);
    }
    // A payment is made by one transaction and reversed by one (unique keys, 23505).
    for (const statement of [
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-054-2', 'payment', 'inv-1', 'pay-1', 1487.50, 'EUR', now())",
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-3', 'reversal', 'inv-3', 'pay-3', 238, 'EUR', now())",
    ]) {
      const error = await failureOf(database.query(statement));
      expect(sqlStateOf(error), statement).toBe("23505");
    }
    const kept = await findBankStatementImport(database.db, "bsi-1");
    expect([kept?.import.filename, kept?.transactions.map((t) => [t.id, t.amount, t.outcome]), kept?.bookings.length]).toEqual([
      "auszug-2026-12-08.xml",
      [
        ["bst-1", "1487.50", "booked"],
        ["bst-2", "50.00", "review"],
        ["bst-3", "89.90", "not-applicable"],
        ["bst-4", "238.00", "not-applicable"],
        ["bst-5", "241.00", "returned"],
      ],
      2,
    ]);
  });

  it("P3 and the outcome rules are table CHECKs (23514); the masked IBAN is never a full one", async () => {
    const insert = (values: Partial<Record<string, string>>) => {
      const row: Record<string, string> = {
        id: "'bst-c'",
        import_id: "'bsi-1'",
        position: "9",
        statement_id: "'S'",
        account_iban: `'${ACCOUNT}'`,
        direction: "'credit'",
        amount: "1",
        currency: "'EUR'",
        entry_status: "'booked'",
        reversal: "false",
        remittance: "''",
        outcome: "'booked'",
        created_at: `'${at(50).toISOString()}'`,
        ...values,
      };
      return `INSERT INTO bank_statement_transactions (${Object.keys(row).join(", ")}) VALUES (${Object.values(row).join(", ")})`;
    };
    for (const statement of [
      insert({ amount: "0" }),
      insert({ amount: "-5" }),
      insert({ amount: "'NaN'" }),
      insert({ currency: "'eur'" }),
      insert({ direction: "'both'" }),
      insert({ entry_status: "'BOOK'" }),
      insert({ outcome: "'paid'" }),
      insert({ position: "-1" }),
      insert({ account_iban: "'de02 1203'" }),
      insert({ counterparty_iban_masked: `'${PAYER_IBAN}'` }),
      insert({ remittance: `'${"x".repeat(1001)}'` }),
      insert({ outcome: "'review'" }),
      insert({ outcome: "'not-applicable'" }),
      insert({ outcome: "'duplicate'", outcome_code: "'BANK_DUPLICATE_BOOKING'" }),
      insert({ duplicate_of: "'bst-1'", bank_reference: "'R-1'" }),
      insert({ outcome: "'duplicate'", outcome_code: "'BANK_DUPLICATE_BOOKING'", duplicate_of: "'bst-1'" }),
      insert({ dismissal_reason: "'x'" }),
      insert({ resolved_by: "'u'" }),
      insert({ resolved_by: "'u'", resolved_at: "now()" }),
      // Resolved by someone at some instant, both.
      "UPDATE bank_statement_transactions SET outcome = 'assigned', resolved_by = 'u' WHERE id = 'bst-054-2'",
      "INSERT INTO bank_statement_imports (id, message_id, file_sha256, message_type, kind, file_created_at, file_sealed, transaction_count, imported_by, imported_at) VALUES ('bsi-c', 'M-C', 'ABC', 'camt.053.001.08', 'statement', 'x', 'v1:x', 0, 'u', now())",
      `INSERT INTO bank_statement_imports (id, message_id, file_sha256, message_type, kind, file_created_at, file_sealed, transaction_count, imported_by, imported_at) VALUES ('bsi-c', 'M-C', '${sha256("c")}', 'camt.053.001.08', 'notification', 'x', 'v1:x', 0, 'u', now())`,
      `INSERT INTO bank_statement_imports (id, message_id, file_sha256, message_type, kind, file_created_at, file_sealed, transaction_count, imported_by, imported_at) VALUES ('bsi-c', 'M-C', '${sha256("c")}', 'camt.052.001.08', 'notification', 'x', 'v1:x', 0, 'u', now())`,
      `INSERT INTO bank_statement_imports (id, message_id, file_sha256, message_type, kind, file_created_at, file_sealed, transaction_count, imported_by, imported_at) VALUES ('bsi-c', 'M-C', '${sha256("c")}', 'camt.053.001.08', 'statement', 'x', '<Document/>', 0, 'u', now())`,
      `INSERT INTO bank_statement_imports (id, message_id, file_sha256, message_type, kind, file_created_at, file_sealed, transaction_count, imported_by, imported_at) VALUES ('bsi-c', 'M-C', '${sha256("c")}', 'camt.053.001.08', 'statement', 'x', 'v1:x', -1, 'u', now())`,
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-1', 'payment', 'inv-1', 'pay-1', 0, 'EUR', now())",
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-1', 'payment', 'inv-1', 'pay-1', 1487.50, 'eur', now())",
      "INSERT INTO bank_statement_bookings (transaction_id, kind, invoice_id, payment_id, amount, currency, created_at) VALUES ('bst-5', 'refund', 'inv-3', 'pay-3', 238, 'EUR', now())",
    ]) {
      const error = await failureOf(database.query(statement));
      expect(sqlStateOf(error), statement).toBe("23514");
    }
    // What the CHECKs allow: a masked IBAN, a duplicate with its original and code.
    await database.query(insert({ counterparty_iban_masked: `'${PAYER_MASKED}'`, remittance: `'${"x".repeat(1000)}'` }));
    expect((await findBankStatementTransaction(database.db, "bst-c"))?.counterpartyIbanMasked).toBe(PAYER_MASKED);
  });

  it("a review is resolved once: review → assigned (with bookings) or dismissed; booked → dismissed and a second resolution are refused", async () => {
    // bst-2 (50.00, no invoice named) is assigned to inv-5 by a person.
    await pay("pay-5", "inv-5", "50.00");
    const assigned = await database.db.transaction(async (tx) => {
      const locked = await lockBankStatementTransaction(tx, "bst-2");
      expect([locked?.outcome, locked?.amount]).toEqual(["review", "50.00"]);
      await insertBankStatementBookings(tx, [{ transactionId: "bst-2", kind: "payment", invoiceId: "inv-5", paymentId: "pay-5", amount: "50.00", currency: "EUR" }], at(20));
      return resolveBankStatementTransaction(tx, { id: "bst-2", outcome: "assigned", resolvedBy: "user-2", dismissalReason: null }, at(20));
    });
    expect(assigned).toMatchObject({ id: "bst-2", outcome: "assigned", outcomeCode: "BANK_MATCH_NO_INVOICE", amount: "50.00", resolvedBy: "user-2", resolvedAt: at(20), dismissalReason: null });
    expect(await findBankStatementTransaction(database.db, "bst-2")).toEqual({
      ...assigned,
      bookings: [{ transactionId: "bst-2", kind: "payment", invoiceId: "inv-5", paymentId: "pay-5", amount: "50.00", currency: "EUR", createdAt: at(20) }],
    });
    // Once: neither assigned again nor dismissed afterwards.
    expect(await resolveBankStatementTransaction(database.db, { id: "bst-2", outcome: "dismissed", resolvedBy: "user-3", dismissalReason: "doch nicht" }, at(21))).toBeUndefined();
    expect(await resolveBankStatementTransaction(database.db, { id: "bst-2", outcome: "assigned", resolvedBy: "user-3", dismissalReason: null }, at(21))).toBeUndefined();
    const raw = await failureOf(database.query("UPDATE bank_statement_transactions SET outcome = 'dismissed', resolved_by = 'user-3', resolved_at = now(), dismissal_reason = 'x' WHERE id = 'bst-2'"));
    expect(sqlStateOf(raw)).toBe("23001");
    // Only a review: a booked transaction is not dismissed; an unknown one is not found.
    expect(await resolveBankStatementTransaction(database.db, { id: "bst-1", outcome: "dismissed", resolvedBy: "user-3", dismissalReason: "x" }, at(21))).toBeUndefined();
    expect(await resolveBankStatementTransaction(database.db, { id: "bst-unknown", outcome: "dismissed", resolvedBy: "user-3", dismissalReason: "x" }, at(21))).toBeUndefined();
    // A dismissal says why (a table CHECK).
    const withoutReason = await failureOf(resolveBankStatementTransaction(database.db, { id: "bst-054-3", outcome: "dismissed", resolvedBy: "user-3", dismissalReason: null }, at(22)));
    expect(sqlStateOf(withoutReason)).toBe("23514");
    const dismissed = await resolveBankStatementTransaction(database.db, { id: "bst-054-3", outcome: "dismissed", resolvedBy: "user-3", dismissalReason: "Fremdes Konto, Testbuchung" }, at(22));
    expect(dismissed).toMatchObject({ outcome: "dismissed", resolvedBy: "user-3", resolvedAt: at(22), dismissalReason: "Fremdes Konto, Testbuchung", amount: "10.00" });
    expect(await resolveBankStatementTransaction(database.db, { id: "bst-054-3", outcome: "assigned", resolvedBy: "user-2", dismissalReason: null }, at(23))).toBeUndefined();
    expect(await database.db.transaction((tx) => lockBankStatementTransaction(tx, "bst-unknown"))).toBeUndefined();
  });

  it("lists the imports newest first in keyset pages; imports of the same instant are ordered by id", async () => {
    const other = (id: string, minutes: number) =>
      insertBankStatementImport(database.db, { ...IMPORT_1, id, messageId: `MSG-${id}`, fileSha256: sha256(id), file: `<Document>${id}</Document>` }, [], [], at(minutes));
    await other("bsi-2", 30);
    await other("bsi-3", 30);
    const first = await listBankStatementImports(database.db, { limit: 2 });
    expect(first.items.map((row) => [row.id, row.transactionCount])).toEqual([
      ["bsi-3", 0],
      ["bsi-2", 0],
    ]);
    expect(first.next).toEqual({ createdAt: at(30), id: "bsi-2" });
    const second = await listBankStatementImports(database.db, { limit: 2, before: first.next });
    expect([second.items.map((row) => [row.id, row.importedAt]), second.next]).toEqual([
      [
        ["bsi-054", at(10)],
        ["bsi-1", at(0)],
      ],
      undefined,
    ]);
    expect(JSON.stringify(second)).not.toContain("fileSealed");
    // The position may also be given as (imported at, id).
    const fromPosition = await listBankStatementImports(database.db, { limit: 10, before: { importedAt: at(30), id: "bsi-3" } });
    expect(fromPosition.items.map((row) => row.id)).toEqual(["bsi-2", "bsi-054", "bsi-1"]);
    expect((await listBankStatementImports(database.db, { limit: 10, before: { importedAt: at(0), id: "bsi-1" } })).items).toEqual([]);
  });

  it("lists the transactions newest first, filtered by outcome (the review queue), in keyset pages, each with its bookings", async () => {
    expect(BANK_STATEMENT_TRANSACTION_OUTCOMES).toEqual(["booked", "returned", "review", "not-applicable", "duplicate", "assigned", "dismissed"]);
    const ids = async (outcome?: (typeof BANK_STATEMENT_TRANSACTION_OUTCOMES)[number]) =>
      (await listBankStatementTransactions(database.db, { outcome, limit: 100 })).items.map((row) => row.id);
    expect(await ids("review")).toEqual(["bst-054-2"]);
    expect(await ids("assigned")).toEqual(["bst-2"]);
    expect(await ids("dismissed")).toEqual(["bst-054-3"]);
    expect(await ids("not-applicable")).toEqual(["bst-4", "bst-3"]);
    expect(await ids("duplicate")).toEqual(["bst-054-4", "bst-054"]);
    // Without a filter: newest import first, then id descending (bst-c, inserted by hand above, is the newest).
    expect(await ids()).toEqual(["bst-c", "bst-054-4", "bst-054-3", "bst-054-2", "bst-054", "bst-5", "bst-4", "bst-3", "bst-2", "bst-1"]);

    const first = await listBankStatementTransactions(database.db, { outcome: "not-applicable", limit: 1 });
    expect([first.items.map((row) => [row.id, row.amount, row.bookings]), first.next]).toEqual([[["bst-4", "238.00", []]], { createdAt: at(0), id: "bst-4" }]);
    const second = await listBankStatementTransactions(database.db, { outcome: "not-applicable", limit: 1, before: first.next });
    expect([second.items.map((row) => row.id), second.next]).toEqual([["bst-3"], undefined]);

    // An import's bookings are those of its transactions only.
    expect((await findBankStatementImport(database.db, "bsi-1"))?.bookings.map((booking) => [booking.transactionId, booking.paymentId])).toEqual([
      ["bst-1", "pay-1"],
      ["bst-2", "pay-5"],
      ["bst-5", "pay-3"],
    ]);
    expect((await findBankStatementImport(database.db, "bsi-054"))?.bookings).toEqual([]);

    const page = await listBankStatementTransactions(database.db, { limit: 100, before: { createdAt: at(10), id: "bst-054" } });
    expect(page.items.map((row) => [row.id, row.bookings.map((booking) => [booking.kind, booking.invoiceId, booking.paymentId, booking.amount])])).toEqual([
      ["bst-5", [["reversal", "inv-3", "pay-3", "238.00"]]],
      ["bst-4", []],
      ["bst-3", []],
      ["bst-2", [["payment", "inv-5", "pay-5", "50.00"]]],
      ["bst-1", [["payment", "inv-1", "pay-1", "1487.50"]]],
    ]);
  });

  it("findInvoicesByNumbers: finalized invoices and correction invoices with their open amount, also with nothing open; never credit notes or drafts", async () => {
    const found = await findInvoicesByNumbers(database.db, ["RE-2026-000004", "RE-2026-000001", "RE-2026-000003", "GS-2026-000001", "RE-2026-000005", "RE-2026-000002", "RE-2026-999999", "RE-2026-000001"]);
    expect(found.map((row) => [row.id, row.number, row.amountDue, row.paid, row.credited, row.open, row.currency])).toEqual([
      // Paid by the statement's transfer: nothing open.
      ["inv-1", "RE-2026-000001", "1487.50", "1487.50", "0.00", "0.00", "EUR"],
      ["inv-2", "RE-2026-000002", "119.00", "119.00", "0.00", "0.00", "EUR"],
      // The returned direct debit does not count: all open again.
      ["inv-3", "RE-2026-000003", "238.00", "0.00", "0.00", "238.00", "EUR"],
      // Paid and credited: 30.00 overpaid.
      ["inv-4", "RE-2026-000004", "100.00", "100.00", "30.00", "-30.00", "EUR"],
      ["inv-5", "RE-2026-000005", "59.50", "50.00", "0.00", "9.50", "EUR"],
    ]);
    expect(found[0]).toEqual({ id: "inv-1", organizationId: "org-a", number: "RE-2026-000001", currency: "EUR", dueDate: "2026-12-01", amountDue: "1487.50", paid: "1487.50", credited: "0.00", open: "0.00" });
    // The draft has no number; the credit note is never a payable invoice.
    const numbers = await database.query<{ number: string | null; id: string }>("SELECT id, number FROM invoices ORDER BY id");
    const everyNumber = numbers.rows.flatMap((row) => (row.number === null ? [] : [row.number]));
    expect((await findInvoicesByNumbers(database.db, everyNumber)).map((row) => row.id)).toEqual(["inv-1", "inv-2", "inv-3", "inv-4", "inv-5"]);
    expect(numbers.rows.find((row) => row.id === "inv-draft")?.number).toBeNull();
    expect(await findInvoicesByNumbers(database.db, ["GS-2026-000001"])).toEqual([]);
    // No numbers, no statement.
    expect(await findInvoicesByNumbers(NO_DATABASE, [])).toEqual([]);
  });

  it("refuses a booking of a transaction that is not in the import before writing anything", async () => {
    await expect(
      insertBankStatementImport(
        database.db,
        { ...IMPORT_1, id: "bsi-stray", messageId: "MSG-STRAY", fileSha256: sha256("stray") },
        [transaction("bst-stray", 0, { bankReference: "STRAY-1" })],
        [{ transactionId: "bst-1", kind: "payment", invoiceId: "inv-1", paymentId: "pay-1", amount: "1.00", currency: "EUR" }],
        at(40),
      ),
    ).rejects.toThrow(RangeError);
    expect(await findBankStatementImport(database.db, "bsi-stray")).toBeUndefined();
  });
});
