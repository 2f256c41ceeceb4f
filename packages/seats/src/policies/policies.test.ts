import { describe, expect, it } from "vitest";
import { evaluateSeats } from "../evaluation/evaluate-seats.js";
import { HistoryBuilder } from "../testing/history-builder.js";
import { errorsOf, unwrap } from "../testing/unwrap.js";
import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES } from "./default-policies.js";
import { policyInForce } from "./policy-in-force.js";
import { purchaseOrderWindowPoliciesSchema, purchaseOrderWindowPolicySchema } from "./purchase-order-window-policy.js";

// A vendor change (P1): from 2026-07-01 the reminder comes after 14 days and the window is 45.
const policies = [
  ...DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES,
  { effectiveFrom: "2026-07-01", reminderAfterDays: 14, windowDays: 45 },
];

describe("P1: window lengths are policy data", () => {
  it("the shipped default is seed 003's 30/60 days and validates", () => {
    expect(DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES).toEqual([{ effectiveFrom: "1970-01-01", reminderAfterDays: 30, windowDays: 60 }]);
    expect(purchaseOrderWindowPoliciesSchema.safeParse(DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES).success).toBe(true);
  });

  it("picks the latest policy whose effectiveFrom is on or before the date", () => {
    expect(policyInForce(policies, "2026-06-30")?.windowDays).toBe(60);
    expect(policyInForce(policies, "2026-07-01")?.windowDays).toBe(45);
    expect(policyInForce(policies, "1969-12-31")).toBeUndefined();
  });

  it("each PO keeps the policy in force on its local placement date, even when asOf is later", () => {
    const history = new HistoryBuilder()
      // 30 June 23:30 Berlin = 21:30 UTC: still under the old policy.
      .placed("OLD", { p: 1 }, "2026-06-30T23:30:00+02:00")
      .placed("NEW", { p: 1 }, "2026-07-01T00:30:00+02:00")
      .build();
    const orders = unwrap(evaluateSeats(history, { asOf: "2026-07-20T00:00:00+02:00", policies })).purchaseOrders;
    expect(orders.map((order) => [order.poId, order.reminderDay, order.lastDayToPay, order.state])).toEqual([
      ["OLD", "2026-07-30", "2026-08-29", "scenario-1"],
      ["NEW", "2026-07-15", "2026-08-15", "scenario-2"],
    ]);
  });

  it("a reminder mail says how many days are left under the PO's policy", () => {
    const history = new HistoryBuilder().placed("NEW", { p: 1 }, "2026-07-01T10:00:00+02:00").build();
    const mail = unwrap(evaluateSeats(history, { asOf: "2026-07-20T00:00:00+02:00", policies })).mails.find((candidate) => candidate.kind === "payment-reminder");
    expect(mail).toMatchObject({ id: "s5-reminder:NEW", dueAt: "2026-07-15T22:00:00.000Z", daysLeft: 31, lastDayToPay: "2026-08-15" });
  });

  it("refuses inconsistent policies and POs before any policy", () => {
    expect(purchaseOrderWindowPolicySchema.safeParse({ effectiveFrom: "2026-01-01", reminderAfterDays: 60, windowDays: 60 }).success).toBe(false);
    expect(purchaseOrderWindowPolicySchema.safeParse({ effectiveFrom: "2026-13-01", reminderAfterDays: 30, windowDays: 60 }).success).toBe(false);
    // P1: a day that does not exist (30 February, 29 February outside a leap year) is refused; 29 February 2028 is fine.
    for (const effectiveFrom of ["2027-02-30", "2027-02-29", "2026-04-31"]) {
      const refused = purchaseOrderWindowPolicySchema.safeParse({ effectiveFrom, reminderAfterDays: 30, windowDays: 60 });
      expect(refused.success ? [] : refused.error.issues.map((issue) => issue.path)).toEqual([["effectiveFrom"]]);
    }
    expect(purchaseOrderWindowPolicySchema.safeParse({ effectiveFrom: "2028-02-29", reminderAfterDays: 30, windowDays: 60 }).success).toBe(true);
    expect(purchaseOrderWindowPoliciesSchema.safeParse([policies[1], policies[1]]).success).toBe(false);
    const late = [{ effectiveFrom: "2027-01-01", reminderAfterDays: 30, windowDays: 60 }];
    const history = new HistoryBuilder().placed("PO", { p: 1 }, "2026-07-01T10:00:00+02:00").build();
    expect(errorsOf(evaluateSeats(history, { asOf: "2026-07-02T00:00:00+02:00", policies: late }))).toMatchObject([
      { code: "P1_NO_POLICY_IN_FORCE", path: ["history", 0, "at"] },
    ]);
  });
});
