import { lastDayOfMonth } from "@kontor/calendar";
import { type LicensingResult, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import type { RentalEvent, RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalSubscription } from "./rental-subscription.js";

/**
 * M4 + M7: cancels a rented product with all its licenses and add-ons. The end date is the last
 * day of the current month in the customer's zone: cancelled on 2028-02-10, it ends 2028-02-29.
 * Until then the cancellation can be withdrawn (`withdrawRentalCancellation`).
 */
export function cancelRental(subscription: RentalSubscription, context: RentalCommandContext): LicensingResult<RentalTransition> {
  const allowed = checkRentalAction(subscription, "cancel");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const at = toInstantString(time.value.instant);
  const endDate = lastDayOfMonth(time.value.today);
  const endingAddOns = subscription.addOns.filter((addOn) => addOn.endDate === null);
  const addOnEvents: RentalEvent[] = endingAddOns.map((addOn) => ({
    type: "add-on-cancelled",
    subscriptionId: subscription.subscriptionId,
    at,
    addOnId: addOn.addOnId,
    endDate,
  }));
  return ok({
    subscription: {
      ...subscription,
      status: "cancelled",
      endDate,
      addOns: subscription.addOns.map((addOn) => (addOn.endDate === null ? { ...addOn, endDate, endedBy: "product-cancellation" as const } : addOn)),
    },
    events: [{ type: "rental-cancelled", subscriptionId: subscription.subscriptionId, at, endDate }, ...addOnEvents],
  });
}
