import type { InvoicePresentation } from "@kontor/contingent";
import { AUTOMATIC_SERVICE_REPORT_RELEASE, findServiceReport, insertServiceReportIfAbsent, type KontorTransaction, type ServiceReportRow } from "@kontor/db";
import { composeServiceReport, renderServiceReportPdf, unwrap } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import { billingRecipientOf } from "./billing-customer.js";
import { germanMonthName } from "./billing-month-name.js";
import type { BillingSettings } from "./billing-settings.js";
import type { ClosedContractMonth } from "./closed-contract-month.js";
import { serviceReportInputOf } from "./service-report-input.js";

/** Dedupe key of the service report mail of a contract month: one mail per month, ever (C8). */
export function serviceReportMailKey(contractId: string, month: string): string {
  return `service-report-mail:${contractId}:${month}`;
}

/** What {@link ensureServiceReportMailed} found or did. */
export interface ServiceReportMailing {
  readonly serviceReportId: string;
  /**
   * Whether the report is released for billing (K1, C8). `false`: held for the back office's
   * release (billing setting `billingRelease: "back-office"`), so nothing was mailed.
   */
  readonly released: boolean;
  /** Who released it: `automatic` (at month close) or a staff user's id; `null` while held. */
  readonly releasedBy: string | null;
  /** `true` when the mail went out now, `false` when it had been sent before or the report is held. */
  readonly sent: boolean;
}

/**
 * Makes sure the service report of a closed contract month is stored (C8, C5): renders the PDF
 * listing every entry, billable or not, and stores it once (unique per contract and month: a
 * retry keeps the first PDF and its release state). A new report is released with the store
 * (`released_by` `automatic`) when the installation bills automatically, and held for the back
 * office's release when its billing settings say `billingRelease: "back-office"` (K1). Returns
 * the stored row, released or held.
 */
export async function ensureServiceReportStored(tx: KontorTransaction, context: WorkerContext, settings: BillingSettings, closedMonth: ClosedContractMonth): Promise<ServiceReportRow> {
  const { closed, organizationId } = closedMonth;
  const { contractId, month } = closed;
  return (
    (await findServiceReport(tx, contractId, month)) ??
    (await insertServiceReportIfAbsent(
      tx,
      {
        id: closed.serviceReport.id,
        contractId,
        organizationId,
        month,
        pdf: renderServiceReportPdf(unwrap(composeServiceReport(serviceReportInputOf(closedMonth, settings.seller))), { fonts: loadDejaVuFonts() }),
        // K1: absent means automatic, so settings stored before the option bill as they did.
        releasedBy: (settings.billingRelease ?? "automatic") === "automatic" ? AUTOMATIC_SERVICE_REPORT_RELEASE : null,
      },
      context.clock.now(),
    ))
  );
}

/** C8: what the report mail says of the invoice, by how the month is invoiced. */
function invoiceNote(presentation: InvoicePresentation): string {
  switch (presentation) {
    case "service-report-id-and-amount":
      return "Die Rechnung, auf der diese Servicebericht-ID angedruckt ist, folgt separat.";
    case "itemized":
      return "Die Rechnung mit den einzelnen Positionen folgt separat.";
    case "separate-direct-debit":
      return "Die Monatspauschale wird wie vereinbart separat in Rechnung gestellt.";
  }
}

/**
 * Makes sure the service report of a closed contract month (see `loadClosedContractMonth`) is
 * stored ({@link ensureServiceReportStored}) and, once released for billing (K1), mailed (C8,
 * C5): with the PDF attached to the customer's billing address, once per contract month (dedupe
 * key). A report held for the back office's release is not mailed (`released: false`): it goes
 * out when the release's event is handled. Whether a report is held is decided once, when it is
 * stored: a later change of the setting neither releases a held report nor holds a released one.
 * Runs in the caller's transaction, so the invoice handler can call it first to keep "report
 * before invoice" even when the report's own event has not been handled yet.
 */
export async function ensureServiceReportMailed(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  closedMonth: ClosedContractMonth,
  outboxId?: number,
): Promise<ServiceReportMailing> {
  const { closed, organization } = closedMonth;
  const { contractId, month } = closed;
  const serviceReportId = closed.serviceReport.id;
  const stored = await ensureServiceReportStored(tx, context, settings, closedMonth);
  // K1, C8: nothing goes to the customer before the back office released the month.
  if (stored.releasedAt === null) return { serviceReportId, released: false, releasedBy: null, sent: false };
  const monthName = germanMonthName(month);
  const sent = await sendMailOnce(
    tx,
    context,
    {
      dedupeKey: serviceReportMailKey(contractId, month),
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: [billingRecipientOf(organization)],
      subject: `Servicebericht ${serviceReportId} – ${monthName}`,
      text: [
        "Guten Tag,",
        "",
        `anbei erhalten Sie den Servicebericht ${serviceReportId} für ${monthName} (Vertrag ${contractId}) mit allen erbrachten Leistungen, berechnet und nicht berechnet.`,
        invoiceNote(closed.invoice.presentation),
        "",
        `Mit freundlichen Grüßen`,
        settings.seller.name,
      ].join("\n"),
      headers: {},
      attachments: [{ filename: `${serviceReportId}.pdf`, contentType: "application/pdf", content: stored.pdf }],
    },
    outboxId,
  );
  return { serviceReportId, released: true, releasedBy: stored.releasedBy, sent };
}
