import type { Executor } from "../connection/database.js";
import { insertInvoiceDraft, markInvoiceFinalized, type InvoiceRow } from "./invoices.js";

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** An invoice for the payment and direct debit repository tests: due date, amount due and how it is stored. */
export interface StoredTestInvoice {
  readonly id: string;
  readonly organizationId?: string;
  readonly type?: InvoiceRow["type"];
  readonly dueDate: string;
  readonly amountDue: string;
  readonly precedingInvoiceId?: string;
  /** Left a draft instead of finalized (number `N-<id>`). */
  readonly draft?: boolean;
}

/** Stores `stored` with `document` (a draft of organization `org-a` unless said otherwise), then finalizes it unless it stays a draft. */
export async function storeTestInvoice(executor: Executor, stored: StoredTestInvoice, document: unknown, now: Date): Promise<void> {
  await insertInvoiceDraft(
    executor,
    { id: stored.id, organizationId: stored.organizationId ?? "org-a", type: stored.type ?? "invoice", document, precedingInvoiceId: stored.precedingInvoiceId },
    now,
  );
  if (stored.draft === true) return;
  const finalized = await markInvoiceFinalized(executor, stored.id, { number: `N-${stored.id}`, document, pdf: PDF, xml: "<x/>" }, now);
  if (finalized === undefined) throw new Error(`${stored.id} not finalized`);
}
