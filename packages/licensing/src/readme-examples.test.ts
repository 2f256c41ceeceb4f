// Every example of README.md, verbatim apart from the `expect` lines that pin its output.
import { describe, expect, it } from "vitest";
import {
  applyOrderCommand,
  cancelRental,
  catalogSchema,
  changeRentalQuantity,
  coTerm,
  createQuote,
  placeRentalOrder,
  readLicenseKey,
  receiveOrder,
  refundLicense,
  rentalMonthCharge,
  type Order,
  type OrderCommand,
} from "./index.js";

const catalog = catalogSchema.parse({
  vendors: [
    { id: "atlassian", name: "Atlassian" },
    { id: "microsoft", name: "Microsoft" },
  ],
  products: [
    {
      id: "jira-dc",
      vendorId: "atlassian",
      name: "Jira Data Center",
      productLine: "jira",
      edition: "data-center",
      billingModel: "annual-subscription",
      currency: "EUR",
      pricing: {
        kind: "user-tiers",
        tiers: [
          { users: 500, price: { amount: "21000.00", currency: "EUR" } },
          { users: 1000, price: { amount: "36500.00", currency: "EUR" } },
        ],
      },
    },
    {
      id: "m365-bs",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Standard",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: { amount: "11.70", currency: "EUR" } },
      addOns: [{ id: "teams-phone", name: "Teams Phone Standard", pricePerUnit: { amount: "7.50", currency: "EUR" } }],
    },
  ],
});

describe("README examples", () => {
  it("L8: a Data Center quote", () => {
    const quote = createQuote(
      {
        kind: "data-center",
        quoteId: "Q-2026-001",
        cart: [{ productId: "jira-dc", userTier: 500 }],
        resellerBuysForCustomer: true,
        reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
        customer: { fullName: "Max Müller", email: "max@muster.example" },
        termsAccepted: true,
      },
      { asOf: "2026-03-17T10:00:00+01:00", catalog },
    );
    if (quote.ok) {
      console.log(quote.value.total.toFixed(), quote.value.validUntil); // "21000.00" "2026-04-16"
    }
    expect(quote.ok && [quote.value.total.toFixed(), quote.value.validUntil]).toEqual(["21000.00", "2026-04-16"]);

    const incomplete = createQuote({ kind: "data-center", quoteId: "Q-2026-002", cart: [] }, { asOf: "2026-03-17T10:00:00+01:00", catalog });
    if (!incomplete.ok) {
      console.log(incomplete.errors.map((error) => `${error.code} ${error.path.join(".")}`));
      // ["L8_REQUIRED_FIELD_MISSING cart", "L8_REQUIRED_FIELD_MISSING resellerBuysForCustomer", …]
    }
    expect(!incomplete.ok && incomplete.errors.slice(0, 2).map((error) => `${error.code} ${error.path.join(".")}`)).toEqual([
      "L8_REQUIRED_FIELD_MISSING cart",
      "L8_REQUIRED_FIELD_MISSING resellerBuysForCustomer",
    ]);
  });

  it("L1, L3, L4, L5: an order through delivery", () => {
    const received = receiveOrder(
      {
        kind: "license",
        orderId: "A-2026-0042",
        customer: { id: "C-100", name: "Muster GmbH", zone: "Europe/Berlin" },
        lines: [{ lineId: "1", productId: "jira-dc", userTier: 500 }],
        confirmationRequirements: { customerPoNumber: "PO-7781" },
        technicalContact: { fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: true },
      },
      { asOf: "2026-03-17T10:00:00+01:00", catalog },
    );
    if (!received.ok) throw new Error(received.errors[0]?.message);

    const steps: [OrderCommand, string][] = [
      [{ type: "confirm" }, "2026-03-17T10:05:00+01:00"],
      [{ type: "record-confirmation-sent" }, "2026-03-17T10:06:00+01:00"],
      [{ type: "purchase", vendorOrderRef: "AT-998", paidOn: "2026-03-17" }, "2026-03-17T11:00:00+01:00"],
      [{ type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }, "2026-03-18T09:00:00+01:00"],
    ];
    let order: Order = received.value.order;
    const log: string[] = [];
    for (const [command, asOf] of steps) {
      const next = applyOrderCommand(order, command, { asOf });
      if (!next.ok) throw new Error(next.errors[0]?.message);
      order = next.value.order;
      log.push(`${order.status}: ${next.value.events.map((event) => event.type).join(", ")}`);
    }
    console.log(log);
    // [ "confirmed: confirmation-to-send",
    //   "purchase-due: purchase-due",
    //   "purchased: keys-visible-to-technical-contact, invoice-due",
    //   "delivered: delivery-note-to-send" ]
    expect(log).toEqual([
      "confirmed: confirmation-to-send",
      "purchase-due: purchase-due",
      "purchased: keys-visible-to-technical-contact, invoice-due",
      "delivered: delivery-note-to-send",
    ]);
  });

  it("L11: a co-term", () => {
    const plan = coTerm(
      {
        vendorId: "atlassian",
        targetEnd: "2027-06-30",
        licenses: [
          { licenseId: "SEN-1", currentEnd: "2027-03-15", annualPrice: { amount: "21000.00", currency: "EUR" } },
          { licenseId: "SEN-2", currentEnd: "2027-06-30", annualPrice: { amount: "12000.00", currency: "EUR" } },
          { licenseId: "SEN-3", currentEnd: "2027-11-01", annualPrice: { amount: "8000.00", currency: "EUR" } },
        ],
      },
      { asOf: "2026-12-01T09:00:00+01:00" },
    );
    if (plan.ok) {
      for (const a of plan.value.adjustments) console.log(a.licenseId, a.change, a.days, `${a.daysInTerm}`, a.amount.toFixed());
      // SEN-1 extension 107 366 6139.34
      // SEN-2 unchanged 0 0 0.00
      // SEN-3 shortening -124 365 -2717.81
      console.log(plan.value.total.toFixed(), plan.value.requiresManualReview); // "3421.53" true
    }
    expect(plan.ok && plan.value.adjustments.map((a) => [a.licenseId, a.change, a.days, a.daysInTerm, a.amount.toFixed()])).toEqual([
      ["SEN-1", "extension", 107, 366, "6139.34"],
      ["SEN-2", "unchanged", 0, 0, "0.00"],
      ["SEN-3", "shortening", -124, 365, "-2717.81"],
    ]);
    expect(plan.ok && [plan.value.total.toFixed(), plan.value.requiresManualReview]).toEqual(["3421.53", true]);
  });

  it("L11: a co-termed quote", () => {
    const coTermed = createQuote(
      {
        kind: "data-center",
        quoteId: "Q-2026-003",
        cart: [{ productId: "jira-dc", userTier: 500 }],
        resellerBuysForCustomer: true,
        reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
        customer: { fullName: "Max Müller", email: "max@muster.example" },
        termsAccepted: true,
        coTermTargetEnd: "2027-06-30",
      },
      { asOf: "2026-11-16T10:00:00+01:00", catalog },
    );
    if (coTermed.ok) {
      const [line] = coTermed.value.lines;
      console.log(line?.amount.toFixed(), line?.description, coTermed.value.requiresManualReview);
      // "13002.74" "Jira Data Center, 500 users, 2026-11-16 – 2027-06-30 (co-termed: -139/365 days)" true
    }
    expect(coTermed.ok && [coTermed.value.lines[0]?.amount.toFixed(), coTermed.value.lines[0]?.description, coTermed.value.requiresManualReview]).toEqual([
      "13002.74",
      "Jira Data Center, 500 users, 2026-11-16 – 2027-06-30 (co-termed: -139/365 days)",
      true,
    ]);
  });

  it("L17: a refund", () => {
    const license = {
      vendorId: "atlassian",
      edition: "data-center",
      billingModel: "annual-subscription",
      userTier: 500,
      purchasedAt: "2026-03-02T10:00:00+01:00",
      paidOn: null,
    } as const;
    const refunded = refundLicense(license, { reason: "Ordered the wrong product" }, { asOf: "2026-04-01T18:00:00+02:00", actor: "staff-7" });
    if (refunded.ok) {
      const { refundedOn, deadline, day } = refunded.value.license.refund;
      console.log(refundedOn, deadline, day, refunded.value.events[0].type); // "2026-04-01" "2026-04-01" 30 "license-refunded"
    }
    expect(refunded.ok && [refunded.value.license.refund.refundedOn, refunded.value.license.refund.deadline, refunded.value.license.refund.day, refunded.value.events[0].type]).toEqual([
      "2026-04-01",
      "2026-04-01",
      30,
      "license-refunded",
    ]);

    const late = refundLicense(license, { reason: "Ordered the wrong product" }, { asOf: "2026-04-02T09:00:00+02:00" });
    if (!late.ok) console.log(late.errors[0]?.code, late.errors[0]?.details.deadline); // "L17_REFUND_DEADLINE_PASSED" "2026-04-01"
    expect(!late.ok && [late.errors[0]?.code, late.errors[0]?.details.deadline]).toEqual(["L17_REFUND_DEADLINE_PASSED", "2026-04-01"]);

    if (refunded.ok) {
      // A refunded license is void: its key is read by no one (nor renewed, upgraded or refunded again).
      const { refund } = refunded.value.license;
      const key = readLicenseKey({ licenseId: "L-1", vendorId: "atlassian", edition: "data-center", key: "AAAB-1", originalPurchaserId: "reseller", refund }, "reseller", { asOf: "2026-04-03T09:00:00+02:00" });
      if (!key.ok) console.log(key.errors[0]?.code); // "L17_LICENSE_REFUNDED"
      expect(!key.ok && key.errors[0]?.code).toBe("L17_LICENSE_REFUNDED");
    }
    expect(refunded.ok).toBe(true);
  });

  it("M1–M7: a rental", () => {
    const placed = placeRentalOrder(
      {
        subscriptionId: "R-1",
        customerId: "C-100",
        zone: "Europe/Berlin",
        productId: "m365-bs",
        quantity: 18,
        consents: { termsAndLicenseConditions: true, vendorAccountCreation: true },
      },
      { asOf: "2026-03-17T10:00:00+01:00", catalog },
    );
    if (!placed.ok) throw new Error(placed.errors[0]?.message);
    let rental = placed.value.subscription;
    console.log(rental.startDate); // "2026-03-01" (M4)

    for (const [newTotal, asOf] of [[40, "2026-03-20T10:00:00+01:00"], [25, "2026-03-25T10:00:00+01:00"]] as const) {
      const changed = changeRentalQuantity(rental, { newTotal }, { asOf });
      if (changed.ok) rental = changed.value.subscription;
    }
    const march = rentalMonthCharge(rental, "2026-03", { asOf: "2026-04-01T06:00:00+02:00" });
    if (march.ok) console.log(march.value.lines[0]?.quantity, march.value.total.toFixed()); // 40 "468.00" (M5)

    const cancelled = cancelRental(rental, { asOf: "2028-02-10T15:00:00+01:00" });
    if (cancelled.ok) console.log(cancelled.value.subscription.endDate); // "2028-02-29" (M4, M7)

    expect(rental.startDate).toBe("2026-03-01");
    expect(march.ok && [march.value.lines[0]?.quantity, march.value.total.toFixed()]).toEqual([40, "468.00"]);
    expect(cancelled.ok && cancelled.value.subscription.endDate).toBe("2028-02-29");
  });
});
