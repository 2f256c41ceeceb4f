import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertInvoicePayment, listOverdueInvoices, listPaymentsOf, type InvoicePaymentRow, type NewInvoicePayment } from "./invoice-payments.js";
import { insertOrganization } from "./organizations.js";
import { storeTestInvoice, type StoredTestInvoice } from "./stored-invoice.test-support.js";

const NOW = new Date("2026-11-23T09:00:00Z");

type Stored = StoredTestInvoice;

const FULL_PAYMENT: NewInvoicePayment = {
  id: "pay-partial-b",
  invoiceId: "inv-partial",
  organizationId: "org-a",
  amount: "30.00",
  currency: "EUR",
  receivedOn: "2026-10-05",
  method: "sepa-direct-debit",
  reference: "RE inv-partial",
  recordedBy: "user-1",
};

/** A minimal stored document: what payments and the overdue list read of it. */
function documentOf(stored: Stored): unknown {
  return { paymentTerms: { dueDate: stored.dueDate }, totals: { amountDue: { amount: stored.amountDue, currency: "EUR" } } };
}

describe(`invoice payments repository on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  let recorded: InvoicePaymentRow | undefined;

  const store = (stored: Stored): Promise<void> => storeTestInvoice(database.db, stored, documentOf(stored), NOW);

  async function pay(id: string, invoiceId: string, receivedOn: string, amount: string, organizationId = "org-a"): Promise<void> {
    await insertInvoicePayment(database.db, { id, invoiceId, organizationId, amount, currency: "EUR", receivedOn, method: "bank-transfer", reference: null, recordedBy: null }, NOW);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-a", name: "A GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-b", name: "B GmbH" }, NOW);

    // Unpaid, due 2026-10-15.
    await store({ id: "inv-unpaid", dueDate: "2026-10-15", amountDue: "119.00" });
    // 119.00 of which 50 paid in three payments (not in received order): 69.00 open.
    await store({ id: "inv-partial", dueDate: "2026-10-01", amountDue: "119.00" });
    recorded = await insertInvoicePayment(database.db, FULL_PAYMENT, NOW);
    await pay("pay-partial-a", "inv-partial", "2026-10-05", "10.0000");
    await pay("pay-partial-c", "inv-partial", "2026-09-20", "10");
    // Paid in full.
    await store({ id: "inv-paid", dueDate: "2026-09-15", amountDue: "119.00" });
    await pay("pay-paid", "inv-paid", "2026-09-30", "119.00");
    // Paid off by a finalized credit note (whose own due date is long past: it is never listed).
    await store({ id: "inv-credited", dueDate: "2026-09-20", amountDue: "119.00" });
    await store({ id: "cn-credited", type: "credit-note", dueDate: "2026-09-01", amountDue: "119.00", precedingInvoiceId: "inv-credited" });
    // Only a draft credit note: it does not count, 119.00 stay open.
    await store({ id: "inv-draft-credit", dueDate: "2026-09-25", amountDue: "119.00" });
    await store({ id: "cn-draft", type: "credit-note", dueDate: "2026-09-01", amountDue: "119.00", precedingInvoiceId: "inv-draft-credit", draft: true });
    // A correction invoice, partly credited and partly paid, with amounts of other scales: 200 − 49.5000 − 50.5 = 100.00 open.
    await store({ id: "inv-corrected", type: "corrected-invoice", dueDate: "2026-10-10", amountDue: "200", precedingInvoiceId: "inv-unpaid" });
    await store({ id: "cn-corrected", type: "credit-note", dueDate: "2026-10-20", amountDue: "50.5", precedingInvoiceId: "inv-corrected" });
    await pay("pay-corrected", "inv-corrected", "2026-10-12", "49.5000");
    // A draft invoice is never listed, however overdue.
    await store({ id: "inv-draft", dueDate: "2026-09-01", amountDue: "119.00", draft: true });
    // Another organization's invoice, due the same day as inv-partial (id breaks the tie).
    await store({ id: "inv-b", organizationId: "org-b", dueDate: "2026-10-01", amountDue: "59.50" });
  });
  afterAll(() => database.close());

  it("records payments and lists an invoice's payments by received_on, then id, amounts with two decimals", async () => {
    expect(recorded).toEqual({ ...FULL_PAYMENT, recordedAt: NOW, reversedOn: null, reversalReason: null, reversalNote: null, reversedBy: null, reversedAt: null });
    const payments = await listPaymentsOf(database.db, "inv-partial");
    expect(payments.map((stored) => [stored.id, stored.receivedOn, stored.amount])).toEqual([
      ["pay-partial-c", "2026-09-20", "10.00"],
      ["pay-partial-a", "2026-10-05", "10.00"],
      ["pay-partial-b", "2026-10-05", "30.00"],
    ]);
    expect(payments[2]).toMatchObject({ method: "sepa-direct-debit", reference: "RE inv-partial", recordedBy: "user-1", recordedAt: NOW, currency: "EUR" });
    expect(payments[0]).toMatchObject({ reference: null, recordedBy: null });
    expect(await listPaymentsOf(database.db, "inv-unpaid")).toEqual([]);
  });

  it("refuses a payment of an unknown invoice (foreign key) and a payment that is not positive", async () => {
    await expect(pay("pay-unknown", "inv-unknown", "2026-10-05", "10.00")).rejects.toThrow();
    await expect(pay("pay-zero", "inv-unpaid", "2026-10-05", "0.00")).rejects.toThrow();
    await expect(pay("pay-negative", "inv-unpaid", "2026-10-05", "-1.00")).rejects.toThrow();
    expect(await listPaymentsOf(database.db, "inv-unknown")).toEqual([]);
    expect(await listPaymentsOf(database.db, "inv-unpaid")).toEqual([]);
  });

  it("lists overdue invoices with their open amounts in one page, by (due date, id)", async () => {
    const overdue = await listOverdueInvoices(database.db, { asOf: "2026-10-16", limit: 10 });
    expect(overdue).toEqual([
      { id: "inv-draft-credit", organizationId: "org-a", number: "N-inv-draft-credit", currency: "EUR", dueDate: "2026-09-25", amountDue: "119.00", paid: "0.00", credited: "0.00", open: "119.00" },
      { id: "inv-b", organizationId: "org-b", number: "N-inv-b", currency: "EUR", dueDate: "2026-10-01", amountDue: "59.50", paid: "0.00", credited: "0.00", open: "59.50" },
      { id: "inv-partial", organizationId: "org-a", number: "N-inv-partial", currency: "EUR", dueDate: "2026-10-01", amountDue: "119.00", paid: "50.00", credited: "0.00", open: "69.00" },
      { id: "inv-corrected", organizationId: "org-a", number: "N-inv-corrected", currency: "EUR", dueDate: "2026-10-10", amountDue: "200.00", paid: "49.50", credited: "50.50", open: "100.00" },
      { id: "inv-unpaid", organizationId: "org-a", number: "N-inv-unpaid", currency: "EUR", dueDate: "2026-10-15", amountDue: "119.00", paid: "0.00", credited: "0.00", open: "119.00" },
    ]);
  });

  it("an invoice is overdue from the day after its due date", async () => {
    const onDueDate = await listOverdueInvoices(database.db, { asOf: "2026-10-15", limit: 10 });
    expect(onDueDate.map((row) => row.id)).not.toContain("inv-unpaid");
    const dayAfter = await listOverdueInvoices(database.db, { asOf: "2026-10-16", limit: 10 });
    expect(dayAfter.find((row) => row.id === "inv-unpaid")).toMatchObject({ dueDate: "2026-10-15", open: "119.00" });
  });

  it("leaves out paid and credited invoices, drafts and credit notes; a draft credit note does not count", async () => {
    const ids = (await listOverdueInvoices(database.db, { asOf: "2027-01-01", limit: 100 })).map((row) => row.id);
    expect(ids).not.toContain("inv-paid");
    expect(ids).not.toContain("inv-credited");
    expect(ids).not.toContain("inv-draft");
    expect(ids).not.toContain("cn-credited");
    expect(ids).not.toContain("cn-draft");
    expect(ids).not.toContain("cn-corrected");
    expect(ids).toContain("inv-draft-credit");
  });

  it("pages by (due date, id) with limit and after", async () => {
    const first = await listOverdueInvoices(database.db, { asOf: "2026-10-12", limit: 2, organizationId: "org-a" });
    expect(first.map((row) => row.id)).toEqual(["inv-draft-credit", "inv-partial"]);
    const last = first.at(-1);
    if (last === undefined) throw new Error("empty page");
    const second = await listOverdueInvoices(database.db, { asOf: "2026-10-12", limit: 2, organizationId: "org-a", after: { dueDate: last.dueDate, id: last.id } });
    expect(second.map((row) => row.id)).toEqual(["inv-corrected"]);
    const third = await listOverdueInvoices(database.db, { asOf: "2026-10-12", limit: 2, organizationId: "org-a", after: { dueDate: "2026-10-10", id: "inv-corrected" } });
    expect(third).toEqual([]);
    // Across organizations a page boundary falls between two invoices due the same day.
    const tied = await listOverdueInvoices(database.db, { asOf: "2026-10-16", limit: 2, after: { dueDate: "2026-10-01", id: "inv-b" } });
    expect(tied.map((row) => row.id)).toEqual(["inv-partial", "inv-corrected"]);
  });

  it("filters by organization", async () => {
    const ofB = await listOverdueInvoices(database.db, { asOf: "2026-10-16", limit: 10, organizationId: "org-b" });
    expect(ofB.map((row) => [row.id, row.open])).toEqual([["inv-b", "59.50"]]);
    expect(await listOverdueInvoices(database.db, { asOf: "2026-10-16", limit: 10, organizationId: "org-unknown" })).toEqual([]);
  });
});
