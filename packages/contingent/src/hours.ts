import { formatRatioSafe } from "./billing/exact-amount.js";

/**
 * Minutes as an exact decimal hour string for people and documents: `450` → `"7.5"`,
 * `-150` → `"-2.5"`. Exact whenever the hours terminate within 4 decimals (always for
 * 15-minute steps); otherwise rounded half-up to 4 decimals.
 */
export function minutesToHours(minutes: number): string {
  return formatRatioSafe(minutes, 60, 4);
}
