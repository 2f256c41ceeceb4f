import type { RentalStatus, RentalSubscription } from "./rental-subscription.js";
import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";

interface RentalEventBase {
  readonly subscriptionId: string;
  readonly at: string;
}

/** What a change of a rental caused, for the apps to carry out (vendor provisioning, tickets, mails). */
export type RentalEvent =
  /** M1, M2, M4: a product was ordered with both consents; the vendor account is to be created. */
  | (RentalEventBase & {
      readonly type: "rental-ordered";
      readonly customerId: string;
      readonly productId: string;
      readonly quantity: number;
      readonly pricePerUser: Money;
      readonly monthlyTotal: Money;
      readonly startDate: IsoDate;
    })
  | (RentalEventBase & { readonly type: "rental-provisioned"; readonly provisionedOn: IsoDate })
  /** M5: the new total and the resulting monthly total. */
  | (RentalEventBase & { readonly type: "rental-quantity-changed"; readonly from: number; readonly to: number; readonly monthlyTotal: Money })
  /** M6 */
  | (RentalEventBase & { readonly type: "add-on-booked"; readonly addOnId: string; readonly quantity: number })
  /** M6: a wanted add-on that is not offered becomes a request ticket. */
  | (RentalEventBase & {
      readonly type: "add-on-request-ticket";
      readonly customerId: string;
      readonly productId: string;
      readonly wantedAddOn: string;
      readonly quantity: number;
    })
  /** M4, M7 */
  | (RentalEventBase & { readonly type: "rental-cancelled"; readonly endDate: IsoDate })
  /** M4, M6, M7: an add-on ends on `endDate`, cancelled on its own or with its product. */
  | (RentalEventBase & { readonly type: "add-on-cancelled"; readonly addOnId: string; readonly endDate: IsoDate })
  /** M4: a cancellation was withdrawn before its end date; the rental runs on in `status`. */
  | (RentalEventBase & { readonly type: "rental-cancellation-withdrawn"; readonly endDate: IsoDate | null; readonly status: RentalStatus })
  /**
   * M4, M6: an add-on's end on `endDate` is withdrawn, with its product's cancellation or by
   * booking it again; it runs on.
   */
  | (RentalEventBase & { readonly type: "add-on-cancellation-withdrawn"; readonly addOnId: string; readonly endDate: IsoDate });

/** The result of a change to a rental: its new state and the events it caused. */
export interface RentalTransition {
  readonly subscription: RentalSubscription;
  readonly events: readonly RentalEvent[];
}
