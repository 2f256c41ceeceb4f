import type { IsoDate } from "@kontor/calendar";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { reopenedAddOn } from "./rental-add-ons.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import type { RentalEvent, RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalAddOn, RentalSubscription } from "./rental-subscription.js";

/** An add-on the product's cancellation ended (M7), not one cancelled on its own before (M6). */
function endedWithProduct(addOn: RentalAddOn, productEnd: IsoDate): boolean {
  return addOn.endDate === productEnd && addOn.endedBy !== "add-on-cancellation";
}

/**
 * M4: withdraws a rental's cancellation while its end date has not passed in the customer's zone
 * (on the end date itself still; from the next day on it is `M4_RENTAL_ENDED`: order the product
 * again). The rental runs on as before: its status (provisioned, or ordered when the vendor has
 * not provisioned it yet), its quantity and the add-ons the cancellation ended (M7); an add-on
 * cancelled on its own stays cancelled. The months after the former end date are billed again.
 */
export function withdrawRentalCancellation(subscription: RentalSubscription, context: RentalCommandContext): LicensingResult<RentalTransition> {
  const allowed = checkRentalAction(subscription, "withdraw-cancellation");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const endDate = subscription.endDate;
  if (endDate !== null && time.value.today > endDate) {
    return fail(
      licensingError(
        "M4_RENTAL_ENDED",
        `${subscription.productName} (${subscription.subscriptionId}) ended on ${endDate}; its cancellation can no longer be withdrawn: order the product again`,
        ["status"],
        { subscriptionId: subscription.subscriptionId, endDate },
      ),
    );
  }
  const at = toInstantString(time.value.instant);
  const status = subscription.provisionedOn === null ? "ordered" : "provisioned";
  const restored = endDate === null ? [] : subscription.addOns.filter((addOn) => endedWithProduct(addOn, endDate));
  const addOnEvents: RentalEvent[] =
    endDate === null
      ? []
      : restored.map((addOn) => ({ type: "add-on-cancellation-withdrawn", subscriptionId: subscription.subscriptionId, at, addOnId: addOn.addOnId, endDate }));
  return ok({
    subscription: {
      ...subscription,
      status,
      endDate: null,
      addOns: subscription.addOns.map((addOn) => (restored.includes(addOn) ? reopenedAddOn(addOn) : addOn)),
    },
    events: [{ type: "rental-cancellation-withdrawn", subscriptionId: subscription.subscriptionId, at, endDate, status }, ...addOnEvents],
  });
}
