import type { DiscountEligibility } from "./discount-eligibility.js";
import type { VendorPolicy } from "./vendor-policy.js";
import { decimal } from "@kontor/money";

/** The discount a customer gets (L14): which eligibility granted it and the percentage. */
export interface AppliedDiscount {
  /** The eligibility with the highest percentage, or `null` when none applies. */
  readonly eligibility: DiscountEligibility | null;
  /** The percentage as a decimal string ("0" when none). */
  readonly percent: string;
}

/**
 * L14: the discount of a customer with the given eligibility flags under `policy`. Discounts do
 * not stack; the highest percentage applies (ties: the first flag listed).
 */
export function discountFor(eligibilities: readonly DiscountEligibility[], policy: VendorPolicy): AppliedDiscount {
  let best: AppliedDiscount = { eligibility: null, percent: "0" };
  for (const eligibility of eligibilities) {
    const percent = policy.discountPercent[eligibility];
    if (decimal(percent).greaterThan(decimal(best.percent))) best = { eligibility, percent };
  }
  return best;
}
