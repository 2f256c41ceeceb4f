import type { PurchaseOrderWindowPolicy } from "../policies/purchase-order-window-policy.js";

/** Options every command takes besides `asOf` (see {@link EvaluateSeatsOptions}). */
export interface SeatCommandOptions {
  /** The organization's IANA zone (default `Europe/Berlin`). */
  readonly zone?: string;
  /** Window policies (P1); default {@link DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES}. */
  readonly policies?: readonly PurchaseOrderWindowPolicy[];
}
