import { describe, expect, it } from "vitest";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { rentedM365 } from "../testing/rental-fixtures.js";
import { bookAddOn } from "./book-add-on.js";
import { cancelAddOn } from "./cancel-add-on.js";
import { cancelRental } from "./cancel-rental.js";
import { changeRentalQuantity } from "./change-rental-quantity.js";
import { myOrdersView } from "./my-orders-view.js";
import { placeRentalOrder } from "./place-rental-order.js";
import { provisionRental } from "./provision-rental.js";
import { rentalMonthCharge } from "./rental-month-charge.js";
import { rentalSubscriptionSchema } from "./rental-subscription-schema.js";
import type { RentalSubscription } from "./rental-subscription.js";
import { checkProductNotRented } from "./running-rental.js";
import { withdrawRentalCancellation } from "./withdraw-rental-cancellation.js";

/** 18 × Microsoft 365 Business Standard (11.70) ordered 2026-03-12, provisioned the same day, Teams Phone × 5 (7.50) booked 2026-03-13. */
function withTeamsPhone(): RentalSubscription {
  const rental = valueOf(provisionRental(rentedM365(18, "2026-03-12T09:00:00+01:00"), { asOf: "2026-03-12T15:00:00+01:00" })).subscription;
  return valueOf(bookAddOn(rental, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-13T10:00:00+01:00", catalog: TEST_CATALOG })).subscription;
}

/** The charged lines of `month` as `[addOnId, quantity, amount]`. */
function lines(rental: RentalSubscription, month: string): [string | null, number, string][] {
  return valueOf(rentalMonthCharge(rental, month, { asOf: "2027-06-01T06:00:00Z" })).lines.map((line) => [line.addOnId, line.quantity, line.amount.toFixed()]);
}

describe("cancelling an add-on on its own (M4, M6)", () => {
  it("M4, M6: Teams Phone 5 × 7.50 booked 2026-03-13, cancelled 2026-05-20, ends 2026-05-31: billed March–May, not June; the product runs on", () => {
    const rental = withTeamsPhone();
    const cancelled = valueOf(cancelAddOn(rental, { addOnId: "teams-phone" }, { asOf: "2026-05-20T10:00:00+02:00" }));
    expect(cancelled.subscription).toMatchObject({ status: "provisioned", endDate: null, quantity: 18 });
    expect(cancelled.subscription.addOns).toMatchObject([{ addOnId: "teams-phone", startDate: "2026-03-01", endDate: "2026-05-31", endedBy: "add-on-cancellation", quantity: 5 }]);
    expect(cancelled.events).toEqual([{ type: "add-on-cancelled", subscriptionId: "R-1", at: "2026-05-20T08:00:00.000Z", addOnId: "teams-phone", endDate: "2026-05-31" }]);

    for (const month of ["2026-03", "2026-04", "2026-05"]) {
      expect(lines(cancelled.subscription, month)).toEqual([
        [null, 18, "210.60"],
        ["teams-phone", 5, "37.50"],
      ]);
    }
    expect(lines(cancelled.subscription, "2026-06")).toEqual([[null, 18, "210.60"]]);
    expect(lines(cancelled.subscription, "2027-05")).toEqual([[null, 18, "210.60"]]);
    expect(valueOf(rentalMonthCharge(cancelled.subscription, "2026-06", { asOf: "2026-07-01T06:00:00Z" })).total.toFixed()).toBe("210.60");

    // Cancelling it again before its end keeps the end date and changes nothing.
    const again = valueOf(cancelAddOn(cancelled.subscription, { addOnId: "teams-phone" }, { asOf: "2026-05-28T10:00:00+02:00" }));
    expect([again.subscription, again.events]).toEqual([cancelled.subscription, []]);
  });

  it("M4: the add-on ends on the last day of the month in Berlin: cancelled 2026-05-31T22:30Z (June 1st there) it ends 2026-06-30", () => {
    const cancelled = valueOf(cancelAddOn(withTeamsPhone(), { addOnId: "teams-phone" }, { asOf: "2026-05-31T22:30:00Z" })).subscription;
    expect(cancelled.addOns[0]?.endDate).toBe("2026-06-30");
    expect(lines(cancelled, "2026-06")).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 5, "37.50"],
    ]);
    expect(lines(cancelled, "2026-07")).toEqual([[null, 18, "210.60"]]);
  });

  it("M6: cancelling an add-on that is not booked is M6_ADD_ON_NOT_BOOKED naming it; an ordered or cancelled rental accepts no add-on cancellation", () => {
    const rental = withTeamsPhone();
    const never = errorsOf(cancelAddOn(rental, { addOnId: "exchange-archiving" }, { asOf: "2026-05-20T10:00:00+02:00" }));
    expect(never.map((error) => [error.code, error.path, error.details])).toEqual([
      ["M6_ADD_ON_NOT_BOOKED", ["addOnId"], { addOnId: "exchange-archiving", subscriptionId: "R-1" }],
    ]);
    const ended = valueOf(cancelAddOn(rental, { addOnId: "teams-phone" }, { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    expect(codesOf(cancelAddOn(ended, { addOnId: "teams-phone" }, { asOf: "2026-06-01T10:00:00+02:00" }))).toEqual(["M6_ADD_ON_NOT_BOOKED"]);
    expect(codesOf(cancelAddOn(rental, { addOnId: " " }, { asOf: "2026-05-20T10:00:00+02:00" }))).toEqual(["INVALID_INPUT"]);
    expect(codesOf(cancelAddOn(rentedM365(18, "2026-03-12T09:00:00+01:00"), { addOnId: "teams-phone" }, { asOf: "2026-05-20T10:00:00+02:00" }))).toEqual([
      "RENTAL_TRANSITION_NOT_ALLOWED",
    ]);
    const productCancelled = valueOf(cancelRental(rental, { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    expect(codesOf(cancelAddOn(productCancelled, { addOnId: "teams-phone" }, { asOf: "2026-05-21T10:00:00+02:00" }))).toEqual(["RENTAL_TRANSITION_NOT_ALLOWED"]);
  });

  it("M5, M6: booking the add-on again before its end withdraws the cancellation (May billed once, at 5); after its end it starts anew on the 1st", () => {
    const cancelled = valueOf(cancelAddOn(withTeamsPhone(), { addOnId: "teams-phone" }, { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    const rebooked = valueOf(bookAddOn(cancelled, { addOnId: "teams-phone", quantity: 3 }, { asOf: "2026-05-25T10:00:00+02:00", catalog: TEST_CATALOG }));
    expect(rebooked.subscription.addOns).toHaveLength(1);
    expect(rebooked.subscription.addOns[0]).toMatchObject({ startDate: "2026-03-01", endDate: null, quantity: 3 });
    expect(rebooked.subscription.addOns[0]).not.toHaveProperty("endedBy");
    expect(rebooked.events.map((event) => event.type)).toEqual(["add-on-cancellation-withdrawn", "add-on-booked"]);
    expect(lines(rebooked.subscription, "2026-05")).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 5, "37.50"],
    ]);
    expect(lines(rebooked.subscription, "2026-06")).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 3, "22.50"],
    ]);

    const later = valueOf(bookAddOn(cancelled, { addOnId: "teams-phone", quantity: 2 }, { asOf: "2026-07-03T10:00:00+02:00", catalog: TEST_CATALOG })).subscription;
    expect(later.addOns.map((addOn) => [addOn.startDate, addOn.endDate, addOn.quantity])).toEqual([
      ["2026-03-01", "2026-05-31", 5],
      ["2026-07-01", null, 2],
    ]);
    expect(lines(later, "2026-06")).toEqual([[null, 18, "210.60"]]);
    expect(lines(later, "2026-07")).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 2, "15.00"],
    ]);
  });
});

describe("withdrawing a cancellation (M4)", () => {
  it("M4, M5: R1 (18 users) cancelled 2026-03-10, withdrawn 2026-03-20: it runs on, April is billed 18 × 11.70 = 210.60 and the quantity can change again", () => {
    const rental = rentedM365(18, "2026-03-02T09:00:00+01:00");
    const cancelled = valueOf(cancelRental(rental, { asOf: "2026-03-10T10:00:00+01:00" })).subscription;
    expect(lines(cancelled, "2026-04")).toEqual([]);
    expect(codesOf(changeRentalQuantity(cancelled, { newTotal: 20 }, { asOf: "2026-03-12T10:00:00+01:00" }))).toEqual(["RENTAL_TRANSITION_NOT_ALLOWED"]);

    const withdrawn = valueOf(withdrawRentalCancellation(cancelled, { asOf: "2026-03-20T10:00:00+01:00" }));
    expect(withdrawn.subscription).toEqual({ ...rental, status: "ordered", endDate: null });
    expect(withdrawn.events).toEqual([
      { type: "rental-cancellation-withdrawn", subscriptionId: "R-1", at: "2026-03-20T09:00:00.000Z", endDate: "2026-03-31", status: "ordered" },
    ]);
    expect(lines(withdrawn.subscription, "2026-03")).toEqual([[null, 18, "210.60"]]);
    expect(lines(withdrawn.subscription, "2026-04")).toEqual([[null, 18, "210.60"]]);
    expect(valueOf(changeRentalQuantity(withdrawn.subscription, { newTotal: 20 }, { asOf: "2026-03-21T10:00:00+01:00" })).subscription.quantity).toBe(20);
    expect(codesOf(withdrawRentalCancellation(withdrawn.subscription, { asOf: "2026-03-21T10:00:00+01:00" }))).toEqual(["RENTAL_TRANSITION_NOT_ALLOWED"]);
  });

  it("M4, M7: withdrawing brings back a provisioned rental with the add-ons its cancellation ended, not one cancelled on its own", () => {
    let rental = withTeamsPhone();
    rental = valueOf(bookAddOn(rental, { addOnId: "exchange-archiving", quantity: 18 }, { asOf: "2026-03-14T10:00:00+01:00", catalog: TEST_CATALOG })).subscription;
    rental = valueOf(cancelAddOn(rental, { addOnId: "teams-phone" }, { asOf: "2026-05-12T10:00:00+02:00" })).subscription;
    const cancelled = valueOf(cancelRental(rental, { asOf: "2026-05-20T10:00:00+02:00" }));
    expect(cancelled.events.map((event) => event.type)).toEqual(["rental-cancelled", "add-on-cancelled"]);
    expect(cancelled.subscription.addOns.map((addOn) => [addOn.addOnId, addOn.endDate, addOn.endedBy])).toEqual([
      ["teams-phone", "2026-05-31", "add-on-cancellation"],
      ["exchange-archiving", "2026-05-31", "product-cancellation"],
    ]);

    const withdrawn = valueOf(withdrawRentalCancellation(cancelled.subscription, { asOf: "2026-05-25T10:00:00+02:00" }));
    expect(withdrawn.subscription).toMatchObject({ status: "provisioned", provisionedOn: "2026-03-12", endDate: null, quantity: 18 });
    expect(withdrawn.subscription.addOns.map((addOn) => [addOn.addOnId, addOn.endDate, addOn.endedBy])).toEqual([
      ["teams-phone", "2026-05-31", "add-on-cancellation"],
      ["exchange-archiving", null, undefined],
    ]);
    expect(withdrawn.events.map((event) => event.type)).toEqual(["rental-cancellation-withdrawn", "add-on-cancellation-withdrawn"]);
    // 18 × 11.70 + 18 × 2.80; Teams Phone stays ended with May.
    expect(lines(withdrawn.subscription, "2026-06")).toEqual([
      [null, 18, "210.60"],
      ["exchange-archiving", 18, "50.40"],
    ]);
    expect(lines(withdrawn.subscription, "2026-05").map((line) => line[0])).toEqual([null, "teams-phone", "exchange-archiving"]);
  });

  it("M4: withdrawable through the end date in the customer's zone: 2026-03-31T21:30Z still March in Berlin, 22:30Z is April (M4_RENTAL_ENDED); New York still March", () => {
    const cancelled = valueOf(cancelRental(rentedM365(18, "2026-03-02T09:00:00+01:00"), { asOf: "2026-03-10T10:00:00+01:00" })).subscription;
    expect(valueOf(withdrawRentalCancellation(cancelled, { asOf: "2026-03-31T21:30:00Z" })).subscription.endDate).toBeNull();
    const late = errorsOf(withdrawRentalCancellation(cancelled, { asOf: "2026-03-31T22:30:00Z" }));
    expect(late.map((error) => [error.code, error.details])).toEqual([["M4_RENTAL_ENDED", { subscriptionId: "R-1", endDate: "2026-03-31" }]]);
    const newYork = valueOf(cancelRental(rentedM365(18, "2026-03-02T09:00:00-05:00", "America/New_York"), { asOf: "2026-03-10T10:00:00-05:00" })).subscription;
    expect(valueOf(withdrawRentalCancellation(newYork, { asOf: "2026-03-31T22:30:00Z" })).subscription.status).toBe("ordered");
  });

  it("M3, M4: 'my orders' offers withdrawing a cancellation until its end date, and cancelling each running add-on", () => {
    const rental = withTeamsPhone();
    const [running] = myOrdersView([rental], "2026-05-20T10:00:00+02:00");
    expect(running?.actions).toEqual({ changeQuantity: true, bookAddOn: true, cancel: true, withdrawCancellation: false });
    expect(running?.addOns.map((addOn) => addOn.actions)).toEqual([{ cancel: true }]);
    const addOnCancelled = valueOf(cancelAddOn(rental, { addOnId: "teams-phone" }, { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    expect(myOrdersView([addOnCancelled])[0]?.addOns.map((addOn) => [addOn.endDate, addOn.actions])).toEqual([["2026-05-31", { cancel: false }]]);

    const cancelled = valueOf(cancelRental(rental, { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    const view = (asOf?: string) => myOrdersView([cancelled], asOf)[0]?.actions;
    expect(view("2026-05-31T21:00:00Z")).toEqual({ changeQuantity: false, bookAddOn: false, cancel: false, withdrawCancellation: true });
    expect(view("2026-05-31T22:00:00Z")?.withdrawCancellation).toBe(false);
    expect(view("not a date")?.withdrawCancellation).toBe(false);
    expect(view()?.withdrawCancellation).toBe(true);
  });

  it("M7, P2: a rental stored before add-ons could be cancelled alone (end date without endedBy) withdraws with its add-ons; endedBy survives JSON", () => {
    const cancelled = valueOf(cancelRental(withTeamsPhone(), { asOf: "2026-05-20T10:00:00+02:00" })).subscription;
    const json = JSON.parse(JSON.stringify(cancelled)) as { addOns: Record<string, unknown>[] };
    expect(rentalSubscriptionSchema.parse(json).addOns[0]?.endedBy).toBe("product-cancellation");
    const legacy = rentalSubscriptionSchema.parse({ ...json, addOns: json.addOns.map(({ endedBy: _endedBy, ...addOn }) => addOn) });
    expect(legacy.addOns[0]).not.toHaveProperty("endedBy");
    const withdrawn = valueOf(withdrawRentalCancellation(legacy, { asOf: "2026-05-21T10:00:00+02:00" })).subscription;
    expect(withdrawn.addOns.map((addOn) => addOn.endDate)).toEqual([null]);
    expect(rentalSubscriptionSchema.safeParse({ ...json, addOns: [{ ...json.addOns[0], endedBy: "customer" }] }).success).toBe(false);
  });
});

describe("one running rental per product (M4, M5)", () => {
  const target = { customerId: "C-100", productId: "m365-business-standard" };

  it("M4, M5: ordering a rented product again is M5_PRODUCT_ALREADY_RENTED naming the rental: change its quantity, or withdraw its cancellation until it ends", () => {
    const r1 = rentedM365(18, "2026-03-02T09:00:00+01:00");
    const running = errorsOf(checkProductNotRented([r1], target, { asOf: "2026-03-12T10:00:00+01:00" }));
    expect(running.map((error) => [error.code, error.path, error.details])).toEqual([
      ["M5_PRODUCT_ALREADY_RENTED", ["productId"], { subscriptionId: "R-1", status: "ordered", quantity: 18, use: "change-quantity" }],
    ]);
    expect(running[0]?.message).toBe("Microsoft 365 Business Standard is already rented as R-1; change its quantity instead (the new total, now 18)");
    // Another product or another customer is no conflict.
    expect(checkProductNotRented([r1], { ...target, productId: "m365-business-premium" }, { asOf: "2026-03-12T10:00:00+01:00" }).ok).toBe(true);
    expect(checkProductNotRented([r1], { ...target, customerId: "C-200" }, { asOf: "2026-03-12T10:00:00+01:00" }).ok).toBe(true);

    const cancelled = valueOf(cancelRental(r1, { asOf: "2026-03-10T10:00:00+01:00" })).subscription;
    const pending = errorsOf(checkProductNotRented([cancelled], target, { asOf: "2026-03-12T10:00:00+01:00" }));
    expect(pending.map((error) => [error.code, error.details])).toEqual([
      ["M5_PRODUCT_ALREADY_RENTED", { subscriptionId: "R-1", status: "cancelled", quantity: 18, endDate: "2026-03-31", use: "withdraw-cancellation" }],
    ]);
    expect(codesOf(checkProductNotRented([cancelled], target, { asOf: "2026-03-31T21:30:00Z" }))).toEqual(["M5_PRODUCT_ALREADY_RENTED"]);
    expect(codesOf(checkProductNotRented([cancelled], target, { asOf: "nonsense" }))).toEqual(["INVALID_INSTANT"]);

    // From April 1st in Berlin R1 has ended: a new order starts 2026-04-01, so March is billed once.
    const asOf = "2026-03-31T22:30:00Z";
    expect(checkProductNotRented([cancelled], target, { asOf }).ok).toBe(true);
    const r2 = valueOf(placeRentalOrder({ ...target, subscriptionId: "R-2", zone: "Europe/Berlin", quantity: 18, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } }, { asOf, catalog: TEST_CATALOG })).subscription;
    expect(r2.startDate).toBe("2026-04-01");
    expect([lines(cancelled, "2026-03"), lines(r2, "2026-03")]).toEqual([[[null, 18, "210.60"]], []]);
    expect([lines(cancelled, "2026-04"), lines(r2, "2026-04")]).toEqual([[], [[null, 18, "210.60"]]]);
  });
});
