import type { IsoDate } from "@kontor/calendar";
import type { RentalAddOn, RentalSubscription } from "./rental-subscription.js";

/**
 * The add-on `addOnId` of the rental that is booked on `today`: running, or cancelled with its
 * end date not passed yet (M4: it is still billed through its end month). At most one is.
 */
export function bookedAddOn(subscription: RentalSubscription, addOnId: string, today: IsoDate): RentalAddOn | undefined {
  return subscription.addOns.find((addOn) => addOn.addOnId === addOnId && (addOn.endDate === null || addOn.endDate >= today));
}

/** The add-on running on again: no end date, nothing that ended it. */
export function reopenedAddOn(addOn: RentalAddOn): RentalAddOn {
  const running: { -readonly [K in keyof RentalAddOn]: RentalAddOn[K] } = { ...addOn, endDate: null };
  delete running.endedBy;
  return running;
}
