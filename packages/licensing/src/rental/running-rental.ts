import type { IsoDate } from "@kontor/calendar";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { readEvaluationTime } from "../time/evaluation-time.js";
import type { RentalCommandContext } from "./rental-command-context.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** The product a customer wants to rent (the ids of a rental order). */
export interface RentalOrderTarget {
  readonly customerId: string;
  readonly productId: string;
}

/**
 * M4: whether a rental still runs on `today` (a day in its customer's zone): it is not cancelled,
 * or its cancellation's end date has not passed (it is billed through that month and the
 * cancellation can still be withdrawn).
 */
export function rentalRunsOn(subscription: RentalSubscription, today: IsoDate): boolean {
  return subscription.status !== "cancelled" || subscription.endDate === null || subscription.endDate >= today;
}

/**
 * M4, M5: a customer rents a product once at a time. Among `rentals` (the customer's stored
 * rentals; others are ignored) one of `target.productId` that still runs at `asOf` refuses a new
 * order with `M5_PRODUCT_ALREADY_RENTED`, naming it in `details.subscriptionId`: change its
 * quantity instead (M5: a new total), or, when it is cancelled, withdraw its cancellation
 * (`details.use`). A new order would start on the 1st of the month (M4) and bill that month a
 * second time. Once the end date has passed the product can be ordered again.
 *
 * Apps run this with the rentals read under a lock that a concurrent order of the same customer
 * and product also takes, in the transaction that stores the new rental.
 */
export function checkProductNotRented(
  rentals: readonly RentalSubscription[],
  target: RentalOrderTarget,
  context: RentalCommandContext,
): LicensingResult<RentalOrderTarget> {
  const time = readEvaluationTime(context.asOf);
  if (!time.ok) return time;
  for (const rental of rentals) {
    if (rental.customerId !== target.customerId || rental.productId !== target.productId) continue;
    const today = readEvaluationTime(context.asOf, rental.zone);
    if (!today.ok) return today;
    if (!rentalRunsOn(rental, today.value.today)) continue;
    const cancelled = rental.status === "cancelled";
    const instead = cancelled
      ? `it is cancelled to ${rental.endDate ?? "?"}: withdraw its cancellation instead (then change its quantity if needed)`
      : `change its quantity instead (the new total, now ${String(rental.quantity)})`;
    return fail(
      licensingError("M5_PRODUCT_ALREADY_RENTED", `${rental.productName} is already rented as ${rental.subscriptionId}; ${instead}`, ["productId"], {
        subscriptionId: rental.subscriptionId,
        status: rental.status,
        quantity: rental.quantity,
        ...(rental.endDate === null ? {} : { endDate: rental.endDate }),
        use: cancelled ? "withdraw-cancellation" : "change-quantity",
      }),
    );
  }
  return ok(target);
}
