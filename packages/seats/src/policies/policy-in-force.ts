import type { PurchaseOrderWindowPolicy } from "./purchase-order-window-policy.js";

/**
 * The policy in force on `localDate` (`YYYY-MM-DD`): the one with the latest `effectiveFrom` on
 * or before it, or `undefined` when none is in force yet (RULES.md P1).
 */
export function policyInForce(
  policies: readonly PurchaseOrderWindowPolicy[],
  localDate: string,
): PurchaseOrderWindowPolicy | undefined {
  let best: PurchaseOrderWindowPolicy | undefined;
  for (const policy of policies) {
    if (policy.effectiveFrom <= localDate && (best === undefined || policy.effectiveFrom > best.effectiveFrom)) {
      best = policy;
    }
  }
  return best;
}
