import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOICE_NUMBER_SERIES } from "@kontor/invoicing";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { deleteInvoiceDraft, findInvoice, findInvoicePdf, findInvoiceXml, insertInvoiceDraft, listCreditNotesOf, listInvoices, lockInvoice, lockInvoices, markInvoiceFinalized } from "./invoices.js";
import { issueDocumentNumber } from "./number-series.js";
import { insertOrganization } from "./organizations.js";

const NOW = new Date("2026-11-30T10:00:00Z");
// Every byte value, including 0x00 and bytes that are not valid UTF-8.
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...Array.from({ length: 256 }, (_, index) => index)]);

describe(`invoices repository on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-a", name: "A GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-b", name: "B GmbH" }, NOW);
  });
  afterAll(() => database.close());

  it("stores a draft without number, PDF or XML", async () => {
    const row = await insertInvoiceDraft(database.db, { id: "inv-1", organizationId: "org-a", type: "invoice", document: { issueDate: "2026-11-30" } }, NOW);
    expect(row).toMatchObject({ id: "inv-1", status: "draft", number: null, version: 1, document: { issueDate: "2026-11-30" } });
    expect(await findInvoicePdf(database.db, "inv-1")).toBeNull();
    expect(await findInvoiceXml(database.db, "inv-1")).toBeNull();
  });

  it("finalizes once, in a transaction with the number, and round-trips the PDF bytes exactly (bytea)", async () => {
    const finalized = await database.db.transaction(async (tx) => {
      const locked = await lockInvoice(tx, "inv-1");
      expect(locked?.status).toBe("draft");
      const number = await issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2026, NOW);
      return markInvoiceFinalized(tx, "inv-1", { number, document: { number }, pdf: PDF_BYTES, xml: `<Invoice>${number}</Invoice>` }, NOW);
    });
    expect(finalized).toMatchObject({ status: "finalized", number: "RE-2026-000001", version: 2, finalizedAt: NOW });
    const pdf = await findInvoicePdf(database.db, "inv-1");
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Array.from(pdf ?? [])).toEqual(Array.from(PDF_BYTES));
    expect(await findInvoiceXml(database.db, "inv-1")).toBe("<Invoice>RE-2026-000001</Invoice>");
    const again = await markInvoiceFinalized(database.db, "inv-1", { number: "RE-2026-000002", document: {}, pdf: PDF_BYTES, xml: "" }, NOW);
    expect(again).toBeUndefined();
    expect((await findInvoice(database.db, "inv-1"))?.number).toBe("RE-2026-000001");
  });

  it("locks several invoices in one statement, in id order, leaving out unknown ids and repeats", async () => {
    await insertInvoiceDraft(database.db, { id: "inv-lock-b", organizationId: "org-a", type: "invoice", document: {} }, NOW);
    await insertInvoiceDraft(database.db, { id: "inv-lock-a", organizationId: "org-a", type: "invoice", document: {} }, NOW);
    const locked = await database.db.transaction((tx) => lockInvoices(tx, ["inv-lock-b", "inv-missing", "inv-lock-a", "inv-lock-b"]));
    expect([...locked.keys()]).toEqual(["inv-lock-a", "inv-lock-b"]);
    expect(locked.get("inv-lock-a")).toMatchObject({ id: "inv-lock-a", status: "draft", organizationId: "org-a" });
    expect(await database.db.transaction((tx) => lockInvoices(tx, []))).toEqual(new Map());
  });

  it("refuses a second document with the same number", async () => {
    await insertInvoiceDraft(database.db, { id: "inv-dup", organizationId: "org-a", type: "invoice", document: {} }, NOW);
    await expect(markInvoiceFinalized(database.db, "inv-dup", { number: "RE-2026-000001", document: {}, pdf: PDF_BYTES, xml: "x" }, NOW)).rejects.toThrow();
  });

  it("lists by organization and status in creation order, a page at a time, without PDF or XML", async () => {
    for (let index = 0; index < 3; index += 1) {
      await insertInvoiceDraft(database.db, { id: `inv-b-${index}`, organizationId: "org-b", type: "invoice", document: {} }, new Date(NOW.getTime() + index + 1));
    }
    const first = await listInvoices(database.db, { limit: 2, organizationId: "org-b" });
    expect(first.items.map((row) => row.id)).toEqual(["inv-b-0", "inv-b-1"]);
    expect(first.items[0]).not.toHaveProperty("pdf");
    expect(first.items[0]).not.toHaveProperty("xml");
    const second = await listInvoices(database.db, { limit: 2, organizationId: "org-b", after: first.next });
    expect(second.items.map((row) => row.id)).toEqual(["inv-b-2"]);
    expect(second.next).toBeUndefined();
    const finalizedOfA = await listInvoices(database.db, { limit: 10, organizationId: "org-a", status: "finalized" });
    expect(finalizedOfA.items.map((row) => row.id)).toEqual(["inv-1"]);
  });

  it("lists the credit notes of an invoice, drafts and finalized, in creation order, without PDF or XML", async () => {
    await insertInvoiceDraft(database.db, { id: "cn-2", organizationId: "org-a", type: "credit-note", document: { n: 2 }, precedingInvoiceId: "inv-1" }, new Date(NOW.getTime() + 20));
    await insertInvoiceDraft(database.db, { id: "cn-1", organizationId: "org-a", type: "credit-note", document: { n: 1 }, precedingInvoiceId: "inv-1" }, new Date(NOW.getTime() + 10));
    await markInvoiceFinalized(database.db, "cn-1", { number: "RK-2026-000001", document: { n: 1 }, pdf: PDF_BYTES, xml: "x" }, NOW);
    // Neither a correction invoice nor another invoice's credit note counts.
    await insertInvoiceDraft(database.db, { id: "ci-1", organizationId: "org-a", type: "corrected-invoice", document: {}, precedingInvoiceId: "inv-1" }, NOW);
    await insertInvoiceDraft(database.db, { id: "cn-other", organizationId: "org-a", type: "credit-note", document: {}, precedingInvoiceId: "inv-dup" }, NOW);
    const notes = await listCreditNotesOf(database.db, "inv-1");
    expect(notes.map((row) => [row.id, row.status])).toEqual([["cn-1", "finalized"], ["cn-2", "draft"]]);
    expect(notes[0]).not.toHaveProperty("pdf");
    expect(await listCreditNotesOf(database.db, "inv-b-0")).toEqual([]);
  });

  it("GoBD: deletes a draft, never a finalized document; unknown ids delete nothing", async () => {
    await insertInvoiceDraft(database.db, { id: "inv-del", organizationId: "org-a", type: "invoice", document: { issueDate: "2026-11-30" } }, NOW);
    const deleted = await deleteInvoiceDraft(database.db, "inv-del");
    expect(deleted).toMatchObject({ id: "inv-del", status: "draft", number: null });
    expect(deleted).not.toHaveProperty("pdf");
    expect(await findInvoice(database.db, "inv-del")).toBeUndefined();
    expect(await deleteInvoiceDraft(database.db, "inv-del")).toBeUndefined();
    // inv-1 is finalized as RE-2026-000001: it stays, number, PDF and all.
    expect(await deleteInvoiceDraft(database.db, "inv-1")).toBeUndefined();
    expect((await findInvoice(database.db, "inv-1"))?.number).toBe("RE-2026-000001");
    expect(Array.from((await findInvoicePdf(database.db, "inv-1")) ?? [])).toEqual(Array.from(PDF_BYTES));
  });
});
