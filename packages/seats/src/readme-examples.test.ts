// Every example of README.md, with its commented results as assertions. Imports go through the
// package entry point, as a consumer's would.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES,
  type SeatEvent,
  evaluateSeats,
  mustBePaidCsv,
  noAccessCsv,
  noticeTextDe,
  purchaseOrderDayEnd,
  unassignUser,
} from "./index.js";

function readmeHistory(): SeatEvent[] {
  const history: SeatEvent[] = [
    { type: "licenses-bought", id: "e1", at: "2026-01-05T08:00:00+01:00", productId: "cc", quantity: 45 },
  ];
  for (let n = 1; n <= 45; n++) {
    const minute = String(n).padStart(2, "0");
    history.push({ type: "user-assigned", id: `a${n}`, at: `2026-01-05T09:${minute}:00+01:00`, productId: "cc", userId: `u${minute}` });
  }
  history.push({ type: "purchase-order-placed", id: "e2", at: "2026-03-02T10:00:00+01:00", poId: "PO-1", lines: [{ productId: "cc", quantity: 5 }] });
  for (let n = 46; n <= 50; n++) {
    history.push({ type: "user-assigned", id: `a${n}`, at: `2026-03-02T11:${n}:00+01:00`, productId: "cc", userId: `u${n}` });
  }
  return history;
}

describe("README examples", () => {
  const history = readmeHistory();

  it("the seed's worked example", () => {
    const result = evaluateSeats(history, { asOf: "2026-03-03T12:00:00+01:00" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [cc] = result.value.products;
    expect(cc?.used).toBe(50);
    expect(cc?.available).toBe(45);
    expect(cc?.mustBePaid).toBe(5);
    expect(cc?.mustBePaidUsers.map((user) => user.userId)).toEqual(["u46", "u47", "u48", "u49", "u50"]);
    expect(result.value.notices[0]).toMatchObject({ kind: "payment-required", scenario: 1, unpaidLicenses: 5, mustBePaidUsers: 5, lastDayShown: "2026-04-01" });
  });

  it("commands: unassigning a paid user (S7)", () => {
    const outcome = unassignUser(history, { id: "e3", productId: "cc", userId: "u10" }, "2026-03-05T09:00:00+01:00");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.effects).toEqual([{ type: "moved-onto-paid-license", productId: "cc", userId: "u46" }]);
    expect(outcome.value.evaluation.notices[0]).toMatchObject({ unpaidLicenses: 5, mustBePaidUsers: 4 });
    expect(outcome.value.history.length).toBe(history.length + 1);
  });

  it("an hourly job", () => {
    const previousRun = "2026-05-01T21:00:00Z";
    const now = "2026-05-01T22:00:00Z";
    const due = evaluateSeats(history, { asOf: now, mailsAfter: previousRun });
    expect(due.ok).toBe(true);
    if (!due.ok) return;
    expect(due.value.mails.map((mail) => mail.id)).toEqual([
      "s8-suspended:PO-1",
      "s8-withdrawn:PO-1:cc:u46",
      "s8-withdrawn:PO-1:cc:u47",
      "s8-withdrawn:PO-1:cc:u48",
      "s8-withdrawn:PO-1:cc:u49",
      "s8-withdrawn:PO-1:cc:u50",
    ]);
    expect(due.value.flags).toEqual({ paymentOutstanding: true, purchaseOrdersBlocked: true });
  });

  it("downloading the lists", () => {
    const today = evaluateSeats(history, { asOf: "2026-03-03T12:00:00+01:00" });
    expect(today.ok).toBe(true);
    if (!today.ok) return;
    expect(mustBePaidCsv(today.value.products).startsWith(
      "product_id,user_id,email,display_name,assigned_at,loses_access_at\r\ncc,u46,,,2026-03-02T10:46:00.000Z,2026-05-01T22:00:00.000Z\r\n",
    )).toBe(true);
    expect(noAccessCsv(today.value.products)).toBe("product_id,user_id,email,display_name,assigned_at,lost_access_at,reason,cause_id\r\n");
  });

  it("boundaries, zones and policies", () => {
    expect(purchaseOrderDayEnd("2026-09-01T09:00:00+02:00", 60)).toEqual({ ok: true, value: "2026-10-31T23:00:00.000Z" });
    expect(purchaseOrderDayEnd("2026-02-20T10:00:00-05:00", 30, "America/New_York")).toEqual({ ok: true, value: "2026-03-23T04:00:00.000Z" });
    const policies = [...DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES, { effectiveFrom: "2026-07-01", reminderAfterDays: 14, windowDays: 45 }];
    const shorter = evaluateSeats(
      [{ type: "purchase-order-placed", id: "p1", at: "2026-07-01T10:00:00+02:00", poId: "PO-7", lines: [{ productId: "cc", quantity: 2 }] }],
      { asOf: "2026-07-02T00:00:00+02:00", policies },
    );
    expect(shorter.ok && shorter.value.purchaseOrders[0]?.lastDayToPay).toBe("2026-08-15");
  });

  it("notice texts", () => {
    expect(noticeTextDe({ kind: "settlement-done", settledAt: "2026-05-10T07:00:00.000Z", purchaseOrders: 1 })).toMatchObject({
      title: "Begleichung aller unbezahlten Lizenzen veranlasst",
      actions: [],
    });
  });
});
