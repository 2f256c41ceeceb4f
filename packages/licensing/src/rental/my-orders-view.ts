import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import { RENTAL_TRANSITIONS } from "./rental-lifecycle.js";
import type { RentalStatus, RentalSubscription } from "./rental-subscription.js";

/** One add-on as listed under its product in "my orders". */
export interface MyOrdersAddOn {
  readonly addOnId: string;
  readonly name: string;
  readonly quantity: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
}

/** One row of "my orders" (M3). */
export interface MyOrdersRow {
  readonly subscriptionId: string;
  readonly productId: string;
  readonly productName: string;
  readonly status: RentalStatus;
  /** Current quantity. */
  readonly quantity: number;
  readonly pricePerUser: Money;
  readonly monthlyTotal: Money;
  readonly provisionedOn: IsoDate | null;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  /** M3 actions: change quantity, book add-on (only when provisioned, M6), cancel. */
  readonly actions: { readonly changeQuantity: boolean; readonly bookAddOn: boolean; readonly cancel: boolean };
  readonly addOns: readonly MyOrdersAddOn[];
}

/**
 * M3: the "my orders" overview of a customer's rentals: per product the current quantity, the
 * provisioning, start and end dates, the add-ons, and which actions are available. Sorted by
 * product name, then subscription id.
 */
export function myOrdersView(subscriptions: readonly RentalSubscription[]): readonly MyOrdersRow[] {
  return [...subscriptions]
    .sort((a, b) => a.productName.localeCompare(b.productName, "en") || a.subscriptionId.localeCompare(b.subscriptionId, "en"))
    .map((subscription) => {
      const allowed = RENTAL_TRANSITIONS[subscription.status];
      return {
        subscriptionId: subscription.subscriptionId,
        productId: subscription.productId,
        productName: subscription.productName,
        status: subscription.status,
        quantity: subscription.quantity,
        pricePerUser: subscription.pricePerUser,
        monthlyTotal: subscription.pricePerUser.multiply(subscription.quantity).round("half-up"),
        provisionedOn: subscription.provisionedOn,
        startDate: subscription.startDate,
        endDate: subscription.endDate,
        actions: {
          changeQuantity: allowed.includes("change-quantity"),
          bookAddOn: allowed.includes("book-add-on"),
          cancel: allowed.includes("cancel"),
        },
        addOns: subscription.addOns.map((addOn) => ({
          addOnId: addOn.addOnId,
          name: addOn.name,
          quantity: addOn.quantity,
          startDate: addOn.startDate,
          endDate: addOn.endDate,
        })),
      };
    });
}
