import { describe, expect, it } from "vitest";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES, mergePolicySets } from "../policies/policy-set.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { LICENSE_ORDER_INPUT, SERVICE_ORDER_INPUT, drive, received } from "../testing/order-fixtures.js";
import { applyOrderCommand, applyOrderCommands } from "./apply-order-command.js";
import type { OrderEvent } from "./order-event.js";
import { orderSchema } from "./order-schema.js";
import type { LicenseOrder, Order } from "./order.js";
import { receiveOrder } from "./receive-order.js";

const at = (asOf: string) => ({ asOf });
const eventOf = <T extends OrderEvent["type"]>(events: readonly OrderEvent[], type: T) =>
  events.find((event): event is Extract<OrderEvent, { type: T }> => event.type === type);
const license = (order: Order): LicenseOrder => {
  if (order.kind !== "license") throw new Error("expected a license order");
  return order;
};

describe("license order lifecycle", () => {
  it("L1: receiving prices the lines; confirming produces the confirmation with the customer's addressee and PO number", () => {
    const receipt = valueOf(receiveOrder(LICENSE_ORDER_INPUT, { asOf: "2026-03-17T10:00:00+01:00", catalog: TEST_CATALOG }));
    expect(receipt.order.status).toBe("received");
    expect(receipt.events).toEqual([{ type: "order-received", orderId: "A-2026-0042", at: "2026-03-17T09:00:00.000Z" }]);
    expect(license(receipt.order).total.toFixed()).toBe("29000.00");

    const confirmed = valueOf(applyOrderCommand(receipt.order, { type: "confirm" }, at("2026-03-17T11:00:00+01:00")));
    expect(confirmed.order.status).toBe("confirmed");
    const document = eventOf(confirmed.events, "confirmation-to-send")?.document;
    expect(document).toMatchObject({
      orderId: "A-2026-0042",
      addressee: "Muster GmbH, Einkauf, z. Hd. Frau Meier",
      customerPoNumber: "PO-7781",
      confirmedOn: "2026-03-17",
    });
    expect(document?.items.map((item) => item.description)).toEqual([
      "Jira Data Center, 500 users (new)",
      "Jira Cloud Standard (annual), 100 users (new)",
    ]);
    expect(document?.total?.toFixed()).toBe("29000.00");
  });

  it("L1: without requirements the confirmation is addressed to the customer and has no PO number", () => {
    const order = received({ ...LICENSE_ORDER_INPUT, confirmationRequirements: {} });
    const confirmed = valueOf(applyOrderCommand(order, { type: "confirm" }, at("2026-03-17T11:00:00Z")));
    expect(eventOf(confirmed.events, "confirmation-to-send")?.document).toMatchObject({ addressee: "Muster GmbH", customerPoNumber: null });
  });

  it("L3: the purchase is due immediately after the confirmation is sent", () => {
    const order = drive(received(LICENSE_ORDER_INPUT), [{ type: "confirm" }]);
    const sent = valueOf(applyOrderCommand(order, { type: "record-confirmation-sent" }, at("2026-03-17T11:05:00+01:00")));
    expect(sent.order.status).toBe("purchase-due");
    expect(sent.events).toEqual([{ type: "purchase-due", orderId: "A-2026-0042", at: "2026-03-17T10:05:00.000Z", dueOn: "2026-03-17" }]);
  });

  it("L3: a requested later purchase date makes the purchase due on that day; purchasing earlier is refused", () => {
    const order = drive(received({ ...LICENSE_ORDER_INPUT, requestedPurchaseDate: "2026-04-01" }), [
      { type: "confirm" },
      { type: "record-confirmation-sent" },
    ]);
    expect(license(order).purchaseDueOn).toBe("2026-04-01");
    const early = applyOrderCommand(order, { type: "purchase" }, at("2026-03-31T21:59:00Z")); // 23:59 in Berlin on 03-31
    expect(codesOf(early)).toEqual(["L3_PURCHASE_NOT_DUE"]);
    expect(errorsOf(early)[0]?.details).toEqual({ dueOn: "2026-04-01" });
    expect(valueOf(applyOrderCommand(order, { type: "purchase" }, at("2026-03-31T22:00:00Z"))).order.status).toBe("purchased");
  });

  it("L3: a requested purchase date in the past is refused when the order comes in", () => {
    const result = receiveOrder({ ...LICENSE_ORDER_INPUT, requestedPurchaseDate: "2026-03-16" }, {
      asOf: "2026-03-17T10:00:00+01:00",
      catalog: TEST_CATALOG,
    });
    expect(errorsOf(result)[0]).toMatchObject({ code: "L3_PURCHASE_DATE_IN_PAST", path: ["requestedPurchaseDate"] });
  });

  it("L4: purchasing needs a technical contact; it can be registered after the order", () => {
    const withoutContact = { ...LICENSE_ORDER_INPUT, technicalContact: undefined };
    const due = drive(received(withoutContact), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    const refused = applyOrderCommand(due, { type: "purchase" }, at("2026-03-17T12:00:00Z"));
    expect(errorsOf(refused)[0]).toMatchObject({ code: "L4_TECHNICAL_CONTACT_MISSING", path: ["technicalContact"] });
    const registered = drive(due, [{ type: "register-technical-contact", fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: true }]);
    expect(valueOf(applyOrderCommand(registered, { type: "purchase" }, at("2026-03-17T12:00:00Z"))).order.status).toBe("purchased");
  });

  it("L4 + L18: without a vendor account the contact must verify; keys become visible once verified and paid", () => {
    const due = drive(received(LICENSE_ORDER_INPUT), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    const purchase = valueOf(applyOrderCommand(due, { type: "purchase", paidOn: "2026-03-17" }, at("2026-03-17T12:00:00Z")));
    expect(license(purchase.order).technicalContact?.vendorAccount).toBe("verification-pending");
    expect(eventOf(purchase.events, "vendor-verification-pending")).toMatchObject({ email: "tom@muster.example" });
    expect(eventOf(purchase.events, "keys-visible-to-technical-contact")).toBeUndefined();

    const verified = valueOf(applyOrderCommand(purchase.order, { type: "record-contact-verified" }, at("2026-03-18T08:00:00Z")));
    expect(license(verified.order).technicalContact?.vendorAccount).toBe("verified");
    expect(verified.events).toEqual([
      { type: "keys-visible-to-technical-contact", orderId: "A-2026-0042", at: "2026-03-18T08:00:00.000Z", email: "tom@muster.example", lineIds: ["1"] },
    ]);
    expect(codesOf(applyOrderCommand(verified.order, { type: "record-contact-verified" }, at("2026-03-18T09:00:00Z")))).toEqual([
      "L4_VERIFICATION_NOT_PENDING",
    ]);
  });

  it("L4: a contact with a vendor account sees the keys right after a paid purchase", () => {
    const input = { ...LICENSE_ORDER_INPUT, technicalContact: { fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: true } };
    const due = drive(received(input), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    const purchase = valueOf(applyOrderCommand(due, { type: "purchase", paidOn: "2026-03-17" }, at("2026-03-17T12:00:00Z")));
    expect(purchase.events.map((event) => event.type)).toEqual(["keys-visible-to-technical-contact", "invoice-due"]);
  });

  it("L18: paid later (net 30), keys become visible on payment and cloud annual renewals take effect from the payment date", () => {
    const input = {
      ...LICENSE_ORDER_INPUT,
      technicalContact: { fullName: "Tom Technik", email: "tom@muster.example", hasVendorAccount: true },
      lines: [
        { lineId: "1", productId: "jira-dc", userTier: 500 },
        { lineId: "2", productId: "jira-cloud-annual", userTier: 100, action: "renewal" as const, siteUrl: "https://muster.atlassian.net" },
      ],
    };
    const purchased = drive(received(input), [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase" }]);
    expect(license(purchased).paidOn).toBeNull();
    const paid = valueOf(applyOrderCommand(purchased, { type: "record-vendor-payment", paidOn: "2026-04-10" }, at("2026-04-10T15:00:00Z")));
    expect(paid.events.map((event) => event.type)).toEqual(["cloud-subscription-effective", "keys-visible-to-technical-contact"]);
    expect(eventOf(paid.events, "cloud-subscription-effective")).toMatchObject({ lineIds: ["2"], effectiveFrom: "2026-04-10" });
    expect(codesOf(applyOrderCommand(paid.order, { type: "record-vendor-payment", paidOn: "2026-04-11" }, at("2026-04-11T15:00:00Z")))).toEqual([
      "ORDER_ALREADY_PAID",
    ]);
  });

  it("L5: the invoice is due within 1 day of the purchase; the delivery note lists each key, and cloud without key", () => {
    const due = drive(received(LICENSE_ORDER_INPUT), [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    const purchase = valueOf(applyOrderCommand(due, { type: "purchase", vendorOrderRef: "AT-998" }, at("2026-03-17T16:00:00+01:00")));
    expect(eventOf(purchase.events, "invoice-due")).toMatchObject({ dueBy: "2026-03-18" });
    expect(eventOf(purchase.events, "invoice-due")?.total.toFixed()).toBe("29000.00");

    const delivery = valueOf(
      applyOrderCommand(purchase.order, { type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }, at("2026-03-18T09:00:00+01:00")),
    );
    expect(delivery.order.status).toBe("delivered");
    expect(eventOf(delivery.events, "delivery-note-to-send")?.document).toEqual({
      orderId: "A-2026-0042",
      addressee: "Muster GmbH, Einkauf, z. Hd. Frau Meier",
      customerPoNumber: "PO-7781",
      deliveredOn: "2026-03-18",
      items: [
        { lineId: "1", description: "Jira Data Center, 500 users", key: "AAAB-KEY-1", note: null },
        { lineId: "2", description: "Jira Cloud Standard (annual), 100 users", key: null, note: "Cloud license without key: the instance is live since 2026-03-17" },
      ],
    });
    const invoiced = valueOf(applyOrderCommand(delivery.order, { type: "invoice", invoiceNumber: "RE-2026-100" }, at("2026-03-18T09:05:00+01:00")));
    expect(invoiced.order.status).toBe("invoiced");
    expect(eventOf(invoiced.events, "order-invoiced")).toMatchObject({ invoiceNumber: "RE-2026-100" });
  });

  it("L5: delivery needs a key for every self-managed line and refuses keys for cloud lines or unknown lines", () => {
    const purchased = drive(received(LICENSE_ORDER_INPUT), [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase" }]);
    const result = applyOrderCommand(
      purchased,
      { type: "deliver", keys: [{ lineId: "2", key: "CLOUD?" }, { lineId: "9", key: "X" }] },
      at("2026-03-18T09:00:00Z"),
    );
    expect(codesOf(result)).toEqual(["L5_CLOUD_LICENSE_HAS_NO_KEY", "ORDER_UNKNOWN_LINE", "L5_LICENSE_KEY_MISSING"]);
  });

  it("L10: an order flagged for review goes in-review after the confirmation, expected done in 1–3 business days", () => {
    const input = { ...LICENSE_ORDER_INPUT, manualReviewRequired: true };
    const confirmed = drive(received(input), [{ type: "confirm" }]);
    // Sent on Friday 2026-03-20: 1 business day is Monday 03-23, 3 are Wednesday 03-25.
    const review = valueOf(applyOrderCommand(confirmed, { type: "record-confirmation-sent" }, at("2026-03-20T16:00:00+01:00")));
    expect(review.order.status).toBe("in-review");
    expect(review.events).toEqual([
      {
        type: "manual-review-started",
        orderId: "A-2026-0042",
        at: "2026-03-20T15:00:00.000Z",
        reasons: ["vendor-review"],
        expectedEarliest: "2026-03-23",
        expectedLatest: "2026-03-25",
      },
    ]);
    const approved = valueOf(applyOrderCommand(review.order, { type: "complete-review", approved: true }, at("2026-03-24T10:00:00+01:00")));
    expect(approved.order.status).toBe("purchase-due");
    expect(eventOf(approved.events, "purchase-due")?.dueOn).toBe("2026-03-24");
    const rejected = valueOf(
      applyOrderCommand(review.order, { type: "complete-review", approved: false, reason: "Vendor declined" }, at("2026-03-24T10:00:00Z")),
    );
    expect(rejected.order).toMatchObject({ status: "cancelled", cancellation: { reason: "Vendor declined" } });
  });

  it("L10: the expected review window skips Easter holidays (sent Thursday 2026-04-02: 2026-04-07 to 2026-04-09)", () => {
    const confirmed = drive(received({ ...LICENSE_ORDER_INPUT, manualReviewRequired: true }), [{ type: "confirm" }]);
    const review = valueOf(applyOrderCommand(confirmed, { type: "record-confirmation-sent" }, at("2026-04-02T10:00:00+02:00")));
    expect(license(review.order).review).toMatchObject({ expectedEarliest: "2026-04-07", expectedLatest: "2026-04-09" });
  });

  it("L11: co-terming puts the order into manual review", () => {
    const order = received({ ...LICENSE_ORDER_INPUT, coTermTargetEnd: "2027-06-30" });
    expect(license(order).reviewReasons).toEqual(["co-terming"]);
    const review = drive(order, [{ type: "confirm" }, { type: "record-confirmation-sent" }]);
    expect(review.status).toBe("in-review");
  });

  it("L6, L12, L16, L9: receiving refuses a two-tier route, cloud monthly, ended products and unidentified renewals", () => {
    const result = receiveOrder(
      {
        ...LICENSE_ORDER_INPUT,
        purchaseRoute: "via-distributor",
        lines: [
          { lineId: "1", productId: "jira-cloud-monthly", userTier: 10 },
          { lineId: "2", productId: "jira-server", userTier: 500 },
          { lineId: "3", productId: "jira-dc", userTier: 500, action: "renewal" },
        ],
      },
      { asOf: "2026-03-17T10:00:00+01:00", catalog: TEST_CATALOG },
    );
    expect(errorsOf(result).map((error) => [error.code, error.path])).toEqual([
      ["L6_TWO_TIER_DISTRIBUTION", ["purchaseRoute"]],
      ["L12_RESELLER_CLOUD_MONTHLY", ["lines", 0, "productId"]],
      ["L16_PRODUCT_ENDED", ["lines", 1, "productId"]],
      ["L9_REQUIRED_FIELD_MISSING", ["lines", 2, "sen"]],
    ]);
  });

  it("L14: catalog-priced lines get the customer's discount; quoted prices are taken as final", () => {
    const policies = mergePolicySets(DEFAULT_POLICIES, {
      fulfilment: [],
      rental: [],
      vendors: [{ ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-np", effectiveFrom: "2026-01-01", discountPercent: { ...ATLASSIAN_RESELLER_POLICY.discountPercent, "non-profit": "75" } }],
    });
    const discounted = license(
      valueOf(
        receiveOrder({ ...LICENSE_ORDER_INPUT, eligibility: ["non-profit"] }, {
          asOf: "2026-03-17T10:00:00Z",
          catalog: TEST_CATALOG,
          policies,
        }),
      ).order,
    );
    // 21,000 and 8,000 less 75%: 5,250 + 2,000
    expect(discounted.lines.map((line) => line.discount.toFixed())).toEqual(["15750.00", "6000.00"]);
    expect(discounted.total.toFixed()).toBe("7250.00");
    const order = license(
      received({
        ...LICENSE_ORDER_INPUT,
        lines: [{ lineId: "1", productId: "jira-dc", userTier: 1000, action: "upgrade", sen: "SEN-1", unitPrice: { amount: "5180.82", currency: "EUR" } }],
      }),
    );
    expect(order.total.toFixed()).toBe("5180.82");
    const upgradeWithoutPrice = receiveOrder(
      { ...LICENSE_ORDER_INPUT, lines: [{ lineId: "1", productId: "jira-dc", userTier: 1000, action: "upgrade", sen: "SEN-1" }] },
      { asOf: "2026-03-17T10:00:00Z", catalog: TEST_CATALOG },
    );
    expect(errorsOf(upgradeWithoutPrice)[0]).toMatchObject({ code: "INVALID_INPUT", path: ["lines", 0, "unitPrice"] });
  });

  it("rejects a command the lifecycle does not allow in the current status", () => {
    const result = applyOrderCommand(received(LICENSE_ORDER_INPUT), { type: "invoice", invoiceNumber: "R-1" }, at("2026-03-17T12:00:00Z"));
    expect(errorsOf(result)[0]).toMatchObject({
      code: "ORDER_TRANSITION_NOT_ALLOWED",
      path: ["type"],
      details: { status: "received", command: "invoice", orderKind: "license" },
    });
    expect(errorsOf(result)[0]?.message).toBe('A license order in status received does not accept "invoice"; allowed: confirm, register-technical-contact, cancel');
  });

  it("P2: a stored order (JSON) loads with orderSchema and continues through the lifecycle; asOf without offset is refused", () => {
    const purchased = drive(received(LICENSE_ORDER_INPUT), [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase" }]);
    const loaded = orderSchema.parse(JSON.parse(JSON.stringify(purchased)));
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(JSON.parse(JSON.stringify(purchased)));
    const delivered = applyOrderCommand(loaded, { type: "deliver", keys: [{ lineId: "1", key: "K" }] }, at("2026-03-18T09:00:00Z"));
    expect(valueOf(delivered).order.status).toBe("delivered");
    expect(codesOf(applyOrderCommand(loaded, { type: "deliver", keys: [] }, at("2026-03-18T09:00:00")))).toEqual(["INVALID_INSTANT"]);
  });

  it("replays a command log and concatenates the events", () => {
    const result = valueOf(
      applyOrderCommands(received(LICENSE_ORDER_INPUT), [
        { command: { type: "confirm" }, context: at("2026-03-17T11:00:00Z") },
        { command: { type: "record-confirmation-sent" }, context: at("2026-03-17T11:01:00Z") },
        { command: { type: "purchase" }, context: at("2026-03-17T11:02:00Z") },
      ]),
    );
    expect(result.events.map((event) => event.type)).toEqual(["confirmation-to-send", "purchase-due", "vendor-verification-pending", "invoice-due"]);
  });
});

describe("service order lifecycle", () => {
  it("L1 + L2: confirming a service order sends the confirmation and creates the contact task due in 2 business days", () => {
    const order = received(SERVICE_ORDER_INPUT);
    // Thursday 2026-04-02: Good Friday and Easter Monday are holidays, so 2 business days end on Wednesday 04-08.
    const confirmed = valueOf(applyOrderCommand(order, { type: "confirm" }, at("2026-04-02T09:00:00+02:00")));
    expect(confirmed.order.status).toBe("confirmed");
    expect(eventOf(confirmed.events, "confirmation-to-send")?.document).toMatchObject({
      orderKind: "service",
      addressee: "Muster GmbH",
      items: [{ description: "Jira workshop", quantity: "2 days", amount: null }],
      total: null,
    });
    expect(eventOf(confirmed.events, "contact-customer-task")).toMatchObject({ team: "Atlassian consulting", dueBy: "2026-04-08", businessDays: 2 });
    const contacted = valueOf(applyOrderCommand(confirmed.order, { type: "record-customer-contact", note: "Workshop on 2026-04-20" }, at("2026-04-07T10:00:00Z")));
    expect(contacted.order).toMatchObject({ status: "customer-contacted", customerContactNote: "Workshop on 2026-04-20" });
    expect(contacted.events.map((event) => event.type)).toEqual(["contact-task-completed"]);
  });

  it("L2: service orders have no license steps", () => {
    const result = applyOrderCommand(received(SERVICE_ORDER_INPUT), { type: "purchase" }, at("2026-04-02T09:00:00Z"));
    expect(codesOf(result)).toEqual(["ORDER_TRANSITION_NOT_ALLOWED"]);
  });
});
