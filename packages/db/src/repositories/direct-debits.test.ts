import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import {
  cancelDirectDebitBatch,
  findBookedCollectionsByEndToEndIds,
  findPendingCollectionsByEndToEndIds,
  findDirectDebitBatch,
  insertDirectDebitBatch,
  isPendingCollectionConflict,
  listDirectDebitBatches,
  listDirectDebitCandidates,
  lockDirectDebitBatch,
  markCollectionBooked,
  openDirectDebitFile,
  type DirectDebitBatchCancellation,
  type NewDirectDebitBatch,
  type NewDirectDebitCollection,
  type StoredDirectDebitMeans,
} from "./direct-debits.js";
import { insertInvoicePayment, markPaymentReversed } from "./invoice-payments.js";
import { insertOrganization } from "./organizations.js";
import { storeTestInvoice, type StoredTestInvoice } from "./stored-invoice.test-support.js";
import { failureOf, sqlStateOf } from "./sql-state.test-support.js";

const NOW = new Date("2026-11-20T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
/** The debtor's IBAN (check digits 89) and its account number part: neither may be stored in plain text. */
const IBAN = "DE89370400440532013000";
const ACCOUNT_NUMBER = "370400440532013000";

const MEANS_A: StoredDirectDebitMeans = { kind: "sepa-direct-debit", mandateReference: "KONTOR-M1", creditorId: "DE98ZZZ09999999999", debtorIban: IBAN };
const MEANS_B: StoredDirectDebitMeans = { kind: "sepa-direct-debit", mandateReference: "KONTOR-B1", creditorId: "DE98ZZZ09999999999", debtorIban: "DE02120300000000202051" };

interface Stored extends StoredTestInvoice {
  readonly paymentMeans?: unknown;
}

/** A minimal stored document: what the candidates read of it, all issued on 2026-11-16. */
function documentOf(stored: Stored): unknown {
  return {
    issueDate: "2026-11-16",
    paymentTerms: { dueDate: stored.dueDate },
    totals: { amountDue: { amount: stored.amountDue, currency: "EUR" } },
    source: { paymentMeans: stored.paymentMeans ?? (stored.organizationId === "org-b" ? MEANS_B : MEANS_A) },
  };
}

/** A pain.008 stand-in that holds the debtors' IBANs like the real file. */
const XML = `<?xml version="1.0" encoding="UTF-8"?><Document><DbtrAcct><Id><IBAN>${IBAN}</IBAN></Id></DbtrAcct></Document>`;

const collection = (invoiceId: string, amount: string, collectionDate: string, overrides: Partial<NewDirectDebitCollection> = {}): NewDirectDebitCollection => ({
  invoiceId,
  organizationId: "org-a",
  endToEndId: `N-${invoiceId}`,
  amount,
  collectionDate,
  mandateReference: "KONTOR-M1",
  ...overrides,
});

/** The three-invoice file of the spec: 1,190.00 + 595.00 (2026-12-02) + 2,499.00 (2026-12-16) = 4,284.00. */
const BATCH_1: NewDirectDebitBatch = { id: "ddb-1", messageId: "KONTOR-DD-2026-11-20-1", numberOfTransactions: 3, controlSum: "4284.00", xml: XML, createdBy: "user-1" };
const BATCH_1_COLLECTIONS = [
  collection("inv-c", "2499.00", "2026-12-16"),
  collection("inv-b", "595.00", "2026-12-02", { organizationId: "org-b", mandateReference: "KONTOR-B1" }),
  collection("inv-a", "1190.00", "2026-12-02"),
];


describe(`direct debit batches on ${testDatabaseKind()} (C8, T7)`, () => {
  let database: DatabaseHandle;

  const store = (stored: Stored): Promise<void> => storeTestInvoice(database.db, stored, documentOf(stored), NOW);

  async function pay(id: string, invoiceId: string, amount: string, organizationId = "org-a"): Promise<void> {
    await insertInvoicePayment(database.db, { id, invoiceId, organizationId, amount, currency: "EUR", receivedOn: "2026-12-02", method: "sepa-direct-debit", reference: null, recordedBy: null }, NOW);
  }

  const candidateIds = async (collectUntil?: string) => (await listDirectDebitCandidates(database.db, { collectUntil, limit: 100 })).map((row) => row.id);
  const cancel = (id: string, minutes: number): Promise<DirectDebitBatchCancellation> =>
    database.db.transaction((tx) => cancelDirectDebitBatch(tx, id, { by: "user-2", reason: "Datei nicht eingereicht" }, at(minutes)));

  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
    await insertOrganization(database.db, { id: "org-a", name: "Müller GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-b", name: "Bäckerei Schmidt" }, NOW);

    // The spec's three invoices, collected on their due dates.
    await store({ id: "inv-a", dueDate: "2026-12-02", amountDue: "1190.00" });
    await store({ id: "inv-b", organizationId: "org-b", dueDate: "2026-12-02", amountDue: "595.00" });
    await store({ id: "inv-c", dueDate: "2026-12-16", amountDue: "2499.00" });
    // Paid by credit transfer: never collected.
    await store({ id: "inv-transfer", dueDate: "2026-12-02", amountDue: "100.00", paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02120300000000202051" } });
    // Paid in full already.
    await store({ id: "inv-paid", dueDate: "2026-11-30", amountDue: "119.00" });
    await pay("pay-paid", "inv-paid", "119.00");
    // 119.00 of which 50.00 paid: 69.00 are collected.
    await store({ id: "inv-partial", dueDate: "2026-12-01", amountDue: "119.00" });
    await pay("pay-partial", "inv-partial", "50.00");
    // Paid, but the payment was reversed: nothing is paid.
    await store({ id: "inv-reversed", dueDate: "2026-12-03", amountDue: "200.00" });
    await pay("pay-reversed", "inv-reversed", "200.00");
    await markPaymentReversed(database.db, { paymentId: "pay-reversed", invoiceId: "inv-reversed", reversedOn: "2026-12-03", reason: "returned", note: null, reversedBy: null }, NOW);
    // 300.00 with a finalized credit note of 100.00 (counted) and a draft one of 50.00 (not counted); credit notes are never collected.
    await store({ id: "inv-credited", dueDate: "2026-12-04", amountDue: "300.00" });
    await store({ id: "cn-credited", type: "credit-note", dueDate: "2026-11-25", amountDue: "100.00", precedingInvoiceId: "inv-credited" });
    await store({ id: "cn-draft", type: "credit-note", dueDate: "2026-11-25", amountDue: "50.00", precedingInvoiceId: "inv-credited", draft: true });
    // A correction invoice is collected like an invoice.
    await store({ id: "inv-corrected", type: "corrected-invoice", dueDate: "2026-12-05", amountDue: "150", precedingInvoiceId: "inv-transfer" });
    // A draft is never collected.
    await store({ id: "inv-draft", dueDate: "2026-12-01", amountDue: "80.00", draft: true });
  });
  afterAll(() => database.close());

  it("C8: lists the direct debit invoices with an open amount by (due date, id), with issue date and the stored payment means", async () => {
    const candidates = await listDirectDebitCandidates(database.db, { limit: 100 });
    expect(candidates.map((row) => [row.id, row.dueDate, row.amountDue, row.paid, row.credited, row.open])).toEqual([
      ["inv-partial", "2026-12-01", "119.00", "50.00", "0.00", "69.00"],
      ["inv-a", "2026-12-02", "1190.00", "0.00", "0.00", "1190.00"],
      ["inv-b", "2026-12-02", "595.00", "0.00", "0.00", "595.00"],
      ["inv-reversed", "2026-12-03", "200.00", "0.00", "0.00", "200.00"],
      ["inv-credited", "2026-12-04", "300.00", "0.00", "100.00", "200.00"],
      ["inv-corrected", "2026-12-05", "150.00", "0.00", "0.00", "150.00"],
      ["inv-c", "2026-12-16", "2499.00", "0.00", "0.00", "2499.00"],
    ]);
    expect(candidates[2]).toEqual({
      id: "inv-b",
      organizationId: "org-b",
      number: "N-inv-b",
      issueDate: "2026-11-16",
      dueDate: "2026-12-02",
      currency: "EUR",
      amountDue: "595.00",
      paid: "0.00",
      credited: "0.00",
      open: "595.00",
      paymentMeans: MEANS_B,
    });
  });

  it("T7: collectUntil takes the invoices due on or before that day; limit cuts the list", async () => {
    expect(await candidateIds("2026-12-02")).toEqual(["inv-partial", "inv-a", "inv-b"]);
    expect(await candidateIds("2026-12-01")).toEqual(["inv-partial"]);
    expect(await candidateIds("2026-11-30")).toEqual([]);
    const first = await listDirectDebitCandidates(database.db, { limit: 2 });
    expect(first.map((row) => row.id)).toEqual(["inv-partial", "inv-a"]);
  });

  it("stores a file with its collections (4,284.00 in three), sealed, and reads it back by collection date, then end-to-end id", async () => {
    const batch = await insertDirectDebitBatch(database.db, BATCH_1, BATCH_1_COLLECTIONS, at(1));
    expect(batch).toEqual({
      id: "ddb-1",
      messageId: "KONTOR-DD-2026-11-20-1",
      numberOfTransactions: 3,
      controlSum: "4284.00",
      currency: "EUR",
      firstCollectionDate: "2026-12-02",
      lastCollectionDate: "2026-12-16",
      createdBy: "user-1",
      createdAt: at(1),
      cancelledAt: null,
      cancelledBy: null,
      cancellationReason: null,
    });
    const found = await findDirectDebitBatch(database.db, "ddb-1");
    expect(found?.batch).toEqual(batch);
    expect(found?.collections.map((row) => [row.invoiceId, row.endToEndId, row.amount, row.collectionDate, row.mandateReference, row.paymentId, row.releasedAt])).toEqual([
      ["inv-a", "N-inv-a", "1190.00", "2026-12-02", "KONTOR-M1", null, null],
      ["inv-b", "N-inv-b", "595.00", "2026-12-02", "KONTOR-B1", null, null],
      ["inv-c", "N-inv-c", "2499.00", "2026-12-16", "KONTOR-M1", null, null],
    ]);
    expect(found?.collections[1]).toMatchObject({ batchId: "ddb-1", organizationId: "org-b", currency: "EUR" });
    expect(await findDirectDebitBatch(database.db, "ddb-unknown")).toBeUndefined();
  });

  it("the file is stored only sealed: no IBAN in the row or the results; openDirectDebitFile gives the XML back", async () => {
    const stored = await database.query<{ file_sealed: string }>("SELECT * FROM direct_debit_batches WHERE id = 'ddb-1'");
    expect(stored.rows[0]?.file_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(stored.rows)).not.toContain(IBAN);
    expect(JSON.stringify(stored.rows)).not.toContain(ACCOUNT_NUMBER);
    expect(JSON.stringify(await findDirectDebitBatch(database.db, "ddb-1"))).not.toContain("<Document>");
    expect(await openDirectDebitFile(database.db, "ddb-1")).toBe(XML);
    expect(await openDirectDebitFile(database.db, "ddb-unknown")).toBeUndefined();
    await expect(database.query("UPDATE direct_debit_batches SET file_sealed = $1 WHERE id = 'ddb-1'", [XML])).rejects.toThrow();
  });

  it("a pending collection takes its invoice off the candidates", async () => {
    expect(await candidateIds()).toEqual(["inv-partial", "inv-reversed", "inv-credited", "inv-corrected"]);
  });

  it("the pending index refuses a second pending collection of an invoice; nothing of that file is stored", async () => {
    const second: NewDirectDebitBatch = { id: "ddb-dup", messageId: "KONTOR-DD-DUP", numberOfTransactions: 2, controlSum: "1259.00", xml: XML, createdBy: "user-1" };
    const error = await failureOf(insertDirectDebitBatch(database.db, second, [collection("inv-partial", "69.00", "2026-12-01"), collection("inv-a", "1190.00", "2026-12-02")], at(2)));
    expect(sqlStateOf(error)).toBe("23505");
    expect(isPendingCollectionConflict(error)).toBe(true);
    // Atomic: neither the batch nor its first collection stayed.
    expect(await findDirectDebitBatch(database.db, "ddb-dup")).toBeUndefined();
    expect(await candidateIds()).toContain("inv-partial");
    // The same inside a caller's transaction (a savepoint): the transaction goes on.
    const outcome = await database.db.transaction(async (tx) => {
      const failed = await failureOf(insertDirectDebitBatch(tx, second, [collection("inv-partial", "69.00", "2026-12-01"), collection("inv-a", "1190.00", "2026-12-02")], at(2)));
      return [isPendingCollectionConflict(failed), await findDirectDebitBatch(tx, "ddb-dup")];
    });
    expect(outcome).toEqual([true, undefined]);
    // A message id used before is another unique violation, not a pending conflict.
    const reused = await failureOf(insertDirectDebitBatch(database.db, { ...second, id: "ddb-reused", messageId: BATCH_1.messageId, numberOfTransactions: 1, controlSum: "69.00" }, [collection("inv-partial", "69.00", "2026-12-01")], at(2)));
    expect([sqlStateOf(reused), isPendingCollectionConflict(reused)]).toEqual(["23505", false]);
    expect(isPendingCollectionConflict(new Error("x"))).toBe(false);
  });

  it("P3: refuses a file whose NbOfTxs or CtrlSum disagree with its collections, or without collections, before writing", async () => {
    const one = [collection("inv-partial", "69.00", "2026-12-01")];
    const base: NewDirectDebitBatch = { id: "ddb-bad", messageId: "KONTOR-DD-BAD", numberOfTransactions: 1, controlSum: "69.00", xml: XML, createdBy: "user-1" };
    await expect(insertDirectDebitBatch(database.db, { ...base, numberOfTransactions: 2 }, one, at(3))).rejects.toThrow(RangeError);
    await expect(insertDirectDebitBatch(database.db, { ...base, controlSum: "69.01" }, one, at(3))).rejects.toThrow(/CtrlSum 69.01 but the collections sum to 69.00/);
    await expect(insertDirectDebitBatch(database.db, { ...base, numberOfTransactions: 0, controlSum: "0.00" }, [], at(3))).rejects.toThrow(RangeError);
    expect(await findDirectDebitBatch(database.db, "ddb-bad")).toBeUndefined();
    // The tables refuse what SEPA forbids: another currency, a zero amount, an identifier with '//'.
    for (const statement of [
      "INSERT INTO direct_debit_collections (batch_id, invoice_id, organization_id, end_to_end_id, amount, currency, collection_date, mandate_reference) VALUES ('ddb-1', 'inv-partial', 'org-a', 'N-inv-partial', 69, 'USD', '2026-12-01', 'KONTOR-M1')",
      "INSERT INTO direct_debit_collections (batch_id, invoice_id, organization_id, end_to_end_id, amount, currency, collection_date, mandate_reference) VALUES ('ddb-1', 'inv-partial', 'org-a', 'N-inv-partial', 0, 'EUR', '2026-12-01', 'KONTOR-M1')",
      "INSERT INTO direct_debit_collections (batch_id, invoice_id, organization_id, end_to_end_id, amount, currency, collection_date, mandate_reference) VALUES ('ddb-1', 'inv-partial', 'org-a', 'N//1', 69, 'EUR', '2026-12-01', 'KONTOR-M1')",
      "INSERT INTO direct_debit_collections (batch_id, invoice_id, organization_id, end_to_end_id, amount, currency, collection_date, mandate_reference, payment_id) VALUES ('ddb-1', 'inv-partial', 'org-a', 'N-inv-partial', 69, 'EUR', '2026-12-01', 'KONTOR-M1', 'pay-partial')",
      "INSERT INTO direct_debit_batches (id, message_id, number_of_transactions, control_sum, currency, first_collection_date, last_collection_date, file_sealed, created_by, created_at) VALUES ('ddb-x', 'X//1', 1, 1, 'EUR', '2026-12-01', '2026-12-01', 'v1:x', 'u', now())",
      "INSERT INTO direct_debit_batches (id, message_id, number_of_transactions, control_sum, currency, first_collection_date, last_collection_date, file_sealed, created_by, created_at) VALUES ('ddb-x', 'X-1', 1, 'NaN', 'EUR', '2026-12-01', '2026-12-01', 'v1:x', 'u', now())",
      "INSERT INTO direct_debit_batches (id, message_id, number_of_transactions, control_sum, currency, first_collection_date, last_collection_date, file_sealed, created_by, created_at) VALUES ('ddb-x', 'X-1', 1, 1, 'EUR', '2026-12-02', '2026-12-01', 'v1:x', 'u', now())",
    ]) {
      await expect(database.query(statement), statement).rejects.toThrow();
    }
  });

  it("books a collection once, as a payment of its invoice; a paid invoice is no candidate, a reversed booking makes it one again", async () => {
    await pay("pay-a", "inv-a", "1190.00");
    await pay("pay-c", "inv-c", "1000.00");
    // A payment of another invoice, an unknown collection: nothing is booked.
    expect(await markCollectionBooked(database.db, "ddb-1", "inv-a", "pay-c")).toBeUndefined();
    expect(await markCollectionBooked(database.db, "ddb-1", "inv-paid", "pay-paid")).toBeUndefined();
    const booked = await database.db.transaction(async (tx) => {
      await lockDirectDebitBatch(tx, "ddb-1");
      return markCollectionBooked(tx, "ddb-1", "inv-a", "pay-a");
    });
    expect(booked).toEqual({ ...BATCH_1_COLLECTIONS[2], batchId: "ddb-1", currency: "EUR", paymentId: "pay-a", releasedAt: null });
    // Once.
    expect(await markCollectionBooked(database.db, "ddb-1", "inv-a", "pay-a")).toBeUndefined();
    expect(await candidateIds("2026-12-02")).toEqual(["inv-partial"]);
    // The debit came back (Rücklastschrift): the booked collection no longer blocks, the invoice is open again.
    await markPaymentReversed(database.db, { paymentId: "pay-a", invoiceId: "inv-a", reversedOn: "2026-12-09", reason: "returned", note: "MD06", reversedBy: null }, at(10));
    const again = await listDirectDebitCandidates(database.db, { collectUntil: "2026-12-02", limit: 10 });
    expect(again.map((row) => [row.id, row.paid, row.open])).toEqual([
      ["inv-partial", "50.00", "69.00"],
      ["inv-a", "0.00", "1190.00"],
    ]);
  });

  it("a file with a booked collection is not cancelled; lock and cancel of unknown files say so", async () => {
    const outcome = await cancel("ddb-1", 20);
    expect(outcome.outcome).toBe("booked");
    expect(outcome.outcome === "booked" ? outcome.booked.map((row) => [row.invoiceId, row.paymentId]) : []).toEqual([["inv-a", "pay-a"]]);
    expect((await findDirectDebitBatch(database.db, "ddb-1"))?.batch.cancelledAt).toBeNull();
    expect(await cancel("ddb-unknown", 20)).toEqual({ outcome: "not-found" });
    expect(await database.db.transaction((tx) => lockDirectDebitBatch(tx, "ddb-unknown"))).toBeUndefined();
    expect(await database.db.transaction((tx) => lockDirectDebitBatch(tx, "ddb-1"))).toMatchObject({ id: "ddb-1", controlSum: "4284.00" });
  });

  it("cancelling a file releases its pending collections once; released ones no longer exclude their invoices and are never booked", async () => {
    const batch = await insertDirectDebitBatch(
      database.db,
      { id: "ddb-2", messageId: "KONTOR-DD-2026-11-20-2", numberOfTransactions: 2, controlSum: "269.00", xml: XML, createdBy: "user-1" },
      [collection("inv-reversed", "200.00", "2026-12-03"), collection("inv-partial", "69.00", "2026-12-01")],
      at(30),
    );
    expect(batch).toMatchObject({ firstCollectionDate: "2026-12-01", lastCollectionDate: "2026-12-03", controlSum: "269.00" });
    expect(await candidateIds()).toEqual(["inv-a", "inv-credited", "inv-corrected"]);

    const outcome = await cancel("ddb-2", 40);
    if (outcome.outcome !== "cancelled") throw new Error(`not cancelled: ${outcome.outcome}`);
    expect(outcome.batch).toEqual({ ...batch, cancelledAt: at(40), cancelledBy: "user-2", cancellationReason: "Datei nicht eingereicht" });
    expect(outcome.released.map((row) => [row.invoiceId, row.amount, row.releasedAt, row.paymentId])).toEqual([
      ["inv-partial", "69.00", at(40), null],
      ["inv-reversed", "200.00", at(40), null],
    ]);
    expect(await candidateIds()).toEqual(["inv-partial", "inv-a", "inv-reversed", "inv-credited", "inv-corrected"]);

    // Once.
    expect(await cancel("ddb-2", 50)).toEqual({ outcome: "cancelled-already", batch: outcome.batch });
    await pay("pay-partial-2", "inv-partial", "69.00");
    expect(await markCollectionBooked(database.db, "ddb-2", "inv-partial", "pay-partial-2")).toBeUndefined();
    // A released invoice goes into a new file.
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-3", messageId: "KONTOR-DD-2026-11-20-3", numberOfTransactions: 1, controlSum: "200", xml: XML, createdBy: "user-1" },
      [collection("inv-reversed", "200.00", "2026-12-03")],
      at(60),
    );
    expect(await candidateIds()).toEqual(["inv-a", "inv-credited", "inv-corrected"]);
  });

  it("the tables refuse DELETE, TRUNCATE and changes of what was recorded; booking and release happen once", async () => {
    for (const statement of [
      "DELETE FROM direct_debit_batches WHERE id = 'ddb-3'",
      "TRUNCATE direct_debit_batches CASCADE",
      "UPDATE direct_debit_batches SET control_sum = 4285 WHERE id = 'ddb-1'",
      "UPDATE direct_debit_batches SET message_id = 'KONTOR-OTHER' WHERE id = 'ddb-1'",
      "UPDATE direct_debit_batches SET created_at = now() WHERE id = 'ddb-1'",
      "UPDATE direct_debit_batches SET cancellation_reason = 'anders' WHERE id = 'ddb-2'",
      "UPDATE direct_debit_batches SET cancelled_at = NULL, cancelled_by = NULL, cancellation_reason = NULL WHERE id = 'ddb-2'",
      "DELETE FROM direct_debit_collections WHERE batch_id = 'ddb-3'",
      "TRUNCATE direct_debit_collections",
      "UPDATE direct_debit_collections SET amount = 1 WHERE batch_id = 'ddb-3'",
      "UPDATE direct_debit_collections SET collection_date = '2026-12-04' WHERE batch_id = 'ddb-3'",
      "UPDATE direct_debit_collections SET mandate_reference = 'KONTOR-M2' WHERE batch_id = 'ddb-3'",
      // Settled once: a booked collection is not booked again nor released, a released one not booked.
      "UPDATE direct_debit_collections SET payment_id = 'pay-c' WHERE batch_id = 'ddb-1' AND invoice_id = 'inv-a'",
      "UPDATE direct_debit_collections SET payment_id = NULL WHERE batch_id = 'ddb-1' AND invoice_id = 'inv-a'",
      "UPDATE direct_debit_collections SET released_at = now() WHERE batch_id = 'ddb-1' AND invoice_id = 'inv-a'",
      "UPDATE direct_debit_collections SET payment_id = 'pay-partial-2' WHERE batch_id = 'ddb-2' AND invoice_id = 'inv-partial'",
      // Released only with the batch's cancellation; booked only as a payment of its invoice.
      "UPDATE direct_debit_collections SET released_at = now() WHERE batch_id = 'ddb-3'",
      "UPDATE direct_debit_collections SET payment_id = 'pay-c' WHERE batch_id = 'ddb-3'",
      // A cancelled batch takes no collections.
      "INSERT INTO direct_debit_collections (batch_id, invoice_id, organization_id, end_to_end_id, amount, currency, collection_date, mandate_reference) VALUES ('ddb-2', 'inv-credited', 'org-a', 'N-inv-credited', 200, 'EUR', '2026-12-04', 'KONTOR-M1')",
    ]) {
      const error = await failureOf(database.query(statement));
      expect(sqlStateOf(error), statement).toBe("23001");
    }
    const kept = await findDirectDebitBatch(database.db, "ddb-1");
    expect([kept?.batch.controlSum, kept?.batch.messageId, kept?.collections.map((row) => [row.invoiceId, row.amount, row.paymentId])]).toEqual([
      "4284.00",
      BATCH_1.messageId,
      [
        ["inv-a", "1190.00", "pay-a"],
        ["inv-b", "595.00", null],
        ["inv-c", "2499.00", null],
      ],
    ]);
    expect((await findDirectDebitBatch(database.db, "ddb-3"))?.collections.map((row) => [row.amount, row.paymentId, row.releasedAt])).toEqual([["200.00", null, null]]);
  });

  it("lists the files newest first in keyset pages; files of the same instant are ordered by id", async () => {
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-4", messageId: "KONTOR-DD-2026-11-20-4", numberOfTransactions: 1, controlSum: "200.00", xml: XML, createdBy: "user-1" },
      [collection("inv-credited", "200.00", "2026-12-04")],
      at(60),
    );
    const first = await listDirectDebitBatches(database.db, { limit: 2 });
    expect(first.items.map((row) => row.id)).toEqual(["ddb-4", "ddb-3"]);
    expect(first.next).toEqual({ createdAt: at(60), id: "ddb-3" });
    const second = await listDirectDebitBatches(database.db, { limit: 2, before: first.next });
    expect([second.items.map((row) => [row.id, row.controlSum, row.cancelledAt]), second.next]).toEqual([
      [
        ["ddb-2", "269.00", at(40)],
        ["ddb-1", "4284.00", null],
      ],
      undefined,
    ]);
    expect(JSON.stringify(second)).not.toContain("fileSealed");
    expect((await listDirectDebitBatches(database.db, { limit: 10, before: { createdAt: at(1), id: "ddb-1" } })).items).toEqual([]);
  });

  it("a cancellation and a booking of the same file under its lock never both happen", async () => {
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-5", messageId: "KONTOR-DD-2026-11-20-5", numberOfTransactions: 1, controlSum: "150.00", xml: XML, createdBy: "user-1" },
      [collection("inv-corrected", "150.00", "2026-12-05")],
      at(70),
    );
    await pay("pay-corrected", "inv-corrected", "150.00");
    const [cancelled, booked] = await Promise.all([
      cancel("ddb-5", 80),
      database.db.transaction(async (tx) => {
        await lockDirectDebitBatch(tx, "ddb-5");
        return markCollectionBooked(tx, "ddb-5", "inv-corrected", "pay-corrected");
      }),
    ]);
    // Whichever came first, the other saw it.
    expect([cancelled.outcome, booked === undefined ? "not booked" : "booked"]).toSatisfy(
      (pair: string[]) => JSON.stringify(pair) === JSON.stringify(["cancelled", "not booked"]) || JSON.stringify(pair) === JSON.stringify(["booked", "booked"]),
    );
    const [settled] = (await findDirectDebitBatch(database.db, "ddb-5"))?.collections ?? [];
    expect(settled?.paymentId === null).toBe(settled?.releasedAt !== null);
  });

  it("T7/C8: findBookedCollectionsByEndToEndIds finds the booked collections whose payment stands; a returned (reversed) one, a pending one and unknown ids are not found", async () => {
    await store({ id: "inv-d", dueDate: "2026-12-10", amountDue: "400.00" });
    // inv-a was booked in ddb-1 as pay-a and came back (reversed); ddb-6 collects it again.
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-6", messageId: "KONTOR-DD-2026-11-20-6", numberOfTransactions: 2, controlSum: "1590.00", xml: XML, createdBy: "user-1" },
      [collection("inv-d", "400.00", "2026-12-10"), collection("inv-a", "1190.00", "2026-12-10")],
      at(90),
    );
    await pay("pay-d", "inv-d", "400.00");
    await pay("pay-a2", "inv-a", "1190.00");
    expect(await markCollectionBooked(database.db, "ddb-6", "inv-d", "pay-d")).toBeDefined();
    expect(await markCollectionBooked(database.db, "ddb-6", "inv-a", "pay-a2")).toBeDefined();

    const found = await findBookedCollectionsByEndToEndIds(database.db, ["N-inv-d", "N-inv-a", "N-inv-b", "N-unknown", "N-inv-d"]);
    expect(found).toEqual([
      { batchId: "ddb-6", invoiceId: "inv-a", organizationId: "org-a", endToEndId: "N-inv-a", paymentId: "pay-a2", amount: "1190.00", currency: "EUR", collectionDate: "2026-12-10" },
      { batchId: "ddb-6", invoiceId: "inv-d", organizationId: "org-a", endToEndId: "N-inv-d", paymentId: "pay-d", amount: "400.00", currency: "EUR", collectionDate: "2026-12-10" },
    ]);
    // The second debit of inv-a comes back as well: nothing of inv-a is left to return.
    await markPaymentReversed(database.db, { paymentId: "pay-a2", invoiceId: "inv-a", reversedOn: "2026-12-12", reason: "returned", note: "AM04", reversedBy: null }, at(100));
    expect((await findBookedCollectionsByEndToEndIds(database.db, ["N-inv-a", "N-inv-d"])).map((row) => [row.endToEndId, row.paymentId])).toEqual([["N-inv-d", "pay-d"]]);
    expect(await findBookedCollectionsByEndToEndIds(database.db, ["N-inv-a"])).toEqual([]);
    // No ids, no statement.
    const noDatabase = new Proxy({}, { get: () => { throw new Error("no statement expected"); } }) as Executor;
    expect(await findBookedCollectionsByEndToEndIds(noDatabase, [])).toEqual([]);
  });

  it("C8: findPendingCollectionsByEndToEndIds finds the collections neither booked nor released: what the bank's credit of a file books", async () => {
    await store({ id: "inv-e", dueDate: "2026-12-14", amountDue: "351.86" });
    await store({ id: "inv-f", dueDate: "2026-12-14", amountDue: "119.00" });
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-7", messageId: "KONTOR-DD-2026-11-20-7", numberOfTransactions: 1, controlSum: "351.86", xml: XML, createdBy: "user-1" },
      [collection("inv-e", "351.86", "2026-12-14")],
      at(110),
    );
    await insertDirectDebitBatch(
      database.db,
      { id: "ddb-8", messageId: "KONTOR-DD-2026-11-20-8", numberOfTransactions: 1, controlSum: "119.00", xml: XML, createdBy: "user-1" },
      [collection("inv-f", "119.00", "2026-12-14")],
      at(111),
    );
    expect((await cancel("ddb-8", 112)).outcome).toBe("cancelled");
    // inv-e pending in ddb-7; inv-f released with ddb-8; inv-d booked in ddb-6.
    const found = await findPendingCollectionsByEndToEndIds(database.db, ["N-inv-e", "N-inv-f", "N-inv-d", "N-unknown", "N-inv-e"]);
    expect(found.map((row) => [row.batchId, row.invoiceId, row.endToEndId, row.amount, row.collectionDate, row.paymentId, row.releasedAt])).toEqual([
      ["ddb-7", "inv-e", "N-inv-e", "351.86", "2026-12-14", null, null],
    ]);
    const noDatabase = new Proxy({}, { get: () => { throw new Error("no statement expected"); } }) as Executor;
    expect(await findPendingCollectionsByEndToEndIds(noDatabase, [])).toEqual([]);
  });
});
