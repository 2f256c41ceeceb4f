import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { HistoryBuilder } from "../testing/history-builder.js";
import { errorsOf, unwrap } from "../testing/unwrap.js";
import { assignUser } from "./assign-user.js";
import { buyLicenses } from "./buy-licenses.js";
import { openRenewalPeriod } from "./open-renewal-period.js";
import { payPurchaseOrder } from "./pay-purchase-order.js";
import { placePurchaseOrder } from "./place-purchase-order.js";
import { renewLicenses } from "./renew-licenses.js";
import { unassignUser } from "./unassign-user.js";

const t0 = "2026-03-02T10:00:00+01:00";

describe("commands: (history, command, asOf) → new history and events", () => {
  it("S1: placing a PO appends the event at asOf and leaves the input history untouched", () => {
    const history = new HistoryBuilder().bought("p", 1, "2026-03-01T10:00:00+01:00").build();
    const outcome = unwrap(placePurchaseOrder(history, { id: "c1", poId: "PO-1", lines: [{ productId: "p", quantity: 5 }] }, t0));
    expect(history).toHaveLength(1);
    expect(outcome.history).toHaveLength(2);
    expect(outcome.event).toEqual({ type: "purchase-order-placed", id: "c1", at: t0, poId: "PO-1", lines: [{ productId: "p", quantity: 5 }] });
    expect(outcome.evaluation.notices).toMatchObject([{ kind: "payment-required", scenario: 1, unpaidLicenses: 5 }]);
    expect(outcome.mails).toEqual([]);
  });

  it("S1: assigning a user returns the access mail it caused", () => {
    const history = new HistoryBuilder().placed("PO-1", { p: 1 }, t0).build();
    const outcome = unwrap(assignUser(history, { id: "c1", productId: "p", userId: "ana", email: "ana@example.com", displayName: "Ana" }, "2026-03-02T11:00:00+01:00"));
    expect(outcome.event).toEqual({ type: "user-assigned", id: "c1", at: "2026-03-02T11:00:00+01:00", productId: "p", userId: "ana", email: "ana@example.com", displayName: "Ana" });
    expect(outcome.mails).toEqual([
      { id: "s1-access-granted:p:ana:c1", kind: "access-granted", dueAt: "2026-03-02T10:00:00.000Z", to: { role: "user", userId: "ana", email: "ana@example.com" }, productId: "p" },
    ]);
    expect(outcome.evaluation.products[0]?.mustBePaidUsers).toMatchObject([{ userId: "ana", displayName: "Ana" }]);
  });

  it("asOf may be a luxon DateTime; the event stores its ISO form", () => {
    const asOf = DateTime.fromISO("2026-03-02T11:00:00", { zone: "Europe/Berlin" });
    const outcome = unwrap(buyLicenses([], { id: "c1", productId: "p", quantity: 3 }, asOf));
    expect(outcome.event.at).toBe("2026-03-02T11:00:00.000+01:00");
    expect(outcome.evaluation.products[0]).toMatchObject({ available: 3 });
  });

  it("S3: assigning beyond the licenses is refused with a code and the command's field", () => {
    const history = new HistoryBuilder().bought("p", 1, t0).assigned("p", "a", t0).build();
    expect(errorsOf(assignUser(history, { id: "c1", productId: "p", userId: "b" }, "2026-03-03T10:00:00+01:00"))).toEqual([
      { code: "S3_NO_LICENSE_AVAILABLE", message: "All 1 licenses of p are assigned", path: ["command", "productId"] },
    ]);
    expect(errorsOf(assignUser(history, { id: "c1", productId: "p", userId: "a" }, "2026-03-03T10:00:00+01:00"))).toMatchObject([{ code: "S3_ALREADY_ASSIGNED" }]);
  });

  it("S3: unassigning someone who is not assigned is refused", () => {
    expect(errorsOf(unassignUser([], { id: "c1", productId: "p", userId: "a" }, t0))).toMatchObject([{ code: "S3_NOT_ASSIGNED", path: ["command", "userId"] }]);
  });

  it("S2: paying an unknown or paid PO is refused", () => {
    const history = new HistoryBuilder().placed("PO-1", { p: 1 }, t0).paid("PO-1", "2026-03-03T10:00:00+01:00").build();
    expect(errorsOf(payPurchaseOrder(history, { id: "c1", poId: "PO-9" }, "2026-03-04T10:00:00+01:00"))).toMatchObject([{ code: "S2_UNKNOWN_PURCHASE_ORDER" }]);
    expect(errorsOf(payPurchaseOrder(history, { id: "c1", poId: "PO-1" }, "2026-03-04T10:00:00+01:00"))).toMatchObject([{ code: "S2_PURCHASE_ORDER_ALREADY_PAID" }]);
  });

  it("S10: commands append in time order; an asOf before the last event is refused", () => {
    const history = new HistoryBuilder().bought("p", 1, "2026-03-05T10:00:00+01:00").build();
    expect(errorsOf(buyLicenses(history, { id: "c1", productId: "p", quantity: 1 }, t0))).toMatchObject([{ code: "S10_COMMAND_BEFORE_HISTORY", path: ["asOf"] }]);
    // The same instant is fine.
    expect(buyLicenses(history, { id: "c1", productId: "p", quantity: 1 }, "2026-03-05T10:00:00+01:00").ok).toBe(true);
  });

  it("invalid command input comes back as errors with paths, never as an exception", () => {
    const bad = placePurchaseOrder([], { id: "", poId: "PO", lines: [{ productId: "p", quantity: 0 }] }, t0);
    expect(errorsOf(bad).map((error) => [error.code, error.path])).toEqual([
      ["S10_INVALID_INPUT", ["command", "id"]],
      ["S10_INVALID_INPUT", ["command", "lines", 0, "quantity"]],
    ]);
    const duplicateLines = placePurchaseOrder([], { id: "c", poId: "PO", lines: [{ productId: "p", quantity: 1 }, { productId: "p", quantity: 2 }] }, t0);
    expect(errorsOf(duplicateLines)).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["command", "lines"] }]);
    expect(errorsOf(buyLicenses([], { id: "c", productId: "p", quantity: 1 }, "yesterday"))).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["options", "asOf"] }]);
    expect(errorsOf(buyLicenses([], { id: "c", productId: "p", quantity: 1 }, t0, { zone: "Nowhere/City" }))).toMatchObject([{ code: "P2_UNKNOWN_ZONE" }]);
  });

  it("a broken history is reported before anything is appended", () => {
    const broken = new HistoryBuilder().unassigned("p", "ghost", "2026-03-01T10:00:00+01:00").build();
    expect(errorsOf(buyLicenses(broken, { id: "c", productId: "p", quantity: 1 }, t0))).toMatchObject([{ code: "S3_NOT_ASSIGNED", path: ["history", 0, "userId"] }]);
  });

  it("S4 remedy: buying the missing licenses moves every waiting user onto a paid license", () => {
    const history = new HistoryBuilder().bought("p", 1, t0).placed("PO", { p: 2 }, t0).assigned("p", "a", t0).assigned("p", "b", "2026-03-02T11:00:00+01:00").assigned("p", "c", "2026-03-02T12:00:00+01:00").build();
    const outcome = unwrap(buyLicenses(history, { id: "c1", productId: "p", quantity: 2 }, "2026-03-03T10:00:00+01:00"));
    expect(outcome.effects).toEqual([
      { type: "moved-onto-paid-license", productId: "p", userId: "b" },
      { type: "moved-onto-paid-license", productId: "p", userId: "c" },
    ]);
    expect(outcome.evaluation.products[0]).toMatchObject({ used: 3, available: 3, deficit: 0, mustBePaid: 2 });
  });

  it("S3: renewal commands open a period and renew licenses", () => {
    const history = new HistoryBuilder().bought("p", 3, t0).assigned("p", "a", t0).build();
    const opened = unwrap(openRenewalPeriod(history, { id: "r1", productId: "p", endsAt: "2026-04-01T00:00:00+02:00" }, "2026-03-03T10:00:00+01:00"));
    // 3 licenses due, none renewed: the one assigned user would lose access.
    expect(opened.evaluation.products[0]?.mustBeRenewed).toBe(1);
    const renewed = unwrap(renewLicenses(opened.history, { id: "r2", productId: "p", quantity: 2 }, "2026-03-04T10:00:00+01:00"));
    expect(renewed.event).toMatchObject({ type: "licenses-renewed", quantity: 2 });
    expect(renewed.evaluation.products[0]?.mustBeRenewed).toBe(0);
    const after = unwrap(buyLicenses(renewed.history, { id: "r3", productId: "q", quantity: 1 }, "2026-04-02T10:00:00+02:00"));
    expect(after.evaluation.products.find((product) => product.productId === "p")).toMatchObject({ available: 2, used: 1 });
  });

  it("uses the zone and policies given in the options", () => {
    const policies = [{ effectiveFrom: "2026-01-01", reminderAfterDays: 10, windowDays: 20 }];
    const outcome = unwrap(placePurchaseOrder([], { id: "c1", poId: "PO", lines: [{ productId: "p", quantity: 1 }] }, "2026-03-02T10:00:00-05:00", { zone: "America/New_York", policies }));
    expect(outcome.evaluation.purchaseOrders[0]).toMatchObject({ reminderDay: "2026-03-12", reminderAt: "2026-03-13T04:00:00.000Z", lastDayToPay: "2026-03-22", windowEndsAt: "2026-03-23T04:00:00.000Z" });
    expect(outcome.evaluation.zone).toBe("America/New_York");
  });
});
