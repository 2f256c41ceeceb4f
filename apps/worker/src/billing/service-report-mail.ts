import { findServiceReport, insertServiceReportIfAbsent, type KontorTransaction } from "@kontor/db";
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
  /** `true` when the mail went out now, `false` when it had been sent before. */
  readonly sent: boolean;
}

/**
 * Makes sure the service report of a closed contract month (see `loadClosedContractMonth`) is
 * stored and mailed (C8, C5):
 * renders the PDF listing every entry, billable or not, stores it once (unique per contract and
 * month: a retry keeps the first PDF) and mails it with the PDF attached to the customer's
 * billing address, once per contract month (dedupe key). Runs in the caller's transaction, so
 * the invoice handler can call it first to keep "report before invoice" even when the
 * report's own event has not been handled yet.
 */
export async function ensureServiceReportMailed(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  closedMonth: ClosedContractMonth,
  outboxId?: number,
): Promise<ServiceReportMailing> {
  const { closed, organizationId, organization } = closedMonth;
  const { contractId, month } = closed;
  const serviceReportId = closed.serviceReport.id;
  const stored =
    (await findServiceReport(tx, contractId, month)) ??
    (await insertServiceReportIfAbsent(
      tx,
      {
        id: serviceReportId,
        contractId,
        organizationId,
        month,
        pdf: renderServiceReportPdf(unwrap(composeServiceReport(serviceReportInputOf(closed, organization, settings.seller))), { fonts: loadDejaVuFonts() }),
      },
      context.clock.now(),
    ));
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
        "Die Rechnung, auf der diese Servicebericht-ID angedruckt ist, folgt separat.",
        "",
        `Mit freundlichen Grüßen`,
        settings.seller.name,
      ].join("\n"),
      headers: {},
      attachments: [{ filename: `${serviceReportId}.pdf`, contentType: "application/pdf", content: stored.pdf }],
    },
    outboxId,
  );
  return { serviceReportId, sent };
}
