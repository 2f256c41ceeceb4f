import { lastDayOfMonth } from "@kontor/calendar";
import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { bookedAddOn } from "./rental-add-ons.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import type { RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** zod schema of an {@link AddOnCancellationInput}. */
export const addOnCancellationInputSchema = z
  .object({
    /** The booked add-on to end. */
    addOnId: z.string().trim().min(1),
  })
  .strict();

/** A request to cancel one booked add-on of a rented product, the product running on (M4, M6). */
export type AddOnCancellationInput = z.input<typeof addOnCancellationInputSchema>;

/**
 * M4, M6: cancels one booked add-on of a provisioned product; the product and its other add-ons
 * run on. Like a product's cancellation (M4) the add-on ends on the last day of the current month
 * in the customer's zone and is billed through that month, not after: Teams Phone cancelled on
 * 2026-05-20 ends 2026-05-31. An add-on that is not booked (never, or ended already) is
 * `M6_ADD_ON_NOT_BOOKED`; one cancelled already keeps its end date (no events). Booking it again
 * before its end date withdraws the cancellation (`bookAddOn`).
 */
export function cancelAddOn(subscription: RentalSubscription, input: AddOnCancellationInput, context: RentalCommandContext): LicensingResult<RentalTransition> {
  const parsed = parseWith(addOnCancellationInputSchema, input);
  if (!parsed.ok) return parsed;
  const allowed = checkRentalAction(subscription, "cancel-add-on");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const { addOnId } = parsed.value;
  const booked = bookedAddOn(subscription, addOnId, time.value.today);
  if (booked === undefined) {
    return fail(
      licensingError("M6_ADD_ON_NOT_BOOKED", `${addOnId} is not booked for ${subscription.productName} (${subscription.subscriptionId}); there is nothing to cancel`, ["addOnId"], {
        addOnId,
        subscriptionId: subscription.subscriptionId,
      }),
    );
  }
  if (booked.endDate !== null) return ok({ subscription, events: [] });
  const at = toInstantString(time.value.instant);
  const endDate = lastDayOfMonth(time.value.today);
  return ok({
    subscription: {
      ...subscription,
      addOns: subscription.addOns.map((addOn) => (addOn === booked ? { ...addOn, endDate, endedBy: "add-on-cancellation" as const } : addOn)),
    },
    events: [{ type: "add-on-cancelled", subscriptionId: subscription.subscriptionId, at, addOnId, endDate }],
  });
}
