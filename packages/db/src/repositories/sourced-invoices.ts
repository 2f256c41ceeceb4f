import { eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { invoices } from "../schema/invoicing.js";
import type { InvoiceSummaryRow, NewInvoiceDraft } from "./invoices.js";

// Like the invoice lists, never load the rendered PDF and XML here.
const summaryColumns = Object.fromEntries(Object.entries(getTableColumns(invoices)).filter(([name]) => name !== "pdf" && name !== "xml")) as Omit<
  ReturnType<typeof getTableColumns<typeof invoices>>,
  "pdf" | "xml"
>;

/**
 * Inserts a draft that bills `sourceKey` (e.g. `contingent:<contract>:<YYYY-MM>`) unless an
 * invoice for that source exists; returns the one that bills it either way. A retried billing
 * run therefore finds its invoice instead of composing a second one.
 */
export async function insertInvoiceDraftForSource(executor: Executor, sourceKey: string, draft: NewInvoiceDraft, now: Date): Promise<InvoiceSummaryRow> {
  const [inserted] = await executor
    .insert(invoices)
    .values({
      id: draft.id,
      organizationId: draft.organizationId,
      type: draft.type,
      status: "draft",
      precedingInvoiceId: draft.precedingInvoiceId ?? null,
      document: draft.document,
      sourceKey,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: invoices.sourceKey })
    .returning(summaryColumns);
  if (inserted !== undefined) return inserted;
  const existing = await findInvoiceBySourceKey(executor, sourceKey);
  if (existing === undefined) throw new Error(`invoice for ${sourceKey} vanished`);
  return existing;
}

/** The invoice that bills `sourceKey`, without its PDF and XML. */
export async function findInvoiceBySourceKey(executor: Executor, sourceKey: string): Promise<InvoiceSummaryRow | undefined> {
  const [row] = await executor.select(summaryColumns).from(invoices).where(eq(invoices.sourceKey, sourceKey));
  return row;
}
