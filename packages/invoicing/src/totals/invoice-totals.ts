import type { Money } from "@kontor/money";
import type { VatCategoryCode } from "../documents/vat-category.js";

/**
 * One VAT category of a document (EN 16931 BG-23): all lines with the same category and rate.
 */
export interface VatBreakdownEntry {
  /** BT-118. */
  readonly category: VatCategoryCode;
  /** BT-119, percent as a decimal string without trailing zeros: `"19"`, `"7"`, `"0"`. */
  readonly rate: string;
  /** BT-116: the sum of the rounded line net amounts of this category (T5). */
  readonly taxableAmount: Money;
  /** BT-117: taxable amount × rate, rounded half-up to the cent (T5, BR-CO-17). */
  readonly taxAmount: Money;
  /** BT-120, for categories without tax (AE, K, G, O, E). */
  readonly exemptionReason?: string;
  /** BT-121. */
  readonly exemptionReasonCode?: string;
}

/** The totals of a document (EN 16931 BG-22), every amount rounded to the cent (T5). */
export interface InvoiceTotals {
  /** BT-106: sum of the line net amounts. */
  readonly lineNetTotal: Money;
  /** BT-109: total without VAT (equals BT-106: Kontor uses no document-level allowances or charges). */
  readonly taxBasisTotal: Money;
  /** BT-110: sum of the category tax amounts. */
  readonly taxTotal: Money;
  /** BT-112: total with VAT. */
  readonly grandTotal: Money;
  /** BT-113: amount already paid. */
  readonly prepaidAmount: Money;
  /** BT-115: amount due for payment. */
  readonly amountDue: Money;
  /** BG-23, one entry per VAT category and rate, in order of first appearance. */
  readonly vatBreakdown: readonly VatBreakdownEntry[];
}
