import { findInvoiceBySourceKey, type KontorTransaction } from "@kontor/db";
import type { BillingSettings } from "../billing/billing-settings.js";
import { localDay } from "../licensing/local-day.js";
import type { WorkerContext } from "../worker-context.js";
import { loadBilledLicenseOrder, type BilledLicenseOrder } from "./billed-license-order.js";
import { licenseOrderInvoiceSourceKey } from "./invoice-source-keys.js";
import { issueSourcedInvoice } from "./issue-sourced-invoice.js";
import { licenseOrderInvoiceInput } from "./license-order-invoice-input.js";
import { mailInvoiceOnce } from "./mail-invoice.js";
import { recordOrderInvoiced } from "./record-order-invoiced.js";

/** What invoicing an order found or did. */
export interface OrderInvoicing {
  readonly billed: BilledLicenseOrder;
  /** The number of the order's invoice. */
  readonly invoiceNumber: string;
  /** `null` when staff invoiced the order by hand (API `invoice` command) before the worker. */
  readonly invoiceId: string | null;
  /** Whether the invoice mail went out now. */
  readonly mailed: boolean;
}

/**
 * L5, idempotently at every step, in the caller's transaction:
 * 1. the order's invoice is composed from the stored order and inserted under the source key
 *    `license-order:<orderId>` (a retry finds it), finalized with the next gap-free number and
 *    issued on today's date in the customer's zone;
 * 2. its PDF is mailed once to the organization's billing address (`invoice-mail:<invoiceId>`);
 * 3. a delivered order is recorded as invoiced.
 * An order staff already invoiced by hand (its invoice number set, no invoice under the source
 * key) is not billed a second time.
 */
export async function ensureOrderInvoiced(tx: KontorTransaction, context: WorkerContext, settings: BillingSettings, orderId: string, outboxId?: number): Promise<OrderInvoicing> {
  const billed = await loadBilledLicenseOrder(tx, orderId);
  const { order, organization, row } = billed;
  const sourceKey = licenseOrderInvoiceSourceKey(row.id);
  if (order.invoiceNumber !== null && (await findInvoiceBySourceKey(tx, sourceKey)) === undefined) {
    return { billed, invoiceNumber: order.invoiceNumber, invoiceId: null, mailed: false };
  }
  const now = context.clock.now();
  const invoice = await issueSourcedInvoice(tx, now, { sourceKey, organizationId: row.organizationId }, (policies) =>
    licenseOrderInvoiceInput(order, organization, settings, localDay(now, order.customer.zone), policies),
  );
  const mailed = await mailInvoiceOnce(
    tx,
    context,
    settings,
    organization,
    invoice,
    {
      subjectTopic: `Lizenzauftrag ${order.orderId}`,
      billed: `anbei erhalten Sie die Rechnung ${invoice.number} für die zu Ihrem Auftrag ${order.orderId} bezogenen Lizenzen.`,
    },
    outboxId,
  );
  await recordOrderInvoiced(tx, billed, invoice.number, now);
  return { billed, invoiceNumber: invoice.number, invoiceId: invoice.id, mailed };
}
