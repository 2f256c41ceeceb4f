import { type LicensingResult, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import type { RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** M3, M6: records that the vendor provisioned the licenses; from now on add-ons can be booked. */
export function provisionRental(subscription: RentalSubscription, context: RentalCommandContext): LicensingResult<RentalTransition> {
  const allowed = checkRentalAction(subscription, "provision");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const at = toInstantString(time.value.instant);
  return ok({
    subscription: { ...subscription, status: "provisioned", provisionedOn: time.value.today },
    events: [{ type: "rental-provisioned", subscriptionId: subscription.subscriptionId, at, provisionedOn: time.value.today }],
  });
}
