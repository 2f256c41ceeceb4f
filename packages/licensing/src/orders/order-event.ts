import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import type { ConfirmationDocument } from "./confirmation-document.js";
import type { DeliveryNote } from "./delivery-note.js";
import type { ReviewReason } from "./order.js";

/** Fields of every order event: which order, when it happened. */
interface EventBase {
  readonly orderId: string;
  /** The `asOf` of the transition that caused the event (UTC ISO string). */
  readonly at: string;
}

/**
 * What a transition of an order caused, for the apps to carry out (e-mails, tasks, invoices).
 * Events are data; nothing is sent by this package.
 */
export type OrderEvent =
  | (EventBase & { readonly type: "order-received" })
  /** L1: the order confirmation to send, with the customer's requirements printed on it. */
  | (EventBase & { readonly type: "confirmation-to-send"; readonly document: ConfirmationDocument })
  /** L2: a task for the responsible team to contact the customer by `dueBy`. */
  | (EventBase & { readonly type: "contact-customer-task"; readonly team: string; readonly dueBy: IsoDate; readonly businessDays: number })
  /** L2: the task is done. */
  | (EventBase & { readonly type: "contact-task-completed"; readonly team: string })
  /** L10: the order waits for manual review, expected done between the two days. */
  | (EventBase & {
      readonly type: "manual-review-started";
      readonly reasons: readonly ReviewReason[];
      readonly expectedEarliest: IsoDate;
      readonly expectedLatest: IsoDate;
    })
  /** L3: the licenses are to be purchased from the vendor on `dueOn`. */
  | (EventBase & { readonly type: "purchase-due"; readonly dueOn: IsoDate })
  /**
   * L4: after the purchase the technical contact was changed (a pending verification of the
   * previous one no longer counts); `changedBy` is who changed it.
   */
  | (EventBase & {
      readonly type: "technical-contact-changed";
      readonly previousEmail: string | null;
      readonly email: string;
      readonly changedBy: string | null;
    })
  /** L4: the vendor sent the technical contact a verification e-mail; keys become visible after it. */
  | (EventBase & { readonly type: "vendor-verification-pending"; readonly email: string })
  /** L4, L18: the self-managed keys are now visible to the technical contact in the vendor's portal. */
  | (EventBase & { readonly type: "keys-visible-to-technical-contact"; readonly email: string; readonly lineIds: readonly string[] })
  /** L18: cloud annual renewals and upgrades take effect from the payment date. */
  | (EventBase & { readonly type: "cloud-subscription-effective"; readonly lineIds: readonly string[]; readonly effectiveFrom: IsoDate })
  /** L5: the invoice for the purchased licenses is due by `dueBy` (target: within 1 day). */
  | (EventBase & { readonly type: "invoice-due"; readonly dueBy: IsoDate; readonly total: Money })
  /** L5: the delivery note to send with the invoice, listing each license with its key. */
  | (EventBase & { readonly type: "delivery-note-to-send"; readonly document: DeliveryNote })
  | (EventBase & { readonly type: "order-invoiced"; readonly invoiceNumber: string; readonly total: Money })
  | (EventBase & { readonly type: "order-cancelled"; readonly reason: string });

/** The `type` of an {@link OrderEvent}. */
export type OrderEventType = OrderEvent["type"];
