import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import type { BillingModel } from "../catalog/billing-model.js";
import type { Edition } from "../catalog/edition.js";
import type { TermPeriod } from "../maintenance/term-period.js";
import type { LineAmount } from "../quotes/line-amount.js";
import type { LicenseAction } from "../reseller/license-action.js";

/** The statuses of a license order, in lifecycle order (see `LICENSE_ORDER_TRANSITIONS`). */
export const LICENSE_ORDER_STATUSES = [
  "received",
  "confirmed",
  "in-review",
  "purchase-due",
  "purchased",
  "delivered",
  "invoiced",
  "cancelled",
] as const;

/** Status of a license order. */
export type LicenseOrderStatus = (typeof LICENSE_ORDER_STATUSES)[number];

/** The statuses of a service order (see `SERVICE_ORDER_TRANSITIONS`). */
export const SERVICE_ORDER_STATUSES = ["received", "confirmed", "customer-contacted", "cancelled"] as const;

/** Status of a service order. */
export type ServiceOrderStatus = (typeof SERVICE_ORDER_STATUSES)[number];

/** The ordering customer and the zone its days are counted in. */
export interface OrderCustomer {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
}

/** L1: what the customer asked to be printed on the confirmation (`null`: nothing special). */
export interface ConfirmationRequirements {
  readonly addressee: string | null;
  readonly customerPoNumber: string | null;
}

/** L4: the state of the technical contact's vendor account. */
export type VendorAccountState = "none" | "verification-pending" | "verified";

/** L4: the technical contact registered with the vendor. */
export interface TechnicalContact {
  readonly fullName: string;
  readonly email: string;
  readonly vendorAccount: VendorAccountState;
}

/**
 * L4: one change of the technical contact by command, as the order's history keeps it: when, by
 * whom, from which contact to which, and whether it came after the purchase (then the new
 * contact's vendor verification started afresh and a pending one of the previous contact no
 * longer counts).
 */
export interface TechnicalContactChange {
  readonly at: string;
  /** Who changed it: the `actor` of the command's context (the API passes the user id); `null` when none was named. */
  readonly changedBy: string | null;
  /** The e-mail of the contact before the change; `null` when the order had none. */
  readonly previousEmail: string | null;
  readonly fullName: string;
  readonly email: string;
  readonly afterPurchase: boolean;
}

/** One priced license line of an order. */
export interface LicenseOrderLine extends LineAmount {
  readonly lineId: string;
  readonly productId: string;
  readonly productName: string;
  readonly edition: Edition;
  readonly billingModel: BillingModel;
  readonly action: LicenseAction;
  readonly userTier: number;
  readonly quantity: number;
  readonly sen: string | null;
  readonly siteUrl: string | null;
  /**
   * L11: the period a line of a co-termed order is priced for, from its first day to the
   * co-term target (the day after the last day); `null` when the order is not co-termed, the line
   * has no yearly term, or a quoted line came without its period.
   */
  readonly period: TermPeriod | null;
}

/** Why an order waits for manual review (L10): the vendor flagged it, or it co-terms licenses (L11). */
export type ReviewReason = "vendor-review" | "co-terming";

/** A running or finished manual review (L10). */
export interface ManualReview {
  readonly startedAt: string;
  /** Expected done within 1–3 business days: the earliest and latest expected day. */
  readonly expectedEarliest: IsoDate;
  readonly expectedLatest: IsoDate;
  readonly outcome: "approved" | "rejected" | null;
}

/** A delivered license key (L5). */
export interface DeliveredKey {
  readonly lineId: string;
  readonly key: string;
}

/** Why and when an order was cancelled. */
export interface Cancellation {
  readonly cancelledAt: string;
  readonly reason: string;
}

/** Fields both kinds of order share. */
interface OrderBase {
  readonly orderId: string;
  readonly customer: OrderCustomer;
  readonly receivedAt: string;
  readonly confirmationRequirements: ConfirmationRequirements;
  readonly confirmedAt: string | null;
  readonly cancellation: Cancellation | null;
}

/** A license order and everything that happened to it (state of the L1–L5, L10, L18 lifecycle). */
export interface LicenseOrder extends OrderBase {
  readonly kind: "license";
  readonly status: LicenseOrderStatus;
  readonly vendorId: string;
  readonly lines: readonly LicenseOrderLine[];
  readonly total: Money;
  readonly requestedPurchaseDate: IsoDate | null;
  readonly technicalContact: TechnicalContact | null;
  /** L4: every change of the technical contact by command, oldest first (the contact given with the order is not one). */
  readonly technicalContactChanges: readonly TechnicalContactChange[];
  readonly coTermTargetEnd: IsoDate | null;
  readonly reviewReasons: readonly ReviewReason[];
  readonly confirmationSentAt: string | null;
  readonly review: ManualReview | null;
  /** L3: the day the purchase is due (right after confirmation, or the requested later day). */
  readonly purchaseDueOn: IsoDate | null;
  readonly purchasedAt: string | null;
  readonly vendorOrderRef: string | null;
  /** L18: the day the vendor received payment. */
  readonly paidOn: IsoDate | null;
  readonly keys: readonly DeliveredKey[];
  readonly deliveredAt: string | null;
  readonly invoiceNumber: string | null;
  readonly invoicedAt: string | null;
}

/** One service of a service order. */
export interface ServiceItem {
  readonly description: string;
  readonly quantity: string | null;
  readonly unit: string | null;
}

/** L2: the task for the responsible team to contact the customer and agree dates. */
export interface ContactTask {
  readonly team: string;
  readonly dueBy: IsoDate;
}

/** A service order (consulting or project work) and its state (L1, L2). */
export interface ServiceOrder extends OrderBase {
  readonly kind: "service";
  readonly status: ServiceOrderStatus;
  readonly services: readonly ServiceItem[];
  readonly responsibleTeam: string;
  readonly contactTask: ContactTask | null;
  readonly customerContactedAt: string | null;
  readonly customerContactNote: string | null;
}

/** An order: license or service. */
export type Order = LicenseOrder | ServiceOrder;
