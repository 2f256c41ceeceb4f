/** Who receives a mail: the organization's administrators, or one end user. */
export type MailRecipient =
  | { readonly role: "admin" }
  | { readonly role: "user"; readonly userId: string; readonly email?: string };

interface MailBase {
  /**
   * Deterministic id (S10): the same history always yields the same id for the same mail, so a
   * caller that evaluates every hour and keeps an outbox keyed by id sends each mail once.
   */
  readonly id: string;
  /** The instant the mail became due (ISO, UTC). */
  readonly dueAt: string;
  readonly to: MailRecipient;
}

/** S1: a user got access to a product (id `s1-access-granted:<productId>:<userId>:<assignEventId>`). */
export interface AccessGrantedMail extends MailBase {
  readonly kind: "access-granted";
  readonly productId: string;
}

/** Unpaid licenses of one product in a purchase order. */
export interface PurchaseOrderMailLine {
  readonly productId: string;
  readonly licenses: number;
  /** Users who lost access because of this line (only in the suspension mail). */
  readonly usersWithoutAccess: number;
}

/**
 * S5: after day 30 the admin is told that payment is outstanding and that the licenses can be
 * withdrawn if not paid within the next 30 days (id `s5-reminder:<poId>`).
 */
export interface PaymentReminderMail extends MailBase {
  readonly kind: "payment-reminder";
  readonly poId: string;
  readonly lines: readonly PurchaseOrderMailLine[];
  /** Last local date on which payment keeps the licenses (day 60). */
  readonly lastDayToPay: string;
  /** The instant the licenses are withdrawn if still unpaid (end of day 60). */
  readonly withdrawalAt: string;
  /** Days left between the reminder and the withdrawal (30 by default). */
  readonly daysLeft: number;
}

/** S8: the admin learns how many licenses were suspended (id `s8-suspended:<poId>`). */
export interface LicensesSuspendedMail extends MailBase {
  readonly kind: "licenses-suspended";
  readonly poId: string;
  readonly suspendedLicenses: number;
  readonly lines: readonly PurchaseOrderMailLine[];
}

/**
 * S8 (and S3 for lapsed renewals): one end user lost access. Ids
 * `s8-withdrawn:<poId>:<productId>:<userId>` and `s3-withdrawn:<renewalEventId>:<userId>`.
 */
export interface AccessWithdrawnMail extends MailBase {
  readonly kind: "access-withdrawn";
  readonly productId: string;
  readonly reason: AccessLossReason;
  /** The purchase order (reason `unpaid`) or renewal period event (reason `not-renewed`). */
  readonly causeId: string;
}

/** S9: a user on the "no access" list got access back (id `s9-restored:<causeEventId>:<productId>:<userId>`). */
export interface AccessRestoredMail extends MailBase {
  readonly kind: "access-restored";
  readonly productId: string;
  /** The payment or purchase event that made the license available again. */
  readonly causeEventId: string;
}

/** Why a user lost access: unpaid purchase order (S6, S8) or lapsed renewal (S3). */
export type AccessLossReason = "unpaid" | "not-renewed";

/** Every e-mail the seat rules cause. */
export type SeatMail =
  | AccessGrantedMail
  | PaymentReminderMail
  | LicensesSuspendedMail
  | AccessWithdrawnMail
  | AccessRestoredMail;
