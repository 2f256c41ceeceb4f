import { appendToOutbox, DocumentNumberError, issueDocumentNumber, lockInvoice, markInvoiceFinalized, type InvoiceSummaryRow, type KontorTransaction } from "@kontor/db";
import { finalizeInvoice, redateInvoice, renderInvoicePdf, writeCiiInvoice, type InvoiceDocument } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import { DateTime } from "luxon";
import type { ApiDeps } from "../../app/api-deps.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound, ruleViolation } from "../../http/problem.js";
import { installationTermsPolicies } from "../installation-policies/domains/terms-policy-domain.js";
import { INSTALLATION_ZONE } from "../tickets/service-desk-settings.js";
import { numberSeriesOf, recomposeDocument, toStoredDocument, type StoredInvoiceDocument } from "./stored-invoice.js";

/** Outbox topic of a finalized invoice, credit note or correction invoice. */
export const INVOICE_FINALIZED_TOPIC = "invoice.finalized";

/** What finalizing needs: the database and "now" (the API's deps or the worker's context). */
export type FinalizationDeps = Pick<ApiDeps, "database" | "clock">;

/** How {@link finalizeInvoiceInTransaction} dates the document it issues. */
export interface FinalizationDating {
  /**
   * Issue the document on the calendar day of `now` in this zone (BT-2; P2: an explicit zone,
   * never the machine's), whatever day its draft was composed for: see {@link issuedToday}.
   */
  readonly issueOnDayIn: string;
}

/**
 * Finalizes a stored draft in ONE transaction of its own ({@link finalizeInvoiceInTransaction}),
 * dated the day it is issued in the installation's zone: a draft may have waited days or months,
 * and an invoice is not dated before it exists (as the worker dates a month the back office
 * released). The stored PDF and XML are what every later download returns.
 */
export async function finalizeStoredInvoice(deps: FinalizationDeps, id: string): Promise<InvoiceSummaryRow> {
  const now = deps.clock.now();
  // Read from disk once per process (cached by the package), not inside the transaction.
  loadDejaVuFonts();
  return deps.database.db.transaction((tx) => finalizeInvoiceInTransaction(tx, id, now, { issueOnDayIn: INSTALLATION_ZONE }));
}

/**
 * The draft re-dated to the day of `now` in `zone` (`redateInvoice`): the due date and net days
 * follow from that day under the installation's payment-terms policy in force on it (T1, P1, read
 * in this transaction), the number is taken in its year; the supply period (BG-14) and the lines
 * stay. An agreed due date that this day has passed is a 422 (`PAYMENT_TERMS_INVALID` at
 * `paymentTerms.dueDate`): the draft is deleted and composed again with new terms.
 */
async function issuedToday(tx: KontorTransaction, draft: InvoiceDocument, zone: string, now: Date): Promise<InvoiceDocument> {
  const today = DateTime.fromJSDate(now, { zone }).toISODate();
  if (today === null) throw new Error(`Invalid installation zone ${zone}`);
  const { paymentTerms } = await installationTermsPolicies(tx);
  const issued = redateInvoice(draft, today, { paymentTermsPolicies: paymentTerms });
  if (!issued.ok) {
    throw ruleViolation(
      issued.errors.map((error) => ({
        ...error,
        message: `Issued today, ${today}: ${error.message}. Delete the draft (DELETE /v1/invoices/{id}) and compose it again (POST /v1/invoices)`,
      })),
    );
  }
  return issued.value;
}

/**
 * Finalizes a draft inside the caller's transaction, so the number, the stored documents and
 * the `invoice.finalized` event commit together with whatever else the caller writes (the
 * worker's month-end billing). Lock the invoice row (a second finalization waits, then
 * finds it finalized: 409), date the document (`dating`), take the next gap-free number of its
 * series in the year of its issue date (§14 Abs. 4 Nr. 4 UStG; the series row stays locked until
 * commit, and a rollback gives the number back), number the document, render the CII XML and
 * the PDF/A-3 once, store all of it and write the `invoice.finalized` event.
 *
 * With `dating` the document is issued on the day of `now` in its zone ({@link issuedToday}):
 * every draft that was stored and finalized later (the API). Without it the draft keeps its
 * date: only for a draft the caller composed in this same transaction for a day it chose (the
 * worker's billing, e.g. a month's close day, `bill-contract-month.ts`).
 */
export async function finalizeInvoiceInTransaction(tx: KontorTransaction, id: string, now: Date, dating?: FinalizationDating): Promise<InvoiceSummaryRow> {
  const fonts = loadDejaVuFonts();
  const row = await lockInvoice(tx, id);
  if (row === undefined) throw notFound(`Invoice ${id}`);
  if (row.status !== "draft") throw conflict(`Invoice ${id} is finalized already as ${row.number ?? "?"}`, "INVOICE_FINALIZED");
  // Compose before numbering: the series lock is held only for numbering, rendering and storing.
  const composed = unwrap(recomposeDocument(row.document as StoredInvoiceDocument));
  const draft = dating === undefined ? composed : await issuedToday(tx, composed, dating.issueOnDayIn, now);
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
