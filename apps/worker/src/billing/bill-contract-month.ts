import { randomUUID } from "node:crypto";
import { finalizeInvoiceInTransaction, installationTermsPolicies, toStoredDocument } from "@kontor/api";
import type { ClosedMonth } from "@kontor/contingent";
import { AUTOMATIC_SERVICE_REPORT_RELEASE, findInvoiceBySourceKey, findInvoicePdf, insertInvoiceDraftForSource, type KontorTransaction } from "@kontor/db";
import { composeInvoice, unwrap } from "@kontor/invoicing";
import { DateTime } from "luxon";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import { billingRecipientOf } from "./billing-customer.js";
import { germanMonthName } from "./billing-month-name.js";
import type { BillingSettings } from "./billing-settings.js";
import { loadClosedContractMonth } from "./closed-contract-month.js";
import { monthInvoiceInput } from "./month-invoice-input.js";
import { issueDateOf } from "./service-report-input.js";
import { ensureServiceReportMailed } from "./service-report-mail.js";

/** The source key of a contract month's invoice: one invoice per contract and month, ever. */
export function contingentInvoiceSourceKey(contractId: string, month: string): string {
  return `contingent:${contractId}:${month}`;
}

/** Dedupe key of an invoice's mail: each invoice is mailed once. */
export function invoiceMailKey(invoiceId: string): string {
  return `invoice-mail:${invoiceId}`;
}

/**
 * The issue date of a month's invoice (§14 Abs. 4 UStG; T1 counts the net days from it): the day
 * of the close in the contract's zone when the month was released automatically, as always. A
 * month the back office released (K1) is issued on the day it is billed (P2: the handler's
 * instant in the contract's zone, never the machine's), not before the close: days may pass
 * between close and release, and an invoice is not dated before it exists.
 */
function invoiceIssueDate(closed: ClosedMonth, releasedBy: string | null, now: Date): string {
  const closeDay = issueDateOf(closed);
  if (releasedBy === AUTOMATIC_SERVICE_REPORT_RELEASE) return closeDay;
  const today = DateTime.fromJSDate(now, { zone: closed.zone }).toISODate();
  if (today === null) throw new Error(`Invalid zone ${closed.zone} of contract ${closed.contractId}`);
  return today > closeDay ? today : closeDay;
}

/** What billing a contract month found or did. */
export interface ContractMonthBilling {
  readonly serviceReportId: string;
  /**
   * `false` when the month's service report is held for the back office's release (K1, C8):
   * then nothing was mailed, composed or numbered, and `invoiceId` is `null`.
   */
  readonly released: boolean;
  /** `null` when the month bills nothing here (C8: rental and hosting go by direct debit). */
  readonly invoiceId: string | null;
  readonly invoiceNumber: string | null;
  /** Whether the invoice mail went out now. */
  readonly invoiceMailed: boolean;
}

/**
 * Bills a closed contract month (C8) in the caller's transaction, idempotently at every step:
 * 1. the service report is stored and mailed first (a no-op when its own event was handled),
 *    so the customer always has the report before the invoice that shows only its ID. A report
 *    held for the back office's release (K1) stops here: no invoice is composed and no number
 *    taken until the release's event bills the month, which issues the invoice on that day;
 * 2. the invoice is composed from the month's lines under the installation's terms policies
 *    (P1) and inserted under the source key `contingent:<contract>:<month>` (unique: a retry
 *    finds it instead of composing another);
 * 3. a draft is finalized with the next gap-free number, PDF/A-3 and XML (in this transaction:
 *    a rollback gives the number back);
 * 4. the invoice PDF is mailed once (`invoice-mail:<invoiceId>`).
 */
export async function billContractMonth(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  contractId: string,
  month: string,
  outboxId?: number,
): Promise<ContractMonthBilling> {
  const closedMonth = await loadClosedContractMonth(tx, contractId, month);
  const { closed, organizationId, organization } = closedMonth;
  const { serviceReportId, released, releasedBy } = await ensureServiceReportMailed(tx, context, settings, closedMonth);
  // K1, C8: an invoice shows only the report's ID, so it never goes out before the report.
  if (!released || closed.invoice.presentation === "separate-direct-debit" || closed.invoice.lines.length === 0) {
    return { serviceReportId, released, invoiceId: null, invoiceNumber: null, invoiceMailed: false };
  }
  const now = context.clock.now();
  const sourceKey = contingentInvoiceSourceKey(contractId, month);
  let invoice = await findInvoiceBySourceKey(tx, sourceKey);
  if (invoice === undefined) {
    // P1: the installation's terms policies, read once for this invoice (VAT T3, due date T1).
    const policies = await installationTermsPolicies(tx);
    const input = monthInvoiceInput(closedMonth, settings, policies, invoiceIssueDate(closed, releasedBy, now));
    const draft = unwrap(composeInvoice(input, { paymentTermsPolicies: policies.paymentTerms }));
    invoice = await insertInvoiceDraftForSource(tx, sourceKey, { id: randomUUID(), organizationId, type: draft.type, document: toStoredDocument(draft) }, now);
  }
  if (invoice.status === "draft") invoice = await finalizeInvoiceInTransaction(tx, invoice.id, now);
  const number = invoice.number;
  const pdf = await findInvoicePdf(tx, invoice.id);
  if (number === null || pdf === null || pdf === undefined) throw new Error(`Invoice ${invoice.id} for ${sourceKey} is finalized without number or PDF`);
  const monthName = germanMonthName(month);
  const invoiceMailed = await sendMailOnce(
    tx,
    context,
    {
      dedupeKey: invoiceMailKey(invoice.id),
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: [billingRecipientOf(organization)],
      subject: `Rechnung ${number} – ${monthName}`,
      text: [
        "Guten Tag,",
        "",
        `anbei erhalten Sie die Rechnung ${number} für ${monthName} (Vertrag ${contractId}).`,
        `Die Leistungen sind im Servicebericht ${serviceReportId} aufgeführt, den Sie vorab per E-Mail erhalten haben.`,
        "",
        "Mit freundlichen Grüßen",
        settings.seller.name,
      ].join("\n"),
      headers: {},
      attachments: [{ filename: `${number}.pdf`, contentType: "application/pdf", content: pdf }],
    },
    outboxId,
  );
  return { serviceReportId, released, invoiceId: invoice.id, invoiceNumber: number, invoiceMailed };
}
