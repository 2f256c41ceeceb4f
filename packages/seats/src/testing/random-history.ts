import fc from "fast-check";
import { assignUser } from "../commands/assign-user.js";
import { buyLicenses } from "../commands/buy-licenses.js";
import { payPurchaseOrder } from "../commands/pay-purchase-order.js";
import { placePurchaseOrder } from "../commands/place-purchase-order.js";
import { unassignUser } from "../commands/unassign-user.js";
import type { SeatCommandOutcome } from "../commands/seat-command-outcome.js";
import type { SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";

/** Test helper: one admin action, at a minute offset from the start of the history. */
export type Action =
  | { readonly kind: "assign"; readonly minute: number; readonly product: string; readonly user: string }
  | { readonly kind: "unassign"; readonly minute: number; readonly product: string; readonly user: string }
  | { readonly kind: "place"; readonly minute: number; readonly product: string; readonly quantity: number }
  | { readonly kind: "pay"; readonly minute: number; readonly po: number }
  | { readonly kind: "buy"; readonly minute: number; readonly product: string; readonly quantity: number };

/** 2026-02-01 00:00 Berlin; the generated histories span 90 days from here (across the DST change). */
export const HISTORY_START_MS = Date.UTC(2026, 0, 31, 23);
const MINUTES = 90 * 24 * 60;

const product = fc.constantFrom("p", "p", "p", "q");
const user = fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8");
const minute = fc.integer({ min: 0, max: MINUTES });

const randomActions: fc.Arbitrary<Action[]> = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("assign" as const), minute, product, user }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("unassign" as const), minute, product, user }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("place" as const), minute, product, quantity: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("pay" as const), minute, po: fc.integer({ min: 0, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("buy" as const), minute, product, quantity: fc.integer({ min: 1, max: 3 }) }) },
  ),
  { minLength: 5, maxLength: 60, size: "medium" },
);

/**
 * Arbitrary admin actions over 90 days (not yet sorted; some will be refused): a start with paid
 * licenses and a purchase order in the first days, so that most later actions are accepted.
 */
export const actionsArbitrary: fc.Arbitrary<Action[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 0, max: 10 * 24 * 60 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 60 * 24 * 60, max: MINUTES }),
    randomActions,
  )
  .map(([paid, poMinute, poQuantity, latePayment, rest]) => [
    { kind: "buy" as const, minute: 0, product: "p", quantity: paid },
    { kind: "place" as const, minute: poMinute, product: "p", quantity: poQuantity },
    ...rest,
    // Often after the first window has closed: exercises S9.
    { kind: "pay" as const, minute: latePayment, po: 0 },
  ]);

/** The ISO instant of a minute offset. */
export function minuteIso(minuteOffset: number): string {
  return new Date(HISTORY_START_MS + minuteOffset * 60_000).toISOString();
}

/**
 * Applies the actions in time order through the public commands; refused ones leave the history
 * unchanged. Calls `afterEach` with every accepted outcome. The result is a valid history.
 */
export function historyFromActions(
  actions: readonly Action[],
  afterEach?: (outcome: SeatCommandOutcome) => void,
): SeatHistory {
  let history: SeatHistory = [];
  const sorted = [...actions].sort((a, b) => a.minute - b.minute);
  sorted.forEach((action, n) => {
    const id = `a${n}`;
    const asOf = minuteIso(action.minute);
    let result: SeatResult<SeatCommandOutcome>;
    switch (action.kind) {
      case "assign":
        result = assignUser(history, { id, productId: action.product, userId: action.user }, asOf);
        break;
      case "unassign":
        result = unassignUser(history, { id, productId: action.product, userId: action.user }, asOf);
        break;
      case "place":
        result = placePurchaseOrder(history, { id, poId: `PO-${n}`, lines: [{ productId: action.product, quantity: action.quantity }] }, asOf);
        break;
      case "pay": {
        const placed = history.filter((event) => event.type === "purchase-order-placed");
        const target = placed[action.po % Math.max(1, placed.length)];
        if (target === undefined) return;
        result = payPurchaseOrder(history, { id, poId: target.poId }, asOf);
        break;
      }
      case "buy":
        result = buyLicenses(history, { id, productId: action.product, quantity: action.quantity }, asOf);
        break;
    }
    if (!result.ok) return;
    history = result.value.history;
    afterEach?.(result.value);
  });
  return history;
}
