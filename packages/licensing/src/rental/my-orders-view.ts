import type { Instant, IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import { readEvaluationTime } from "../time/evaluation-time.js";
import { RENTAL_TRANSITIONS } from "./rental-lifecycle.js";
import { rentalRunsOn } from "./running-rental.js";
import type { RentalStatus, RentalSubscription } from "./rental-subscription.js";

/** One add-on as listed under its product in "my orders". */
export interface MyOrdersAddOn {
  readonly addOnId: string;
  readonly name: string;
  readonly quantity: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  /** M4, M6: whether it can be cancelled on its own (a running add-on of a provisioned product). */
  readonly actions: { readonly cancel: boolean };
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
  /**
   * M3 actions: change quantity, book add-on (only when provisioned, M6), cancel, and for a
   * cancelled rental withdrawing the cancellation until its end date (M4).
   */
  readonly actions: { readonly changeQuantity: boolean; readonly bookAddOn: boolean; readonly cancel: boolean; readonly withdrawCancellation: boolean };
  readonly addOns: readonly MyOrdersAddOn[];
}

/** M4: whether the cancellation can be withdrawn at `asOf` (its end date not passed); without `asOf`, by status only. */
function withdrawable(subscription: RentalSubscription, asOf: Instant | undefined): boolean {
  if (!RENTAL_TRANSITIONS[subscription.status].includes("withdraw-cancellation")) return false;
  if (asOf === undefined) return true;
  const time = readEvaluationTime(asOf, subscription.zone);
  return time.ok && rentalRunsOn(subscription, time.value.today);
}

/**
 * M3: the "my orders" overview of a customer's rentals: per product the current quantity, the
 * provisioning, start and end dates, the add-ons, and which actions are available. Sorted by
 * product name, then subscription id.
 *
 * @param asOf the instant the overview is shown at (P2): a cancelled rental offers withdrawing
 *   its cancellation only until its end date, in its customer's zone. Without `asOf` only the
 *   status counts; an `asOf` that cannot be read offers no withdrawal.
 */
export function myOrdersView(subscriptions: readonly RentalSubscription[], asOf?: Instant): readonly MyOrdersRow[] {
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
          withdrawCancellation: withdrawable(subscription, asOf),
        },
        addOns: subscription.addOns.map((addOn) => ({
          addOnId: addOn.addOnId,
          name: addOn.name,
          quantity: addOn.quantity,
          startDate: addOn.startDate,
          endDate: addOn.endDate,
          actions: { cancel: allowed.includes("cancel-add-on") && addOn.endDate === null },
        })),
      };
    });
}
