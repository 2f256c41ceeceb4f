import type { RentalBillingQuantity } from "../policies/rental-policy.js";
import type { QuantityChange } from "./rental-subscription.js";

/**
 * M5: the quantity a month is billed for, from the history of totals. `highest-in-month` takes
 * the highest total held at any moment of `[monthStart, monthEnd)`: the total in force at the
 * month's start and every total set during the month (18 → 40 → 25 bills 40). `end-of-month`
 * takes the total held at the month's end. 0 when nothing was held in the month.
 *
 * @param history totals in the order they were set; `at` as epoch milliseconds
 * @param monthStart first instant of the month in the customer's zone (epoch ms)
 * @param monthEnd first instant of the next month (epoch ms)
 */
export function billableQuantity(
  history: readonly { readonly atMs: number; readonly quantity: number }[],
  monthStart: number,
  monthEnd: number,
  mode: RentalBillingQuantity,
): number {
  let heldAtStart = 0;
  let highest = 0;
  let latest = 0;
  for (const change of history) {
    if (change.atMs < monthStart) heldAtStart = change.quantity;
    else if (change.atMs < monthEnd) highest = Math.max(highest, change.quantity);
    if (change.atMs < monthEnd) latest = change.quantity;
  }
  return mode === "highest-in-month" ? Math.max(heldAtStart, highest) : latest;
}

/** Converts stored changes (ISO instants) to epoch milliseconds for {@link billableQuantity}. */
export function historyMillis(history: readonly QuantityChange[]): { atMs: number; quantity: number }[] {
  return history.map((change) => ({ atMs: Date.parse(change.at), quantity: change.quantity }));
}
