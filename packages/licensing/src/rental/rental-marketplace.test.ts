import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MICROSOFT_RENTAL_POLICY } from "../policies/microsoft-rental-policy.js";
import { DEFAULT_POLICIES } from "../policies/policy-set.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { rentedM365 } from "../testing/rental-fixtures.js";
import { billableQuantity } from "./billable-quantity.js";
import { bookAddOn } from "./book-add-on.js";
import { cancelRental } from "./cancel-rental.js";
import { changeRentalQuantity } from "./change-rental-quantity.js";
import { myOrdersView } from "./my-orders-view.js";
import { placeRentalOrder } from "./place-rental-order.js";
import { provisionRental } from "./provision-rental.js";
import { rentalMonthCharge } from "./rental-month-charge.js";
import { rentalPrice } from "./rental-price.js";
import { rentalSubscriptionSchema } from "./rental-subscription-schema.js";

const both = { termsAndLicenseConditions: true, vendorAccountCreation: true };
const order = { subscriptionId: "R-1", customerId: "C-100", productId: "m365-business-standard", quantity: 18, consents: both };

describe("monthly rental marketplace", () => {
  it("M1: the order shows the customer's price per user and the monthly total", () => {
    const list = valueOf(rentalPrice({ productId: "m365-business-standard", quantity: 18 }, TEST_CATALOG));
    expect([list.pricePerUser.toFixed(), list.monthlyTotal.toFixed()]).toEqual(["11.70", "210.60"]);
    const priceList = { customerId: "C-100", prices: [{ productId: "m365-business-standard", pricePerUser: Money.of("10.95", "EUR") }] };
    const special = valueOf(rentalPrice({ productId: "m365-business-standard", quantity: 18 }, TEST_CATALOG, priceList));
    expect([special.pricePerUser.toFixed(), special.monthlyTotal.toFixed()]).toEqual(["10.95", "197.10"]);
    expect(codesOf(rentalPrice({ productId: "jira-dc", quantity: 1 }, TEST_CATALOG))).toEqual(["RENTAL_NOT_A_RENTAL_PRODUCT"]);
  });

  it("M2: an order needs both consents; each missing one is its own error", () => {
    const neither = placeRentalOrder({ ...order, consents: { termsAndLicenseConditions: false } }, { asOf: "2026-03-17T10:00:00Z", catalog: TEST_CATALOG });
    expect(errorsOf(neither).map((error) => [error.code, error.path])).toEqual([
      ["M2_CONSENT_MISSING", ["consents", "termsAndLicenseConditions"]],
      ["M2_CONSENT_MISSING", ["consents", "vendorAccountCreation"]],
    ]);
    const one = placeRentalOrder({ ...order, consents: { termsAndLicenseConditions: true } }, { asOf: "2026-03-17T10:00:00Z", catalog: TEST_CATALOG });
    expect(errorsOf(one).map((error) => error.path)).toEqual([["consents", "vendorAccountCreation"]]);
    expect(errorsOf(one)[0]?.message).toBe('Missing consent: "I agree that an account is created with the vendor on my behalf"');
  });

  it("M1, M2, M4: a rental ordered 2026-03-17 starts 2026-03-01 and emits the order with price and total", () => {
    const placed = valueOf(placeRentalOrder(order, { asOf: "2026-03-17T10:00:00+01:00", catalog: TEST_CATALOG }));
    expect(placed.subscription).toMatchObject({ status: "ordered", startDate: "2026-03-01", endDate: null, quantity: 18 });
    expect(placed.subscription.consents).toMatchObject(both);
    expect(placed.events[0]).toMatchObject({ type: "rental-ordered", quantity: 18, startDate: "2026-03-01" });
  });

  it("M4: start and end dates are the customer's days: 2026-03-31T22:30Z is April in Berlin, March in New York", () => {
    expect(rentedM365(5, "2026-03-31T22:30:00Z").startDate).toBe("2026-04-01");
    expect(rentedM365(5, "2026-03-31T22:30:00Z", "America/New_York").startDate).toBe("2026-03-01");
  });

  it("M4 + M7: cancelled 2028-02-10, the rental ends 2028-02-29", () => {
    const rental = rentedM365(18, "2026-03-17T10:00:00+01:00");
    const cancelled = valueOf(cancelRental(rental, { asOf: "2028-02-10T15:00:00+01:00" }));
    expect(cancelled.subscription).toMatchObject({ status: "cancelled", startDate: "2026-03-01", endDate: "2028-02-29" });
    expect(cancelled.events).toEqual([{ type: "rental-cancelled", subscriptionId: "R-1", at: "2028-02-10T14:00:00.000Z", endDate: "2028-02-29" }]);
    // 2028-02-29T23:30Z is already March 1st in Berlin.
    expect(valueOf(cancelRental(rental, { asOf: "2028-02-29T23:30:00Z" })).subscription.endDate).toBe("2028-03-31");
  });

  it("M5: a quantity change sets the new total (18 → 40 is 40, not 58)", () => {
    const rental = rentedM365(18, "2026-02-05T10:00:00Z");
    const changed = valueOf(changeRentalQuantity(rental, { newTotal: 40 }, { asOf: "2026-03-10T10:00:00Z" }));
    expect(changed.subscription.quantity).toBe(40);
    expect(changed.events[0]).toMatchObject({ type: "rental-quantity-changed", from: 18, to: 40 });
    expect(codesOf(changeRentalQuantity(rental, { newTotal: 0 }, { asOf: "2026-03-10T10:00:00Z" }))).toEqual(["M5_INVALID_QUANTITY"]);
    expect(codesOf(changeRentalQuantity(rental, { newTotal: 2.5 }, { asOf: "2026-03-10T10:00:00Z" }))).toEqual(["M5_INVALID_QUANTITY"]);
  });

  it("M5: 18 → 40 → 25 seats in one month bills 40; the next month bills 25, the month before 18", () => {
    let rental = rentedM365(18, "2026-02-05T10:00:00Z");
    rental = valueOf(changeRentalQuantity(rental, { newTotal: 40 }, { asOf: "2026-03-10T10:00:00Z" })).subscription;
    rental = valueOf(changeRentalQuantity(rental, { newTotal: 25 }, { asOf: "2026-03-20T10:00:00Z" })).subscription;
    const charge = (month: string) => valueOf(rentalMonthCharge(rental, month, { asOf: "2026-04-01T06:00:00Z" }));
    expect(charge("2026-03").lines[0]?.quantity).toBe(40);
    expect(charge("2026-03").total.toFixed()).toBe("468.00"); // 40 × 11.70
    expect(charge("2026-04").lines[0]?.quantity).toBe(25);
    expect(charge("2026-02").lines[0]?.quantity).toBe(18);
    expect(charge("2026-01").lines).toEqual([]);
    expect(charge("2026-01").total.toFixed()).toBe("0.00");
  });

  it("M5: months follow the customer's zone across DST: a change at 2026-03-31T22:30Z counts for April in Berlin", () => {
    let rental = rentedM365(10, "2026-02-05T10:00:00Z");
    rental = valueOf(changeRentalQuantity(rental, { newTotal: 50 }, { asOf: "2026-03-31T22:30:00Z" })).subscription;
    expect(valueOf(rentalMonthCharge(rental, "2026-03", { asOf: "2026-04-02T00:00:00Z" })).lines[0]?.quantity).toBe(10);
    expect(valueOf(rentalMonthCharge(rental, "2026-04", { asOf: "2026-04-02T00:00:00Z" })).lines[0]?.quantity).toBe(50);
  });

  it("M5, P1: a rental policy billing the end-of-month quantity, in force from 2026-04-01, bills 25", () => {
    const policies = {
      ...DEFAULT_POLICIES,
      rental: [...DEFAULT_POLICIES.rental, { ...MICROSOFT_RENTAL_POLICY, id: "ms-eom", effectiveFrom: "2026-04-01", billingQuantity: "end-of-month" as const }],
    };
    let rental = rentedM365(18, "2026-02-05T10:00:00Z");
    rental = valueOf(changeRentalQuantity(rental, { newTotal: 40 }, { asOf: "2026-03-10T10:00:00Z" })).subscription;
    rental = valueOf(changeRentalQuantity(rental, { newTotal: 25 }, { asOf: "2026-03-20T10:00:00Z" })).subscription;
    expect(valueOf(rentalMonthCharge(rental, "2026-03", { asOf: "2026-03-31T12:00:00Z", policies })).lines[0]?.quantity).toBe(40);
    const later = valueOf(rentalMonthCharge(rental, "2026-03", { asOf: "2026-04-01T12:00:00Z", policies }));
    expect([later.policyId, later.lines[0]?.quantity]).toEqual(["ms-eom", 25]);
  });

  it("M5 (property): the billed quantity is the highest total held during the month", () => {
    const monthStart = Date.parse("2026-03-01T00:00:00+01:00");
    const monthEnd = Date.parse("2026-04-01T00:00:00+02:00");
    const change = fc.record({ atMs: fc.integer({ min: monthStart - 40 * 86_400_000, max: monthEnd + 40 * 86_400_000 }), quantity: fc.integer({ min: 1, max: 500 }) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const history = [...changes].sort((a, b) => a.atMs - b.atMs);
        const before = history.filter((item) => item.atMs < monthStart).at(-1);
        const during = history.filter((item) => item.atMs >= monthStart && item.atMs < monthEnd);
        const held = [...(before === undefined ? [] : [before]), ...during].map((item) => item.quantity);
        const billed = billableQuantity(history, monthStart, monthEnd, "highest-in-month");
        expect(billed).toBe(held.length === 0 ? 0 : Math.max(...held));
        expect(billed).toBeGreaterThanOrEqual(billableQuantity(history, monthStart, monthEnd, "end-of-month"));
      }),
    );
  });

  it("M6: add-ons only for provisioned products; an add-on not offered becomes a request ticket", () => {
    const rental = rentedM365(18, "2026-03-17T10:00:00+01:00");
    const early = bookAddOn(rental, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-17T11:00:00Z", catalog: TEST_CATALOG });
    expect(codesOf(early)).toEqual(["M6_PRODUCT_NOT_PROVISIONED"]);

    const provisioned = valueOf(provisionRental(rental, { asOf: "2026-03-18T09:00:00+01:00" })).subscription;
    expect(provisioned).toMatchObject({ status: "provisioned", provisionedOn: "2026-03-18" });
    const booked = valueOf(bookAddOn(provisioned, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-20T10:00:00Z", catalog: TEST_CATALOG }));
    expect(booked.subscription.addOns).toMatchObject([{ addOnId: "teams-phone", name: "Teams Phone Standard", quantity: 5, startDate: "2026-03-01", endDate: null }]);
    expect(booked.events).toEqual([{ type: "add-on-booked", subscriptionId: "R-1", at: "2026-03-20T10:00:00.000Z", addOnId: "teams-phone", quantity: 5 }]);

    const wanted = valueOf(bookAddOn(provisioned, { addOnId: "Copilot" }, { asOf: "2026-03-20T10:00:00Z", catalog: TEST_CATALOG }));
    expect(wanted.subscription).toBe(provisioned);
    expect(wanted.events).toEqual([
      { type: "add-on-request-ticket", subscriptionId: "R-1", at: "2026-03-20T10:00:00.000Z", customerId: "C-100", productId: "m365-business-standard", wantedAddOn: "Copilot", quantity: 1 },
    ]);
  });

  it("M6: the choice depends on the product: Business Premium offers no Teams Phone here", () => {
    const premium = valueOf(
      placeRentalOrder({ ...order, productId: "m365-business-premium" }, { asOf: "2026-03-17T10:00:00Z", catalog: TEST_CATALOG }),
    ).subscription;
    const provisioned = valueOf(provisionRental(premium, { asOf: "2026-03-18T10:00:00Z" })).subscription;
    const result = valueOf(bookAddOn(provisioned, { addOnId: "teams-phone" }, { asOf: "2026-03-18T11:00:00Z", catalog: TEST_CATALOG }));
    expect(result.events.map((event) => event.type)).toEqual(["add-on-request-ticket"]);
  });

  it("M7: cancelling a product cancels all its licenses and add-ons with the M4 end date; nothing is billed after it", () => {
    let rental = valueOf(provisionRental(rentedM365(18, "2026-03-17T10:00:00Z"), { asOf: "2026-03-18T10:00:00Z" })).subscription;
    rental = valueOf(bookAddOn(rental, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-20T10:00:00Z", catalog: TEST_CATALOG })).subscription;
    rental = valueOf(bookAddOn(rental, { addOnId: "exchange-archiving", quantity: 18 }, { asOf: "2026-03-21T10:00:00Z", catalog: TEST_CATALOG })).subscription;
    const cancelled = valueOf(cancelRental(rental, { asOf: "2026-05-12T10:00:00Z" }));
    expect(cancelled.subscription.addOns.map((addOn) => addOn.endDate)).toEqual(["2026-05-31", "2026-05-31"]);
    expect(cancelled.events.map((event) => event.type)).toEqual(["rental-cancelled", "add-on-cancelled", "add-on-cancelled"]);
    const may = valueOf(rentalMonthCharge(cancelled.subscription, "2026-05", { asOf: "2026-06-01T06:00:00Z" }));
    // 18 × 11.70 + 5 × 7.50 + 18 × 2.80 = 210.60 + 37.50 + 50.40
    expect(may.lines.map((line) => [line.addOnId, line.quantity, line.amount.toFixed()])).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 5, "37.50"],
      ["exchange-archiving", 18, "50.40"],
    ]);
    expect(may.total.toFixed()).toBe("298.50");
    expect(valueOf(rentalMonthCharge(cancelled.subscription, "2026-06", { asOf: "2026-07-01T06:00:00Z" })).total.toFixed()).toBe("0.00");
    const after = changeRentalQuantity(cancelled.subscription, { newTotal: 20 }, { asOf: "2026-05-13T10:00:00Z" });
    expect(codesOf(after)).toEqual(["RENTAL_TRANSITION_NOT_ALLOWED"]);
  });

  it("M3: 'my orders' shows quantity, provisioning, start and end dates, and the available actions per product", () => {
    const ordered = rentedM365(18, "2026-03-17T10:00:00Z");
    const provisioned = valueOf(provisionRental({ ...ordered, subscriptionId: "R-2" }, { asOf: "2026-03-18T10:00:00Z" })).subscription;
    const changed = valueOf(changeRentalQuantity(provisioned, { newTotal: 40 }, { asOf: "2026-03-19T10:00:00Z" })).subscription;
    const cancelled = valueOf(
      cancelRental({ ...ordered, subscriptionId: "R-3", productName: "Microsoft 365 Business Premium" }, { asOf: "2026-03-19T10:00:00Z" }),
    ).subscription;
    const rows = myOrdersView([changed, cancelled, ordered]);
    expect(rows.map((row) => [row.subscriptionId, row.quantity, row.provisionedOn, row.startDate, row.endDate, row.actions])).toEqual([
      ["R-3", 18, null, "2026-03-01", "2026-03-31", { changeQuantity: false, bookAddOn: false, cancel: false, withdrawCancellation: true }],
      ["R-1", 18, null, "2026-03-01", null, { changeQuantity: true, bookAddOn: false, cancel: true, withdrawCancellation: false }],
      ["R-2", 40, "2026-03-18", "2026-03-01", null, { changeQuantity: true, bookAddOn: true, cancel: true, withdrawCancellation: false }],
    ]);
    expect(rows[2]?.monthlyTotal.toFixed()).toBe("468.00");
  });

  it("P2: a stored rental (JSON) loads with rentalSubscriptionSchema and keeps working", () => {
    const rental = valueOf(provisionRental(rentedM365(18, "2026-03-17T10:00:00Z"), { asOf: "2026-03-18T10:00:00Z" })).subscription;
    const loaded = rentalSubscriptionSchema.parse(JSON.parse(JSON.stringify(rental)));
    expect(loaded.pricePerUser.toFixed()).toBe("11.70");
    expect(valueOf(changeRentalQuantity(loaded, { newTotal: 19 }, { asOf: "2026-03-19T10:00:00Z" })).subscription.quantity).toBe(19);
    expect(codesOf(rentalMonthCharge(loaded, "2026-13", { asOf: "2026-03-19T10:00:00Z" }))).toEqual(["INVALID_INPUT"]);
  });
});
