import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import type { RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** zod schema of a quantity change: the new **total** (M5), not a delta. */
export const quantityChangeInputSchema = z.object({ newTotal: z.number() }).strict();

/** A quantity change: the new total number of licenses (18 → 40 means 40, not 58). */
export type QuantityChangeInput = z.input<typeof quantityChangeInputSchema>;

/**
 * M5: sets the rented quantity to a new **total**. The total must be a whole number of at least
 * 1 (`M5_INVALID_QUANTITY`; to end the rental, cancel it). The month is later billed at the
 * highest quantity held in it (see `rentalMonthCharge`).
 */
export function changeRentalQuantity(
  subscription: RentalSubscription,
  input: QuantityChangeInput,
  context: RentalCommandContext,
): LicensingResult<RentalTransition> {
  const parsed = parseWith(quantityChangeInputSchema, input);
  if (!parsed.ok) return parsed;
  const newTotal = parsed.value.newTotal;
  if (!Number.isSafeInteger(newTotal) || newTotal < 1) {
    return fail(
      licensingError("M5_INVALID_QUANTITY", `The new total must be a whole number of at least 1, got ${String(newTotal)}`, ["newTotal"]),
    );
  }
  const allowed = checkRentalAction(subscription, "change-quantity");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  if (newTotal === subscription.quantity) return ok({ subscription, events: [] });
  const at = toInstantString(time.value.instant);
  return ok({
    subscription: { ...subscription, quantity: newTotal, quantityHistory: [...subscription.quantityHistory, { at, quantity: newTotal }] },
    events: [
      {
        type: "rental-quantity-changed",
        subscriptionId: subscription.subscriptionId,
        at,
        from: subscription.quantity,
        to: newTotal,
        monthlyTotal: subscription.pricePerUser.multiply(newTotal).round("half-up"),
      },
    ],
  });
}
