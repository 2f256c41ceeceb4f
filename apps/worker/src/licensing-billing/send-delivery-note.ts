import { findMailDelivery, issueDocumentNumber, type KontorTransaction, type OutboxRow } from "@kontor/db";
import { composeDeliveryNote, DELIVERY_NOTE_NUMBER_SERIES, renderDeliveryNotePdf, unwrap } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import { billingRecipientOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import { deliveryNoteEventOf } from "./delivery-note-event.js";
import { deliveryNoteInput } from "./delivery-note-input.js";
import { ensureOrderInvoiced } from "./ensure-order-invoiced.js";

/** Dedupe key of a delivery note's mail: one mail per delivery event, however often it is handled. */
export function deliveryNoteMailKey(event: Pick<OutboxRow, "dedupeKey">): string {
  return `delivery-note-mail:${event.dedupeKey}`;
}

/** What sending a delivery note did. */
export interface DeliveryNoteSending {
  /** `null` when the note had been mailed before (nothing was numbered or rendered again). */
  readonly deliveryNoteNumber: string | null;
  readonly invoiceNumber: string;
  readonly sent: boolean;
}

/**
 * L5: the customer receives the invoice together with the delivery note that lists each license
 * with its key (cloud: no key, live since the purchase). In the caller's transaction:
 * 1. the order's invoice is made sure of first ({@link ensureOrderInvoiced}: a no-op when the
 *    `invoice-due` event was handled), so the note always names an invoice the customer has,
 *    and the delivered order is recorded as invoiced;
 * 2. unless the note went out already, it is numbered (`LS-YYYY-NNNNNN`, gap-free in this
 *    transaction), rendered as PDF/A-3 with the keys opened from the event, and mailed once to
 *    the organization's billing address and the order's technical contact (L4: the person who
 *    installs the licenses).
 */
export async function sendDeliveryNote(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  orderId: string,
  event: OutboxRow,
): Promise<DeliveryNoteSending> {
  const note = deliveryNoteEventOf(event);
  const { billed, invoiceNumber } = await ensureOrderInvoiced(tx, context, settings, orderId, event.id);
  const dedupeKey = deliveryNoteMailKey(event);
  // Checked before numbering: a redelivered event must not take a second number.
  if ((await findMailDelivery(tx, dedupeKey)) !== undefined) return { deliveryNoteNumber: null, invoiceNumber, sent: false };
  const { order, organization } = billed;
  const now = context.clock.now();
  const number = await issueDocumentNumber(tx, DELIVERY_NOTE_NUMBER_SERIES, Number(note.document.deliveredOn.slice(0, 4)), now);
  const document = unwrap(composeDeliveryNote(deliveryNoteInput(note, order, organization, settings, { deliveryNote: number, invoice: invoiceNumber })));
  const pdf = renderDeliveryNotePdf(document, { fonts: loadDejaVuFonts() });
  const recipients = [...new Set([billingRecipientOf(organization), ...(order.technicalContact === null ? [] : [order.technicalContact.email])])];
  const sent = await sendMailOnce(
    tx,
    context,
    {
      dedupeKey,
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: recipients,
      subject: `Lieferschein ${number} – Lizenzauftrag ${order.orderId}`,
      text: [
        "Guten Tag,",
        "",
        `anbei erhalten Sie den Lieferschein ${number} zu Ihrem Auftrag ${order.orderId} und unserer Rechnung ${invoiceNumber}.`,
        "Er führt jede Lizenz mit ihrem Schlüssel auf; Cloud-Lizenzen haben keinen Schlüssel, die Instanz ist ab dem Kauf produktiv.",
        "Bitte bewahren Sie die Lizenzschlüssel vertraulich auf.",
        "",
        "Mit freundlichen Grüßen",
        settings.seller.name,
      ].join("\n"),
      headers: {},
      attachments: [{ filename: `${number}.pdf`, contentType: "application/pdf", content: pdf }],
    },
    event.id,
  );
  return { deliveryNoteNumber: number, invoiceNumber, sent };
}
