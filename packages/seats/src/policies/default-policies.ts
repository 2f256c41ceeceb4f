import type { PurchaseOrderWindowPolicy } from "./purchase-order-window-policy.js";

/**
 * The shipped default (seed 003): reminder after day 30, window closes after day 60. In force
 * from 1970-01-01 so that every realistic history has a policy.
 */
export const DEFAULT_PURCHASE_ORDER_WINDOW_POLICY: PurchaseOrderWindowPolicy = Object.freeze({
  effectiveFrom: "1970-01-01",
  reminderAfterDays: 30,
  windowDays: 60,
});

/** The shipped default policy list (one entry, see {@link DEFAULT_PURCHASE_ORDER_WINDOW_POLICY}). */
export const DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES: readonly PurchaseOrderWindowPolicy[] =
  Object.freeze([DEFAULT_PURCHASE_ORDER_WINDOW_POLICY]);
