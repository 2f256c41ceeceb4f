import type { AccessLossReason, SeatMail } from "../mails/seat-mail.js";
import type { SeatNotice } from "../notices/seat-notice.js";

/** A user assigned to a product, as the lists show them. */
export interface SeatUser {
  readonly userId: string;
  readonly email?: string;
  readonly displayName?: string;
  /** When the current assignment was made (ISO, UTC); it decides who is "assigned last" (S6). */
  readonly assignedAt: string;
}

/** A user on the "must be paid" list (S4): assigned, with access, on an unpaid license. */
export interface MustBePaidUser extends SeatUser {
  /**
   * When this user loses access if nothing changes (no payment, purchase or unassignment): the
   * end of the window of the unpaid license they would lose (S6).
   */
  readonly losesAccessAt: string;
}

/** A user on the "no access" list (S3, S8). */
export interface NoAccessUser extends SeatUser {
  readonly lostAccessAt: string;
  readonly reason: AccessLossReason;
  /** The purchase order (`unpaid`) or renewal period event (`not-renewed`) that caused it. */
  readonly causeId: string;
}

/** Everything the admin sees for one product (S3). */
export interface ProductSeats {
  readonly productId: string;
  /** Users with access ("used" in `50/45`). */
  readonly used: number;
  /** Paid licenses ("available" in `50/45`). */
  readonly available: number;
  /** S6: `max(0, used − available)`; always the length of `mustBePaidUsers`. */
  readonly deficit: number;
  /** S3 "must be paid": licenses of unpaid purchase orders (in the window or suspended). */
  readonly mustBePaid: number;
  /** Unpaid licenses still within their window (usable, S2). */
  readonly unpaidInWindow: number;
  /** Unpaid licenses past their window (S8). */
  readonly suspended: number;
  /**
   * S3 "must be renewed": during a renewal period, the assigned users who would lose access if
   * the period ended now; `null` outside a renewal period.
   */
  readonly mustBeRenewed: number | null;
  /** S3 "no access": how many users lost access. */
  readonly noAccess: number;
  /** S4: users on unpaid licenses, first to be moved onto a freed license first (S7). */
  readonly mustBePaidUsers: readonly MustBePaidUser[];
  /** S8: users who lost access, in assignment order. */
  readonly noAccessUsers: readonly NoAccessUser[];
}

/** Where a purchase order stands at `asOf`. */
export type PurchaseOrderState = "scenario-1" | "scenario-2" | "suspended" | "paid";

/** One purchase order and its window (S2). */
export interface PurchaseOrderStatus {
  readonly poId: string;
  readonly placedAt: string;
  /** End of day 30 (S5). */
  readonly reminderAt: string;
  /** Day 30 as a local date: the last day of scenario 1. */
  readonly reminderDay: string;
  /** End of day 60 (S2, S8). */
  readonly windowEndsAt: string;
  /** Day 60 as a local date: the last day to pay. */
  readonly lastDayToPay: string;
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
  readonly state: PurchaseOrderState;
  readonly paidAt: string | null;
}

/** Organization flags (S8). */
export interface SeatFlags {
  /** A purchase order is past its window and unpaid. */
  readonly paymentOutstanding: boolean;
  /** No further purchase orders may be placed (same condition, S8). */
  readonly purchaseOrdersBlocked: boolean;
}

/** The result of {@link evaluateSeats}: all of S3–S9 for one organization at `asOf`. */
export interface SeatEvaluation {
  readonly asOf: string;
  readonly zone: string;
  /** Per product, sorted by product id. */
  readonly products: readonly ProductSeats[];
  /** Sorted by placement. */
  readonly purchaseOrders: readonly PurchaseOrderStatus[];
  readonly notices: readonly SeatNotice[];
  readonly flags: SeatFlags;
  /** E-mails due in `(mailsAfter, asOf]`, in the order they became due. */
  readonly mails: readonly SeatMail[];
}
