/**
 * S4 (scenario 1) and S5 (scenario 2): "Zahlung für einige Lizenzen erforderlich" for one product
 * line of an unpaid purchase order, shown even when no user sits on an unpaid license.
 */
export interface PaymentRequiredNotice {
  readonly kind: "payment-required";
  readonly scenario: 1 | 2;
  readonly poId: string;
  readonly productId: string;
  /** Unpaid licenses of this line: the number the notice states (S7: stays 5). */
  readonly unpaidLicenses: number;
  /** Users of the product currently on the "must be paid" list (S7: may be 4). */
  readonly mustBePaidUsers: number;
  /** When this scenario's notice ends unless paid first (end of day 30, or of day 60). */
  readonly shownUntil: string;
  /** `shownUntil` as the last local date the notice shows (day 30, or day 60). */
  readonly lastDayShown: string;
  /** Last local date on which payment keeps the licenses (day 60). */
  readonly lastDayToPay: string;
  /** End of the window (end of day 60): then the last-assigned users lose access (S6). */
  readonly windowEndsAt: string;
}

/** S8 (scenario 3): unpaid licenses are suspended; the notice stays until payment. */
export interface LicensesSuspendedNotice {
  readonly kind: "licenses-suspended";
  readonly scenario: 3;
  readonly poId: string;
  readonly productId: string;
  readonly suspendedLicenses: number;
  /** Users still on the "no access" list because of this purchase order. */
  readonly usersWithoutAccess: number;
  readonly suspendedAt: string;
  /** The local date of day 60, after which the licenses were suspended. */
  readonly lastDayToPay: string;
}

/**
 * Seed 003, "Begleichung aller unbezahlten Lizenzen": every purchase order is paid. Shown from the
 * payment that settled the last unpaid order until the next purchase order is placed.
 */
export interface SettlementDoneNotice {
  readonly kind: "settlement-done";
  readonly settledAt: string;
  /** Purchase orders paid so far. */
  readonly purchaseOrders: number;
}

/** Every notice the admin console shows for purchase orders. */
export type SeatNotice = PaymentRequiredNotice | LicensesSuspendedNotice | SettlementDoneNotice;
