import { invoiceBalance, type PayableInvoice } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertInvoicePayment, listOverdueInvoices, listPaymentsOf, markPaymentReversed, type PaymentReversalRecord } from "./invoice-payments.js";
import { loadInvoiceSettlement, recordedPaymentOfRow } from "./invoice-settlement.js";
import { insertInvoiceDraft, markInvoiceFinalized } from "./invoices.js";
import { insertOrganization } from "./organizations.js";

const NOW = new Date("2027-01-10T09:00:00Z");
const LATER = new Date("2027-01-12T09:00:00Z");
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** The return of the direct debit that paid inv-returned in full. */
const RETURN: PaymentReversalRecord = {
  paymentId: "pay-debit",
  invoiceId: "inv-returned",
  reversedOn: "2027-01-10",
  reason: "returned",
  note: "MD06 Rückgabe auf Verlangen des Zahlers",
  reversedBy: "user-7",
};

describe(`invoice payment reversal on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;

  async function store(id: string, dueDate: string, amountDue: string): Promise<void> {
    const document = { paymentTerms: { dueDate }, totals: { amountDue: { amount: amountDue, currency: "EUR" } } };
    await insertInvoiceDraft(database.db, { id, organizationId: "org-a", type: "invoice", document }, NOW);
    const finalized = await markInvoiceFinalized(database.db, id, { number: `N-${id}`, document, pdf: PDF, xml: "<x/>" }, NOW);
    if (finalized === undefined) throw new Error(`${id} not finalized`);
  }

  async function pay(id: string, invoiceId: string, receivedOn: string, amount: string, method = "bank-transfer"): Promise<void> {
    await insertInvoicePayment(database.db, { id, invoiceId, organizationId: "org-a", amount, currency: "EUR", receivedOn, method, reference: null, recordedBy: "user-1" }, NOW);
  }

  const overdueOn = async (asOf: string) =>
    (await listOverdueInvoices(database.db, { asOf, limit: 10 })).map((row) => [row.id, row.paid, row.open]);

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-a", name: "A GmbH" }, NOW);
    // 351.86 due 2026-12-28, collected in full by direct debit on 2026-12-20.
    await store("inv-returned", "2026-12-28", "351.86");
    await pay("pay-debit", "inv-returned", "2026-12-20", "351.86", "sepa-direct-debit");
    // 119.00 due 2026-12-01, paid 100.00 and 19.00; the 19.00 were booked on the wrong invoice.
    await store("inv-partly", "2026-12-01", "119.00");
    await pay("pay-right", "inv-partly", "2026-11-20", "100.00");
    await pay("pay-wrong", "inv-partly", "2026-11-25", "19.00");
  });
  afterAll(() => database.close());

  it("a paid invoice is not overdue while its payments stand; a payment starts without a reversal", async () => {
    expect(await overdueOn("2027-01-11")).toEqual([]);
    const [stored] = await listPaymentsOf(database.db, "inv-returned");
    expect(stored).toMatchObject({ reversedOn: null, reversalReason: null, reversalNote: null, reversedBy: null, reversedAt: null });
    expect(stored === undefined ? undefined : recordedPaymentOfRow(stored).reversal).toBeNull();
  });

  it("markPaymentReversed records the reversal once and leaves the recorded columns as they were", async () => {
    const [before] = await listPaymentsOf(database.db, "inv-returned");
    // A payment of another invoice and an unknown payment are not reversed.
    expect(await markPaymentReversed(database.db, { ...RETURN, invoiceId: "inv-partly" }, NOW)).toBeUndefined();
    expect(await markPaymentReversed(database.db, { ...RETURN, paymentId: "pay-unknown" }, NOW)).toBeUndefined();

    const reversed = await markPaymentReversed(database.db, RETURN, NOW);
    expect(reversed).toEqual({
      ...before,
      reversedOn: "2027-01-10",
      reversalReason: "returned",
      reversalNote: "MD06 Rückgabe auf Verlangen des Zahlers",
      reversedBy: "user-7",
      reversedAt: NOW,
    });
    expect(reversed).toMatchObject({ amount: "351.86", receivedOn: "2026-12-20", method: "sepa-direct-debit", recordedBy: "user-1", recordedAt: NOW });

    // Once: a second reversal changes nothing and returns undefined.
    expect(await markPaymentReversed(database.db, { ...RETURN, reason: "recorded-in-error", reversedOn: "2027-01-12", note: null }, LATER)).toBeUndefined();
    expect(await listPaymentsOf(database.db, "inv-returned")).toEqual([reversed]);
  });

  it("reversed payments are still listed, with their reversal; the settlement maps it and the balance leaves them out", async () => {
    const [stored] = await listPaymentsOf(database.db, "inv-returned");
    if (stored === undefined) throw new Error("payment gone");
    expect(recordedPaymentOfRow(stored)).toEqual({
      id: "pay-debit",
      amount: Money.of("351.86", "EUR"),
      receivedOn: "2026-12-20",
      method: "sepa-direct-debit",
      reference: null,
      reversal: { reversedOn: "2027-01-10", reason: "returned", note: "MD06 Rückgabe auf Verlangen des Zahlers" },
    });
    const { payments, credits } = await loadInvoiceSettlement(database.db, "inv-returned");
    expect(payments.map((payment) => [payment.id, payment.reversal?.reason])).toEqual([["pay-debit", "returned"]]);
    const invoice: PayableInvoice = { number: "N-inv-returned", issueDate: "2026-11-25", dueDate: "2026-12-28", amountDue: Money.of("351.86", "EUR") };
    const balance = invoiceBalance(invoice, payments, credits, "2027-01-10");
    expect([balance.status, balance.paid.toFixed(), balance.open.toFixed(), balance.overdueDays]).toEqual(["unpaid", "0.00", "351.86", 13]);
  });

  it("listOverdueInvoices sums only payments that stand: the returned invoice is overdue again with 351.86 open, the wrongly booked 19.00 are open again", async () => {
    expect(await overdueOn("2027-01-11")).toEqual([["inv-returned", "0.00", "351.86"]]);
    const wrong = await markPaymentReversed(database.db, { paymentId: "pay-wrong", invoiceId: "inv-partly", reversedOn: "2027-01-12", reason: "recorded-in-error", note: null, reversedBy: null }, LATER);
    expect(wrong).toMatchObject({ reversedOn: "2027-01-12", reversalReason: "recorded-in-error", reversalNote: null, reversedBy: null, reversedAt: LATER });
    expect(await overdueOn("2027-01-12")).toEqual([
      ["inv-partly", "100.00", "19.00"],
      ["inv-returned", "0.00", "351.86"],
    ]);
    // The same money paid again (a new payment): the invoice leaves the list.
    await pay("pay-again", "inv-returned", "2027-01-12", "351.86");
    expect(await overdueOn("2027-01-13")).toEqual([["inv-partly", "100.00", "19.00"]]);
  });

  it("the table refuses a reversal before the payment arrived, an unknown reason and a half-recorded reversal", async () => {
    await pay("pay-check", "inv-partly", "2026-11-30", "19.00", "check");
    await expect(markPaymentReversed(database.db, { paymentId: "pay-check", invoiceId: "inv-partly", reversedOn: "2026-11-29", reason: "returned", note: null, reversedBy: null }, LATER)).rejects.toThrow();
    const statements = [
      "UPDATE invoice_payments SET reversed_on = '2027-01-12', reversal_reason = 'bounced', reversed_at = now() WHERE id = 'pay-check'",
      "UPDATE invoice_payments SET reversed_on = '2027-01-12', reversed_at = now() WHERE id = 'pay-check'",
      "UPDATE invoice_payments SET reversed_on = '2027-01-12', reversal_reason = 'returned' WHERE id = 'pay-check'",
      "UPDATE invoice_payments SET reversal_note = 'nur eine Notiz' WHERE id = 'pay-check'",
      "UPDATE invoice_payments SET reversed_by = 'user-7' WHERE id = 'pay-check'",
    ];
    for (const statement of statements) await expect(database.query(statement), statement).rejects.toThrow();
    const [check] = (await listPaymentsOf(database.db, "inv-partly")).filter((payment) => payment.id === "pay-check");
    expect(check).toMatchObject({ reversedOn: null, reversalReason: null, reversalNote: null, reversedBy: null, reversedAt: null });
  });

  it("a payment is never deleted and its recorded columns never change; a reversed payment is not updated again", async () => {
    for (const statement of [
      "DELETE FROM invoice_payments WHERE id = 'pay-right'",
      // CASCADE: since 0027 direct_debit_collections references payments, and a plain TRUNCATE
      // stops at that foreign key before the trigger is asked.
      "TRUNCATE invoice_payments CASCADE",
      "UPDATE invoice_payments SET amount = 99.00 WHERE id = 'pay-right'",
      "UPDATE invoice_payments SET received_on = '2026-11-21' WHERE id = 'pay-right'",
      "UPDATE invoice_payments SET reversal_note = 'geändert' WHERE id = 'pay-debit'",
      "UPDATE invoice_payments SET reversed_on = NULL, reversal_reason = NULL, reversal_note = NULL, reversed_by = NULL, reversed_at = NULL WHERE id = 'pay-debit'",
    ]) {
      await expect(database.query(statement), statement).rejects.toThrow(/never|once/);
    }
    const payments = await listPaymentsOf(database.db, "inv-partly");
    expect(payments.map((payment) => [payment.id, payment.amount, payment.receivedOn])).toEqual([
      ["pay-right", "100.00", "2026-11-20"],
      ["pay-wrong", "19.00", "2026-11-25"],
      ["pay-check", "19.00", "2026-11-30"],
    ]);
    expect((await listPaymentsOf(database.db, "inv-returned")).map((payment) => [payment.id, payment.reversalNote])).toEqual([
      ["pay-debit", "MD06 Rückgabe auf Verlangen des Zahlers"],
      ["pay-again", null],
    ]);
  });
});
