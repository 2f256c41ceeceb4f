import { describe, expect, it } from "vitest";
import { payPurchaseOrder } from "../commands/pay-purchase-order.js";
import { placePurchaseOrder } from "../commands/place-purchase-order.js";
import { unassignUser } from "../commands/unassign-user.js";
import { workedExample, userId } from "../testing/history-builder.js";
import { errorsOf, unwrap } from "../testing/unwrap.js";
import { evaluateSeats } from "./evaluate-seats.js";
import type { ProductSeats } from "./seat-evaluation.js";

// Seed 003's worked example (see `workedExample`): 45 paid licenses, 50 assigned users, PO-1 for
// 5 licenses placed 2026-03-02 10:00 Berlin. Day 30 ends 2026-04-02 00:00 CEST, day 60 ends
// 2026-05-02 00:00 CEST.
const DAY_30_END = "2026-04-01T22:00:00.000Z";
const DAY_60_END = "2026-05-01T22:00:00.000Z";
const history = workedExample().build();

const cc = (products: readonly ProductSeats[]): ProductSeats => {
  const product = products.find((candidate) => candidate.productId === "cc");
  if (product === undefined) throw new Error("no product cc");
  return product;
};
const ids = (users: readonly { userId: string }[]): string[] => users.map((user) => user.userId);
const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => userId(from + i));

describe("seed 003 worked example", () => {
  it("S3/S4: 50 used / 45 available, 5 must be paid, the list names the 5 users assigned last", () => {
    const evaluation = unwrap(evaluateSeats(history, { asOf: "2026-03-03T12:00:00+01:00" }));
    const product = cc(evaluation.products);
    expect(product).toMatchObject({ used: 50, available: 45, deficit: 5, mustBePaid: 5, unpaidInWindow: 5, noAccess: 0 });
    expect(ids(product.mustBePaidUsers)).toEqual(range(46, 50));
    expect(product.mustBePaidUsers[0]).toMatchObject({
      userId: "u46",
      email: "u46@example.com",
      assignedAt: "2026-03-02T10:46:00.000Z",
      losesAccessAt: DAY_60_END,
    });
    expect(evaluation.notices).toEqual([
      {
        kind: "payment-required",
        scenario: 1,
        poId: "PO-1",
        productId: "cc",
        unpaidLicenses: 5,
        mustBePaidUsers: 5,
        shownUntil: DAY_30_END,
        lastDayShown: "2026-04-01",
        lastDayToPay: "2026-05-01",
        windowEndsAt: DAY_60_END,
      },
    ]);
    expect(evaluation.flags).toEqual({ paymentOutstanding: false, purchaseOrdersBlocked: false });
  });

  it("S1: every user got an access mail when assigned, including those on unpaid licenses", () => {
    const evaluation = unwrap(evaluateSeats(history, { asOf: "2026-03-03T12:00:00+01:00" }));
    const granted = evaluation.mails.filter((mail) => mail.kind === "access-granted");
    expect(granted).toHaveLength(50);
    expect(granted.at(-1)).toEqual({
      id: "s1-access-granted:cc:u50:e52",
      kind: "access-granted",
      dueAt: "2026-03-02T10:50:00.000Z",
      to: { role: "user", userId: "u50", email: "u50@example.com" },
      productId: "cc",
    });
  });

  it("S7: unassigning a paid user moves the first waiting user onto the freed license; the notice still says 5, the list names 4", () => {
    const outcome = unwrap(unassignUser(history, { id: "x1", productId: "cc", userId: "u10" }, "2026-03-05T09:00:00+01:00"));
    expect(outcome.effects).toEqual([{ type: "moved-onto-paid-license", productId: "cc", userId: "u46" }]);
    const product = cc(outcome.evaluation.products);
    expect(product).toMatchObject({ used: 49, available: 45, deficit: 4, mustBePaid: 5 });
    expect(ids(product.mustBePaidUsers)).toEqual(range(47, 50));
    expect(outcome.evaluation.notices[0]).toMatchObject({ kind: "payment-required", unpaidLicenses: 5, mustBePaidUsers: 4 });
  });

  it("S7: unassigning a user who is on the list only shortens the list", () => {
    const outcome = unwrap(unassignUser(history, { id: "x1", productId: "cc", userId: "u48" }, "2026-03-05T09:00:00+01:00"));
    expect(outcome.effects).toEqual([]);
    expect(ids(cc(outcome.evaluation.products).mustBePaidUsers)).toEqual(["u46", "u47", "u49", "u50"]);
  });

  it("S5: one reminder to the admin at the end of day 30, not a millisecond earlier", () => {
    const before = unwrap(evaluateSeats(history, { asOf: "2026-04-01T21:59:59.999Z" }));
    expect(before.mails.filter((mail) => mail.kind === "payment-reminder")).toEqual([]);
    expect(before.notices[0]).toMatchObject({ scenario: 1 });
    const after = unwrap(evaluateSeats(history, { asOf: DAY_30_END }));
    expect(after.mails.filter((mail) => mail.kind === "payment-reminder")).toEqual([
      {
        id: "s5-reminder:PO-1",
        kind: "payment-reminder",
        dueAt: DAY_30_END,
        to: { role: "admin" },
        poId: "PO-1",
        lines: [{ productId: "cc", licenses: 5, usersWithoutAccess: 0 }],
        lastDayToPay: "2026-05-01",
        withdrawalAt: DAY_60_END,
        daysLeft: 30,
      },
    ]);
    expect(after.notices[0]).toMatchObject({ scenario: 2, shownUntil: DAY_60_END, lastDayShown: "2026-05-01" });
  });

  it("S6/S8: at the end of day 60 the 5 users assigned last lose access, the admin and each user get a mail, POs are blocked", () => {
    const before = unwrap(evaluateSeats(history, { asOf: "2026-05-01T21:59:59.999Z" }));
    expect(cc(before.products)).toMatchObject({ used: 50, noAccess: 0 });
    const after = unwrap(evaluateSeats(history, { asOf: DAY_60_END }));
    const product = cc(after.products);
    expect(product).toMatchObject({ used: 45, available: 45, deficit: 0, mustBePaid: 5, suspended: 5, unpaidInWindow: 0, noAccess: 5 });
    expect(product.mustBePaidUsers).toEqual([]);
    expect(ids(product.noAccessUsers)).toEqual(range(46, 50));
    expect(product.noAccessUsers[0]).toMatchObject({ lostAccessAt: DAY_60_END, reason: "unpaid", causeId: "PO-1" });
    expect(after.flags).toEqual({ paymentOutstanding: true, purchaseOrdersBlocked: true });
    expect(after.notices).toEqual([
      {
        kind: "licenses-suspended",
        scenario: 3,
        poId: "PO-1",
        productId: "cc",
        suspendedLicenses: 5,
        usersWithoutAccess: 5,
        suspendedAt: DAY_60_END,
        lastDayToPay: "2026-05-01",
      },
    ]);
    const mails = after.mails.filter((mail) => mail.dueAt === DAY_60_END);
    expect(mails.map((mail) => mail.id)).toEqual([
      "s8-suspended:PO-1",
      ...range(46, 50).map((user) => `s8-withdrawn:PO-1:cc:${user}`),
    ]);
    expect(mails[0]).toMatchObject({ kind: "licenses-suspended", suspendedLicenses: 5, lines: [{ productId: "cc", licenses: 5, usersWithoutAccess: 5 }] });
    expect(mails[1]).toMatchObject({ kind: "access-withdrawn", to: { role: "user", userId: "u46", email: "u46@example.com" }, reason: "unpaid" });
  });

  it("S8: while payment is outstanding no further purchase order can be placed", () => {
    const refused = placePurchaseOrder(history, { id: "x1", poId: "PO-2", lines: [{ productId: "cc", quantity: 1 }] }, "2026-05-05T10:00:00+02:00");
    expect(errorsOf(refused)).toEqual([
      { code: "S8_PURCHASE_ORDERS_BLOCKED", message: "Payment is outstanding: no further purchase orders until it is arranged", path: ["command"] },
    ]);
  });

  it("S8: with every unpaid license unassigned the must-be-paid list is empty but the notice remains", () => {
    let next = history;
    for (const user of range(46, 50)) {
      next = unwrap(unassignUser(next, { id: `x-${user}`, productId: "cc", userId: user }, "2026-04-10T10:00:00+02:00")).history;
    }
    const evaluation = unwrap(evaluateSeats(next, { asOf: "2026-04-20T10:00:00+02:00" }));
    expect(cc(evaluation.products)).toMatchObject({ used: 45, available: 45, deficit: 0, mustBePaid: 5, mustBePaidUsers: [] });
    expect(evaluation.notices).toMatchObject([{ kind: "payment-required", scenario: 2, unpaidLicenses: 5, mustBePaidUsers: 0 }]);
    // Nobody loses access at day 60, but the licenses are suspended and POs are blocked.
    const later = unwrap(evaluateSeats(next, { asOf: "2026-05-03T10:00:00+02:00" }));
    expect(cc(later.products)).toMatchObject({ used: 45, noAccess: 0, suspended: 5 });
    expect(later.mails.filter((mail) => mail.kind === "access-withdrawn")).toEqual([]);
    expect(later.mails.find((mail) => mail.id === "s8-suspended:PO-1")).toMatchObject({ suspendedLicenses: 5, lines: [{ usersWithoutAccess: 0 }] });
    expect(later.flags.purchaseOrdersBlocked).toBe(true);
  });

  it("S9: after payment all of them regain access, get a mail, and POs are possible again", () => {
    const paidAt = "2026-05-10T09:00:00+02:00";
    const outcome = unwrap(payPurchaseOrder(history, { id: "pay-1", poId: "PO-1" }, paidAt));
    expect(outcome.effects).toEqual(range(46, 50).map((user) => ({ type: "access-restored", productId: "cc", userId: user })));
    expect(outcome.mails.map((mail) => mail.id)).toEqual(range(46, 50).map((user) => `s9-restored:pay-1:cc:${user}`));
    const product = cc(outcome.evaluation.products);
    expect(product).toMatchObject({ used: 50, available: 50, deficit: 0, mustBePaid: 0, suspended: 0, noAccess: 0 });
    expect(outcome.evaluation.flags).toEqual({ paymentOutstanding: false, purchaseOrdersBlocked: false });
    expect(outcome.evaluation.notices).toEqual([{ kind: "settlement-done", settledAt: "2026-05-10T07:00:00.000Z", purchaseOrders: 1 }]);
    const next = placePurchaseOrder(outcome.history, { id: "x2", poId: "PO-2", lines: [{ productId: "cc", quantity: 3 }] }, "2026-05-11T09:00:00+02:00");
    expect(next.ok).toBe(true);
  });

  it("S2: payment within the window turns the 5 licenses into paid ones; nobody ever loses access", () => {
    const outcome = unwrap(payPurchaseOrder(history, { id: "pay-1", poId: "PO-1" }, "2026-05-01T23:59:59.999+02:00"));
    expect(outcome.effects).toEqual(range(46, 50).map((user) => ({ type: "moved-onto-paid-license", productId: "cc", userId: user })));
    const later = unwrap(evaluateSeats(outcome.history, { asOf: "2026-07-01T00:00:00+02:00" }));
    expect(cc(later.products)).toMatchObject({ used: 50, available: 50, noAccess: 0, mustBePaid: 0 });
    expect(later.mails.map((mail) => mail.kind)).not.toContain("access-withdrawn");
    expect(later.mails.map((mail) => mail.kind)).not.toContain("licenses-suspended");
  });

  it("S2: a payment at exactly the end of day 60 is late: the suspension happened first, then access is restored", () => {
    const outcome = unwrap(payPurchaseOrder(history, { id: "pay-1", poId: "PO-1" }, DAY_60_END));
    const kinds = unwrap(evaluateSeats(outcome.history, { asOf: DAY_60_END })).mails.filter((mail) => mail.dueAt === DAY_60_END).map((mail) => mail.kind);
    expect(kinds).toEqual(["licenses-suspended", ...Array<string>(5).fill("access-withdrawn"), ...Array<string>(5).fill("access-restored")]);
  });
});
