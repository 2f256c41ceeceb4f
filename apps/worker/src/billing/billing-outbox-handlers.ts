import { SERVICE_REPORT_RELEASED_TOPIC } from "@kontor/api";
import type { OutboxRow } from "@kontor/db";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import type { WorkerContext } from "../worker-context.js";
import { accountManagerFlagHandler } from "./account-manager-flag-handler.js";
import { billContractMonth } from "./bill-contract-month.js";
import { loadClosedContractMonth } from "./closed-contract-month.js";
import { currentBillingSettings } from "./current-billing-settings.js";
import { separateBillingOutboxHandlers } from "./separate-billing-handlers.js";
import { ensureServiceReportMailed } from "./service-report-mail.js";

/** Outbox topic of a closed month's service report (C8), written by the month close. */
export const SERVICE_REPORT_READY_TOPIC = "contingent.service-report-ready";

/** Outbox topic of a closed month's invoice lines (C8), written after the report's event. */
export const INVOICE_DUE_TOPIC = "contingent.invoice-due";

/**
 * Outbox topic of a service report the back office released for billing (K1, C8), written by
 * the API's `POST /v1/service-reports/:id/release` with the release.
 */
export { SERVICE_REPORT_RELEASED_TOPIC };

/** The part of a contingent event's payload (`{ organizationId, event }`) billing reads. */
const contractMonthPayloadSchema = z.object({
  organizationId: z.string().min(1),
  event: z.object({ contractId: z.string().min(1), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
});

function contractMonthOf(event: OutboxRow): { readonly contractId: string; readonly month: string } {
  const parsed = contractMonthPayloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no contract month: ${parsed.error.message}`);
  return parsed.data.event;
}

/** K1: a billing event that sent nothing because the month's report waits for the back office. */
function logHeld(context: WorkerContext, event: OutboxRow, serviceReportId: string): void {
  context.logger.info(
    { outboxId: event.id, topic: event.topic, serviceReportId },
    `K1: service report ${serviceReportId} awaits the back office's billing release (POST /v1/service-reports/${serviceReportId}/release); nothing sent`,
  );
}

/**
 * The outbox handlers of month-end billing (C8), with the seller and payment settings read per
 * event ({@link currentBillingSettings}: the stored ones, else the worker's `settings.billing`):
 * - `contingent.service-report-ready`: store the report PDF and mail it to the customer (not for
 *   a rental or hosting month without entries: it is billed by its own invoice and has nothing to report);
 * - `contingent.invoice-due`: make sure the report went out first, then compose, number and
 *   store the invoice and mail its PDF ({@link billContractMonth}).
 *
 * K1 "back office (billing release)": with the billing setting `billingRelease: "back-office"`
 * the report is stored held. Both handlers above then send nothing and take no invoice number,
 * and complete (the event is done, not retried); the report waits for the back office:
 * - `contingent.service-report-released` (written with the release by the API): mail the
 *   report, then bill the month as `invoice-due` does. Every step is idempotent (mail keys, the
 *   invoice's source key), so a redelivery, or an `invoice-due` handled after the release,
 *   issues nothing new.
 *
 * - `contingent.account-manager-flag`: mail the C4 flag (overbooked, oversized) to the account
 *   manager ({@link accountManagerFlagHandler}).
 *
 * `contingent.correction-invoice-due` needs no handler of its own: the month close puts the C4
 * correction line on the same month's invoice lines (and credits the deficit back), so the
 * `invoice-due` handler bills it; a separate document would bill the deficit twice.
 */
export const billingOutboxHandlers: readonly OutboxHandler[] = [
  {
    topics: [SERVICE_REPORT_READY_TOPIC],
    async handle(tx, event, context) {
      const { contractId, month } = contractMonthOf(event);
      const closedMonth = await loadClosedContractMonth(tx, contractId, month);
      // C8: a rental or hosting month is billed by its own direct-debit invoice, which prints no
      // service-report ID; without work performed its report would be an empty page every month.
      if (closedMonth.closed.invoice.presentation === "separate-direct-debit" && closedMonth.closed.serviceReport.entries.length === 0) {
        context.logger.info({ outboxId: event.id, contractId, month, serviceReportId: closedMonth.closed.serviceReport.id }, "no service report: a separately billed month without entries");
        return;
      }
      const mailing = await ensureServiceReportMailed(tx, context, await currentBillingSettings(tx, context), closedMonth, event.id);
      if (!mailing.released) logHeld(context, event, mailing.serviceReportId);
    },
  },
  {
    topics: [INVOICE_DUE_TOPIC],
    async handle(tx, event, context) {
      const { contractId, month } = contractMonthOf(event);
      const billing = await billContractMonth(tx, context, await currentBillingSettings(tx, context), contractId, month, event.id);
      // K1: done, not failed: the release's own event bills the month (a retry would wait forever).
      if (!billing.released) logHeld(context, event, billing.serviceReportId);
    },
  },
  {
    topics: [SERVICE_REPORT_RELEASED_TOPIC],
    async handle(tx, event, context) {
      const { contractId, month } = contractMonthOf(event);
      const settings = await currentBillingSettings(tx, context);
      const closedMonth = await loadClosedContractMonth(tx, contractId, month);
      // C8: the report first, then (for a month with invoice lines that is not billed separately) the invoice.
      const mailing = await ensureServiceReportMailed(tx, context, settings, closedMonth, event.id);
      // The API writes this event in the transaction that releases the report.
      if (!mailing.released) throw new Error(`Outbox event ${event.id} (${event.topic}): service report ${mailing.serviceReportId} is not released`);
      const { invoice } = closedMonth.closed;
      if (invoice.presentation !== "separate-direct-debit" && invoice.lines.length > 0) {
        await billContractMonth(tx, context, settings, contractId, month, event.id);
      }
    },
  },
  accountManagerFlagHandler,
  ...separateBillingOutboxHandlers,
];
