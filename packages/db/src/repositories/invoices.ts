import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { invoices } from "../schema/invoicing.js";

/** A stored invoice, credit note or correction invoice, with its PDF and XML. */
export type InvoiceRow = typeof invoices.$inferSelect;

/** An invoice row without the rendered PDF and XML: what lists load. */
export type InvoiceSummaryRow = Omit<InvoiceRow, "pdf" | "xml">;

/** What a new draft needs. */
export interface NewInvoiceDraft {
  readonly id: string;
  readonly organizationId: string;
  readonly type: InvoiceRow["type"];
  /** The composed draft as JSON. */
  readonly document: unknown;
  readonly precedingInvoiceId?: string | undefined;
}

/** What finalization stores, once. */
export interface InvoiceFinalization {
  readonly number: string;
  readonly document: unknown;
  readonly pdf: Uint8Array;
  readonly xml: string;
}

// Lists and locks never read the rendered documents (they can be large).
const summaryColumns = Object.fromEntries(Object.entries(getTableColumns(invoices)).filter(([name]) => name !== "pdf" && name !== "xml")) as Omit<
  ReturnType<typeof getTableColumns<typeof invoices>>,
  "pdf" | "xml"
>;

/** Inserts a draft (status `draft`, no number). */
export async function insertInvoiceDraft(executor: Executor, draft: NewInvoiceDraft, now: Date): Promise<InvoiceSummaryRow> {
  const [row] = await executor
    .insert(invoices)
    .values({
      id: draft.id,
      organizationId: draft.organizationId,
      type: draft.type,
      status: "draft",
      precedingInvoiceId: draft.precedingInvoiceId ?? null,
      document: draft.document,
      createdAt: now,
      updatedAt: now,
    })
    .returning(summaryColumns);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** An invoice without its PDF and XML. */
export async function findInvoice(executor: Executor, id: string): Promise<InvoiceSummaryRow | undefined> {
  const [row] = await executor.select(summaryColumns).from(invoices).where(eq(invoices.id, id));
  return row;
}

/** The stored PDF of an invoice (`null` while draft). */
export async function findInvoicePdf(executor: Executor, id: string): Promise<Uint8Array | null | undefined> {
  const [row] = await executor.select({ pdf: invoices.pdf }).from(invoices).where(eq(invoices.id, id));
  return row?.pdf;
}

/** The stored CII XML of an invoice (`null` while draft). */
export async function findInvoiceXml(executor: Executor, id: string): Promise<string | null | undefined> {
  const [row] = await executor.select({ xml: invoices.xml }).from(invoices).where(eq(invoices.id, id));
  return row?.xml;
}

/**
 * Locks an invoice row for the rest of the transaction: a second finalization of the same
 * invoice waits here and then sees it finalized.
 */
export async function lockInvoice(tx: KontorTransaction, id: string): Promise<InvoiceSummaryRow | undefined> {
  const [row] = await tx.select(summaryColumns).from(invoices).where(eq(invoices.id, id)).for("update");
  return row;
}

/**
 * Locks the invoices `ids` (`FOR UPDATE`) in one statement, in id order: two callers that lock
 * overlapping sets this way never wait on each other crosswise. Unknown ids are left out.
 */
export async function lockInvoices(tx: KontorTransaction, ids: readonly string[]): Promise<Map<string, InvoiceSummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select(summaryColumns)
    .from(invoices)
    .where(inArray(invoices.id, [...new Set(ids)]))
    .orderBy(asc(invoices.id))
    .for("update");
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Every credit note (draft or finalized) that references `precedingInvoiceId`, in creation
 * order, without PDF and XML: one query on the `preceding_invoice_id` index. Read it after
 * {@link lockInvoice} on the original, so a concurrent credit note is either committed and seen
 * here or waits for the lock.
 */
export async function listCreditNotesOf(executor: Executor, precedingInvoiceId: string): Promise<InvoiceSummaryRow[]> {
  return executor
    .select(summaryColumns)
    .from(invoices)
    .where(and(eq(invoices.precedingInvoiceId, precedingInvoiceId), eq(invoices.type, "credit-note")))
    .orderBy(asc(invoices.createdAt), asc(invoices.id));
}

/**
 * Numbers a draft and stores its final document, PDF and XML. Only a draft changes; returns
 * `undefined` when the invoice is unknown or finalized already.
 */
export async function markInvoiceFinalized(executor: Executor, id: string, finalization: InvoiceFinalization, now: Date): Promise<InvoiceSummaryRow | undefined> {
  const [row] = await executor
    .update(invoices)
    .set({
      status: "finalized",
      number: finalization.number,
      document: finalization.document,
      pdf: finalization.pdf,
      xml: finalization.xml,
      finalizedAt: now,
      updatedAt: now,
      version: sql`${invoices.version} + 1`,
    })
    .where(and(eq(invoices.id, id), eq(invoices.status, "draft")))
    .returning(summaryColumns);
  return row;
}

/**
 * Deletes a draft (drafts have no number, so none is lost: §14 Abs. 4 Nr. 4 UStG). A finalized
 * document is never deleted (GoBD): returns `undefined` when the invoice is unknown or
 * finalized, and the caller tells the two apart. A finalization that holds the row's lock makes
 * this wait, then delete nothing.
 */
export async function deleteInvoiceDraft(executor: Executor, id: string): Promise<InvoiceSummaryRow | undefined> {
  const [row] = await executor
    .delete(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.status, "draft")))
    .returning(summaryColumns);
  return row;
}

/** Filters of {@link listInvoices}. */
export interface InvoiceListOptions {
  readonly limit: number;
  readonly after?: KeysetPosition | undefined;
  readonly organizationId?: string | undefined;
  readonly status?: InvoiceRow["status"] | undefined;
}

/** Invoices in creation order, without PDF and XML. */
export async function listInvoices(executor: Executor, options: InvoiceListOptions): Promise<Page<InvoiceSummaryRow>> {
  const rows = await executor
    .select(summaryColumns)
    .from(invoices)
    .where(
      and(
        afterPosition(invoices.createdAt, invoices.id, options.after),
        options.organizationId === undefined ? undefined : eq(invoices.organizationId, options.organizationId),
        options.status === undefined ? undefined : eq(invoices.status, options.status),
      ),
    )
    .orderBy(asc(invoices.createdAt), asc(invoices.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}
