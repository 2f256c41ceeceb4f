import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";

/**
 * Status of a rented product: ordered, provisioned by the vendor, or cancelled (runs to its end
 * date; until then the cancellation can be withdrawn).
 */
export type RentalStatus = "ordered" | "provisioned" | "cancelled";

/** A quantity held from instant `at` on (M5: every change sets a new total). */
export interface QuantityChange {
  readonly at: string;
  readonly quantity: number;
}

/** What ended an add-on: its own cancellation (M4, M6) or its product's (M7). */
export type RentalAddOnEnd = "add-on-cancellation" | "product-cancellation";

/** An add-on booked for a rented product (M6). */
export interface RentalAddOn {
  readonly addOnId: string;
  readonly name: string;
  readonly pricePerUnit: Money;
  readonly bookedAt: string;
  /** M4: the 1st of the month the add-on was booked in. */
  readonly startDate: IsoDate;
  /**
   * M4: the last day of the month the add-on (M6) or its product (M7) was cancelled in; billed
   * through that month. `null` while it runs on.
   */
  readonly endDate: IsoDate | null;
  /**
   * What set `endDate`; absent while it runs. Add-ons stored before add-ons could be cancelled on
   * their own have an end date without it: their product's cancellation set it.
   */
  readonly endedBy?: RentalAddOnEnd;
  readonly quantity: number;
  readonly quantityHistory: readonly QuantityChange[];
}

/** M2: the two explicit consents given with the order. */
export interface RentalConsents {
  readonly termsAndLicenseConditions: boolean;
  readonly vendorAccountCreation: boolean;
  readonly givenAt: string;
}

/**
 * One rented product of a customer in the monthly rental marketplace (M1–M7): quantity and its
 * history, the dates of M3/M4, add-ons and status. Dates are days in the customer's `zone`.
 */
export interface RentalSubscription {
  readonly subscriptionId: string;
  readonly customerId: string;
  readonly zone: string;
  readonly vendorId: string;
  readonly productId: string;
  readonly productName: string;
  readonly status: RentalStatus;
  readonly orderedAt: string;
  /** M3: the day the vendor provisioned the licenses. */
  readonly provisionedOn: IsoDate | null;
  /** M4: always the 1st of the month of the order. */
  readonly startDate: IsoDate;
  /** M4: on cancellation, the last day of that month. */
  readonly endDate: IsoDate | null;
  /** M1: the customer-specific monthly price per user. */
  readonly pricePerUser: Money;
  /** M5: the current total. */
  readonly quantity: number;
  readonly quantityHistory: readonly QuantityChange[];
  readonly addOns: readonly RentalAddOn[];
  readonly consents: RentalConsents;
}
