import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import type { RentalStatus, RentalSubscription } from "./rental-subscription.js";

/** The changes a rental accepts. */
export type RentalAction = "provision" | "change-quantity" | "book-add-on" | "cancel-add-on" | "cancel" | "withdraw-cancellation";

/**
 * Per status, the actions a rental accepts (M3). Add-ons need a provisioned product (M6), and so
 * does cancelling one on its own; a cancelled rental accepts only the withdrawal of its
 * cancellation, and that only until its end date (M4, see `withdrawRentalCancellation`).
 */
export const RENTAL_TRANSITIONS: Readonly<Record<RentalStatus, readonly RentalAction[]>> = {
  ordered: ["provision", "change-quantity", "cancel"],
  provisioned: ["change-quantity", "book-add-on", "cancel-add-on", "cancel"],
  cancelled: ["withdraw-cancellation"],
};

/** `ok` when `action` is allowed in the rental's status; `M6_PRODUCT_NOT_PROVISIONED` or `RENTAL_TRANSITION_NOT_ALLOWED` otherwise. */
export function checkRentalAction(subscription: RentalSubscription, action: RentalAction): LicensingResult<RentalSubscription> {
  if (RENTAL_TRANSITIONS[subscription.status].includes(action)) return ok(subscription);
  if (action === "book-add-on" && subscription.status === "ordered") {
    return fail(
      licensingError("M6_PRODUCT_NOT_PROVISIONED", `Add-ons can be booked only for provisioned products; ${subscription.productName} is not provisioned yet`, [
        "status",
      ]),
    );
  }
  return fail(
    licensingError("RENTAL_TRANSITION_NOT_ALLOWED", `A ${subscription.status} rental does not accept "${action}"`, ["status"], {
      status: subscription.status,
      action,
    }),
  );
}
