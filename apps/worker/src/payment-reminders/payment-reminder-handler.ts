import { installationTermsPolicies } from "@kontor/api";
import { findInvoice, findOrganization, loadInvoiceSettlement, payableInvoiceOfRow, type KontorTransaction, type OutboxRow } from "@kontor/db";
import { invoiceBalance, latePaymentClaim, unwrap } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";
import { billingRecipientOf } from "../billing/billing-customer.js";
import { currentBillingSettings } from "../billing/current-billing-settings.js";
import { localDay } from "../licensing/local-day.js";
import { sendEventMail } from "../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import type { WorkerContext } from "../worker-context.js";
import { PAYMENT_REMINDER_TOPIC, type PaymentReminderPayload } from "./payment-reminder-event.js";
import { paymentReminderText } from "./payment-reminder-text.js";

/**
 * Sends a payment reminder (stage 1 Zahlungserinnerung, stage 2 Mahnung) to the organization's
 * billing recipient, once per dedupe key `payment-reminder:<invoiceId>:<1|2>`. The invoice, its
 * payments and credits are read again in the delivery transaction and the balance is taken on the
 * local day the mail is sent (installation zone): an invoice paid or credited off meanwhile gets
 * no mail, the event is done. Reversed payments (returned, bounced, booked on the wrong invoice)
 * count for nothing in the balance, so "Bereits gezahlt" states only the payments that stand. A Mahnung states the T6 claim up to that day under the
 * installation's late-payment policies (P1, `installationTermsPolicies`).
 */
export const paymentReminderOutboxHandler: OutboxHandler = {
  topics: [PAYMENT_REMINDER_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const reminder = event.payload as PaymentReminderPayload;
    const row = await findInvoice(tx, reminder.invoiceId);
    if (row === undefined) throw new Error(`payment reminder ${event.dedupeKey}: invoice ${reminder.invoiceId} not found`);
    const invoice = payableInvoiceOfRow(row);
    const { payments, credits } = await loadInvoiceSettlement(tx, row.id);
    const today = localDay(context.clock.now(), context.settings.zone);
    const balance = invoiceBalance(invoice, payments, credits, today);
    if (balance.open.isZero()) {
      context.logger.info(
        { dedupeKey: event.dedupeKey, invoiceId: row.id, invoiceNumber: invoice.number, settledOn: balance.settledOn },
        "invoice settled since the payment reminder fell due; not sent",
      );
      return;
    }
    const organization = await findOrganization(tx, row.organizationId);
    if (organization === undefined) throw new Error(`payment reminder ${event.dedupeKey}: organization ${row.organizationId} not found`);
    const settings = await currentBillingSettings(tx, context);
    const claim =
      reminder.stage === 2
        ? unwrap(latePaymentClaim(invoice, payments, credits, today, { policies: (await installationTermsPolicies(tx)).latePayment }))
        : null;
    const { subject, text } = paymentReminderText({ stage: reminder.stage, invoice, balance, claim, asOf: today, settings });
    await sendEventMail(tx, context, event, { to: [billingRecipientOf(organization.record as Organization)].filter((address) => address !== ""), subject, text });
  },
};
