import type { Money } from "@kontor/money";
import type { AppliedDiscount } from "../policies/discount.js";

/** The amounts of one priced line. */
export interface LineAmount {
  /** Before discount: unit price × quantity. */
  readonly listAmount: Money;
  readonly discountPercent: string;
  /** The discount, rounded half-up to the cent. */
  readonly discount: Money;
  /** `listAmount − discount`. */
  readonly amount: Money;
}

/** Prices a line: `unitPrice × quantity`, less the customer's discount (L14) rounded half-up once. */
export function lineAmount(unitPrice: Money, quantity: number, discount: AppliedDiscount): LineAmount {
  const listAmount = unitPrice.multiply(quantity).round("half-up");
  const discountAmount = listAmount.percentage(discount.percent).round("half-up");
  return { listAmount, discountPercent: discount.percent, discount: discountAmount, amount: listAmount.subtract(discountAmount) };
}
