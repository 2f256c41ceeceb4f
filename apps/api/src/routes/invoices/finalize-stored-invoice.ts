import { appendToOutbox, DocumentNumberError, issueDocumentNumber, lockInvoice, markInvoiceFinalized, type InvoiceSummaryRow, type KontorTransaction } from "@kontor/db";
import { finalizeInvoice, renderInvoicePdf, writeCiiInvoice } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import type { ApiDeps } from "../../app/api-deps.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound, ruleViolation } from "../../http/problem.js";
import { numberSeriesOf, recomposeDocument, toStoredDocument, type StoredInvoiceDocument } from "./stored-invoice.js";

/** Outbox topic of a finalized invoice, credit note or correction invoice. */
export const INVOICE_FINALIZED_TOPIC = "invoice.finalized";

/** What finalizing needs: the database and "now" (the API's deps or the worker's context). */
export type FinalizationDeps = Pick<ApiDeps, "database" | "clock">;

/**
 * Finalizes a draft in ONE transaction of its own ({@link finalizeInvoiceInTransaction}). The
 * stored PDF and XML are what every later download returns.
 */
export async function finalizeStoredInvoice(deps: FinalizationDeps, id: string): Promise<InvoiceSummaryRow> {
  const now = deps.clock.now();
  // Read from disk once per process (cached by the package), not inside the transaction.
  loadDejaVuFonts();
  return deps.database.db.transaction((tx) => finalizeInvoiceInTransaction(tx, id, now));
}

/**
 * Finalizes a draft inside the caller's transaction, so the number, the stored documents and
 * the `invoice.finalized` event commit together with whatever else the caller writes (the
 * worker's month-end billing). Lock the invoice row (a second finalization waits, then
 * finds it finalized: 409), take the next gap-free number of its series (§14 Abs. 4 Nr. 4 UStG;
 * the series row stays locked until commit, and a rollback gives the number back), number the
 * document, render the CII XML and the PDF/A-3 once, store all of it and write the
 * `invoice.finalized` event.
 */
export async function finalizeInvoiceInTransaction(tx: KontorTransaction, id: string, now: Date): Promise<InvoiceSummaryRow> {
  const fonts = loadDejaVuFonts();
  const row = await lockInvoice(tx, id);
  if (row === undefined) throw notFound(`Invoice ${id}`);
  if (row.status !== "draft") throw conflict(`Invoice ${id} is finalized already as ${row.number ?? "?"}`, "INVOICE_FINALIZED");
  // Compose before numbering: the series lock is held only for numbering, rendering and storing.
  const draft = unwrap(recomposeDocument(row.document as StoredInvoiceDocument));
  const series = numberSeriesOf(draft.type);
  const number = await issueDocumentNumber(tx, series, Number(draft.issueDate.slice(0, 4)), now).catch((error: unknown) => {
    // A date the series cannot number is the document's fault: 422 with the rule code, not 500.
    if (error instanceof DocumentNumberError) throw ruleViolation([{ code: error.code, message: error.message, path: ["issueDate"] }]);
    throw error;
  });
  const finalized = unwrap(finalizeInvoice(draft, { number, series }));
  const xml = writeCiiInvoice(finalized);
  const pdf = renderInvoicePdf(finalized, { fonts });
  const document = toStoredDocument(finalized);
  const stored = await markInvoiceFinalized(tx, id, { number, document, pdf, xml }, now);
  if (stored === undefined) throw conflict(`Invoice ${id} changed meanwhile`, "INVOICE_FINALIZED");
  await appendToOutbox(
    tx,
    [
      {
        topic: INVOICE_FINALIZED_TOPIC,
        aggregateType: "invoice",
        aggregateId: id,
        dedupeKey: `${INVOICE_FINALIZED_TOPIC}:${id}`,
        payload: {
          invoiceId: id,
          organizationId: row.organizationId,
          type: finalized.type,
          number,
          issueDate: finalized.issueDate,
          dueDate: finalized.paymentTerms.dueDate,
          grandTotal: document.totals.grandTotal,
          amountDue: document.totals.amountDue,
        },
      },
    ],
    now,
  );
  return stored;
}
