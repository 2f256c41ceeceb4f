import type { OutboxRow } from "@kontor/db";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
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

/**
 * The outbox handlers of month-end billing (C8), with the seller and payment settings read per
 * event ({@link currentBillingSettings}: the stored ones, else the worker's `settings.billing`):
 * - `contingent.service-report-ready`: store the report PDF and mail it to the customer;
 * - `contingent.invoice-due`: make sure the report went out first, then compose, number and
 *   store the invoice and mail its PDF ({@link billContractMonth}).
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
      await ensureServiceReportMailed(tx, context, await currentBillingSettings(tx, context), await loadClosedContractMonth(tx, contractId, month), event.id);
    },
  },
  {
    topics: [INVOICE_DUE_TOPIC],
    async handle(tx, event, context) {
      const { contractId, month } = contractMonthOf(event);
      await billContractMonth(tx, context, await currentBillingSettings(tx, context), contractId, month, event.id);
    },
  },
  accountManagerFlagHandler,
  ...separateBillingOutboxHandlers,
];
