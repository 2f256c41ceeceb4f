import { firstDayOfMonth } from "@kontor/calendar";
import { z } from "zod";
import { findAddOn, findProduct } from "../catalog/catalog-lookup.js";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingResult, ok } from "../errors/result.js";
import { toInstantString } from "../time/local-date.js";
import { type RentalCatalogContext, rentalTime } from "./rental-command-context.js";
import { bookedAddOn, reopenedAddOn } from "./rental-add-ons.js";
import type { RentalEvent, RentalTransition } from "./rental-event.js";
import { checkRentalAction } from "./rental-lifecycle.js";
import type { RentalAddOn, RentalSubscription } from "./rental-subscription.js";

/** zod schema of an {@link AddOnBookingInput}. */
export const addOnBookingInputSchema = z
  .object({
    /** The wanted add-on: an id from the product's add-ons, or any name for one that is not offered. */
    addOnId: z.string().trim().min(1),
    /** The add-on's new total quantity. */
    quantity: z.number().int().positive().default(1),
  })
  .strict();

/** A request to book an add-on for a rented product (M6). */
export type AddOnBookingInput = z.input<typeof addOnBookingInputSchema>;

/**
 * M6: books an add-on for a provisioned product (`M6_PRODUCT_NOT_PROVISIONED` otherwise). The
 * choice depends on the product; a wanted add-on the product does not offer leaves the rental
 * unchanged and becomes an `add-on-request-ticket` event. Booking a booked add-on again sets its
 * new total (M5); booking one that is cancelled but not ended yet (M4) also withdraws its
 * cancellation (`add-on-cancellation-withdrawn`), so its month is never billed twice. After its
 * end date it is booked anew from the 1st of the current month.
 */
export function bookAddOn(subscription: RentalSubscription, input: AddOnBookingInput, context: RentalCatalogContext): LicensingResult<RentalTransition> {
  const parsed = parseWith(addOnBookingInputSchema, input);
  if (!parsed.ok) return parsed;
  const allowed = checkRentalAction(subscription, "book-add-on");
  if (!allowed.ok) return allowed;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const product = findProduct(context.catalog, subscription.productId);
  if (!product.ok) return product;
  const at = toInstantString(time.value.instant);
  const { addOnId, quantity } = parsed.value;
  const offered = findAddOn(product.value, addOnId);
  if (offered === undefined) {
    return ok({
      subscription,
      events: [
        {
          type: "add-on-request-ticket",
          subscriptionId: subscription.subscriptionId,
          at,
          customerId: subscription.customerId,
          productId: subscription.productId,
          wantedAddOn: addOnId,
          quantity,
        },
      ],
    });
  }
  // Booked still: running, or cancelled with its end date not passed (then booking withdraws it).
  const existing = bookedAddOn(subscription, addOnId, time.value.today);
  const booked: RentalAddOn =
    existing === undefined
      ? {
          addOnId,
          name: offered.name,
          pricePerUnit: offered.pricePerUnit,
          bookedAt: at,
          startDate: firstDayOfMonth(time.value.today),
          endDate: null,
          quantity,
          quantityHistory: [{ at, quantity }],
        }
      : { ...reopenedAddOn(existing), quantity, quantityHistory: [...existing.quantityHistory, { at, quantity }] };
  const withdrawn: RentalEvent[] =
    existing === undefined || existing.endDate === null ? [] : [{ type: "add-on-cancellation-withdrawn", subscriptionId: subscription.subscriptionId, at, addOnId, endDate: existing.endDate }];
  return ok({
    subscription: {
      ...subscription,
      addOns: existing === undefined ? [...subscription.addOns, booked] : subscription.addOns.map((addOn) => (addOn === existing ? booked : addOn)),
    },
    events: [...withdrawn, { type: "add-on-booked", subscriptionId: subscription.subscriptionId, at, addOnId, quantity }],
  });
}
