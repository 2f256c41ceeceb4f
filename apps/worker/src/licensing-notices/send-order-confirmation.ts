import { installationTermsPolicies } from "@kontor/api";
import { findMailDelivery, issueDocumentNumber, type KontorTransaction, type OutboxRow } from "@kontor/db";
import { composeOrderConfirmation, ORDER_CONFIRMATION_NUMBER_SERIES, renderOrderConfirmationPdf, unwrap } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import type { Order } from "@kontor/licensing";
import { DateTime } from "luxon";
import { billingRecipientOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import { confirmationEventOf, type ConfirmationEvent } from "./confirmation-event.js";
import { loadNoticeOrder, orderIdOf } from "./notice-order.js";
import { orderConfirmationInput } from "./order-confirmation-input.js";
import { recordConfirmationSent } from "./record-confirmation-sent.js";

/** Dedupe key of an order confirmation's mail: one confirmation mail per order (L1), however often it is handled. */
export function orderConfirmationMailKey(orderId: string): string {
  return `order-confirmation-mail:${orderId}`;
}

/** What handling a confirmation-to-send event did. */
export interface OrderConfirmationSending {
  /** The confirmation's number (`AB-YYYY-NNNNNN`); `null` when it had been mailed before or the order is cancelled. */
  readonly confirmationNumber: string | null;
  readonly sent: boolean;
  /** L3: whether the license order was recorded as `record-confirmation-sent` now. */
  readonly recorded: boolean;
}

const germanDate = (day: string): string => DateTime.fromISO(day).toFormat("dd.LL.yyyy");

/** The mail text (German, like the invoice and delivery note mails): what is attached and what happens next. */
function confirmationMailText(confirmation: ConfirmationEvent, order: Order, number: string, sellerName: string): string {
  const { document } = confirmation;
  const poNumber = document.customerPoNumber === null ? "" : ` (Ihre Bestellnummer ${document.customerPoNumber})`;
  const next =
    order.kind === "service"
      ? // L2: the responsible team gets in touch.
        "Unser Fachteam setzt sich zeitnah mit Ihnen in Verbindung, um Termine und weitere Details abzustimmen."
      : order.reviewReasons.length > 0
        ? // L10: a vendor review or co-terming (L11) is checked before the purchase.
          "Ihr Auftrag wird vor dem Einkauf manuell geprüft; das dauert in der Regel wenige Werktage."
        : order.requestedPurchaseDate !== null && order.requestedPurchaseDate > document.confirmedOn
          ? `Wir kaufen die Lizenzen wie gewünscht am ${germanDate(order.requestedPurchaseDate)} ein.`
          : "Wir kaufen die Lizenzen unmittelbar im Anschluss an diese Bestätigung ein.";
  return [
    "Guten Tag,",
    "",
    `vielen Dank für Ihren Auftrag ${order.orderId}${poNumber}. Anbei erhalten Sie unsere Auftragsbestätigung ${number} für ${document.addressee}.`,
    next,
    "",
    "Mit freundlichen Grüßen",
    sellerName,
  ].join("\n");
}

/**
 * L1: every accepted order gets its order confirmation, with the addressee and PO number the
 * customer asked for printed on it. In the caller's transaction (run by the outbox delivery):
 * 1. unless the confirmation of this order went out already (dedupe key per order, checked
 *    before numbering so a redelivered event takes no second number), it is numbered
 *    (`AB-YYYY-NNNNNN`, gap-free in this transaction), composed from the event's document,
 *    rendered as PDF/A-3 and mailed once to the organization's billing address (the addressee
 *    is a name printed on the document; the order carries no mail address of its own);
 * 2. L3: a license order still `confirmed` is then recorded as `record-confirmation-sent`, so
 *    its purchase becomes due (or its review starts, L10) without staff doing it by hand.
 * A cancelled order gets no confirmation.
 */
export async function sendOrderConfirmation(tx: KontorTransaction, context: WorkerContext, settings: BillingSettings, event: OutboxRow): Promise<OrderConfirmationSending> {
  const confirmation = confirmationEventOf(event);
  const loaded = await loadNoticeOrder(tx, orderIdOf(event));
  const { order, organization } = loaded;
  if (order.status === "cancelled") {
    context.logger.info({ orderId: order.orderId, outboxId: event.id }, "order cancelled before its confirmation went out; none sent (L1)");
    return { confirmationNumber: null, sent: false, recorded: false };
  }
  const now = context.clock.now();
  const dedupeKey = orderConfirmationMailKey(order.orderId);
  let confirmationNumber: string | null = null;
  let sent = false;
  if ((await findMailDelivery(tx, dedupeKey)) === undefined) {
    // P1: the VAT (T3) under the installation's terms policies, as the order's invoice will have it.
    const policies = await installationTermsPolicies(tx);
    const number = await issueDocumentNumber(tx, ORDER_CONFIRMATION_NUMBER_SERIES, Number(confirmation.document.confirmedOn.slice(0, 4)), now);
    const document = unwrap(composeOrderConfirmation(orderConfirmationInput(confirmation, order, organization, settings, number, policies)));
    const pdf = renderOrderConfirmationPdf(document, { fonts: loadDejaVuFonts() });
    const kind = order.kind === "license" ? "Lizenzauftrag" : "Dienstleistungsauftrag";
    sent = await sendMailOnce(
      tx,
      context,
      {
        dedupeKey,
        from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
        to: [billingRecipientOf(organization)],
        subject: `Auftragsbestätigung ${number} – ${kind} ${order.orderId}`,
        text: confirmationMailText(confirmation, order, number, settings.seller.name),
        headers: {},
        attachments: [{ filename: `${number}.pdf`, contentType: "application/pdf", content: pdf }],
      },
      event.id,
    );
    confirmationNumber = number;
  }
  // After the mail is prepared, in the same transaction: both commit or neither does.
  const recorded = await recordConfirmationSent(tx, loaded, now);
  return { confirmationNumber, sent, recorded };
}
