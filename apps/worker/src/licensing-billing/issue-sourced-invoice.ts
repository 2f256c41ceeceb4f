import { randomUUID } from "node:crypto";
import { finalizeInvoiceInTransaction, installationTermsPolicies, toStoredDocument } from "@kontor/api";
import { findInvoiceBySourceKey, findInvoicePdf, insertInvoiceDraftForSource, type KontorTransaction } from "@kontor/db";
import { composeInvoice, unwrap, type DraftInvoice, type InvoiceInput } from "@kontor/invoicing";
import type { TermsPolicySet } from "@kontor/terms";

/** A finalized invoice with what its mail needs. */
export interface IssuedInvoice {
  readonly id: string;
  readonly number: string;
  readonly pdf: Uint8Array;
  readonly organizationId: string;
}

/**
 * The finalized invoice that bills `sourceKey`, issued in `tx` if there is none yet (the
 * month-end billing's steps, for any source): compose the draft from `input(policies)` (called
 * only when no invoice bills the source) and insert it under the unique source key, then
 * finalize a draft with the next gap-free number, PDF/A-3 and XML. `check` may refuse the
 * composed draft before it is stored. A rollback of `tx` gives the number back.
 *
 * `policies` are the installation's terms policies (P1), read only when composing: the input's
 * VAT (T3) and the due date (T1) are decided under them.
 */
export async function issueSourcedInvoice(
  tx: KontorTransaction,
  now: Date,
  source: { readonly sourceKey: string; readonly organizationId: string },
  input: (policies: TermsPolicySet) => InvoiceInput,
  check: (draft: DraftInvoice) => void = () => undefined,
): Promise<IssuedInvoice> {
  let invoice = await findInvoiceBySourceKey(tx, source.sourceKey);
  if (invoice === undefined) {
    const policies = await installationTermsPolicies(tx);
    const draft = unwrap(composeInvoice(input(policies), { paymentTermsPolicies: policies.paymentTerms }));
    check(draft);
    invoice = await insertInvoiceDraftForSource(tx, source.sourceKey, { id: randomUUID(), organizationId: source.organizationId, type: draft.type, document: toStoredDocument(draft) }, now);
  }
  if (invoice.status === "draft") invoice = await finalizeInvoiceInTransaction(tx, invoice.id, now);
  const pdf = await findInvoicePdf(tx, invoice.id);
  if (invoice.number === null || pdf === null || pdf === undefined) throw new Error(`Invoice ${invoice.id} for ${source.sourceKey} is finalized without number or PDF`);
  return { id: invoice.id, number: invoice.number, pdf, organizationId: invoice.organizationId };
}
