import { organizationOf } from "@kontor/api";
import type { KontorTransaction, OutboxRow } from "@kontor/db";
import { Money } from "@kontor/money";
import { germanMonthName } from "../billing/billing-month-name.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { localDay } from "../licensing/local-day.js";
import { rentalInvoiceDueDedupeKey } from "../licensing/rental-invoice-due-event.js";
import type { WorkerContext } from "../worker-context.js";
import { issueSourcedInvoice } from "./issue-sourced-invoice.js";
import { mailInvoiceOnce } from "./mail-invoice.js";
import { rentalInvoiceDuePayloadOf } from "./rental-invoice-due-payload.js";
import { rentalInvoiceInput } from "./rental-invoice-input.js";

/** What billing a rental month found or did. */
export interface RentalMonthBilling {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  /** Whether the invoice mail went out now. */
  readonly mailed: boolean;
}

/**
 * M5: bills one rental month from its `licensing.rental-invoice-due` event, in the caller's
 * transaction and idempotently: the invoice is composed from the charge the event carries and
 * inserted under the event's own key `rental-charge:<subscription>:<YYYY-MM>` (one invoice per
 * subscription and month, ever), finalized on today's date in the customer's zone, and its PDF
 * mailed once to the organization's billing address. A composed net total that differs from the
 * charge's total is refused: the invoice must bill exactly what the job charged.
 */
export async function billRentalMonth(tx: KontorTransaction, context: WorkerContext, settings: BillingSettings, event: OutboxRow): Promise<RentalMonthBilling> {
  const charge = rentalInvoiceDuePayloadOf(event);
  const organization = await organizationOf(tx, charge.organizationId);
  if (organization === undefined) throw new Error(`Organization ${charge.organizationId} of rental ${charge.subscriptionId} does not exist`);
  const now = context.clock.now();
  const invoice = await issueSourcedInvoice(
    tx,
    now,
    { sourceKey: rentalInvoiceDueDedupeKey(charge.subscriptionId, charge.month), organizationId: charge.organizationId },
    (policies) => rentalInvoiceInput(charge, organization, settings, localDay(now, organization.zone), policies),
    (draft) => {
      const charged = Money.fromJSON(charge.total);
      if (!draft.totals.lineNetTotal.equals(charged)) {
        throw new Error(`Rental ${charge.subscriptionId} ${charge.month}: invoice net ${draft.totals.lineNetTotal.toFixed()} differs from the charge ${charged.toFixed()}`);
      }
    },
  );
  const month = germanMonthName(charge.month);
  const mailed = await mailInvoiceOnce(
    tx,
    context,
    settings,
    organization,
    invoice,
    { subjectTopic: `Mietlizenzen ${month}`, billed: `anbei erhalten Sie die Rechnung ${invoice.number} für Ihre Mietlizenzen im ${month} (Abonnement ${charge.subscriptionId}).` },
    event.id,
  );
  return { invoiceId: invoice.id, invoiceNumber: invoice.number, mailed };
}
