import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import type { BillingModel } from "../catalog/billing-model.js";
import type { Edition } from "../catalog/edition.js";
import type { TermPeriod } from "../maintenance/term-period.js";
import type { AppliedDiscount } from "../policies/discount.js";
import type { LicenseAction } from "../reseller/license-action.js";
import type { LineAmount } from "./line-amount.js";
import type { QuoteKind } from "./quote-request.js";

/** One priced line of a {@link Quote}. */
export interface QuoteLine extends LineAmount {
  readonly lineNo: number;
  readonly productId: string;
  readonly productName: string;
  readonly edition: Edition;
  readonly billingModel: BillingModel;
  readonly action: LicenseAction;
  /** The user tier quoted (after an upgrade: the new tier, L19). */
  readonly userTier: number;
  readonly quantity: number;
  /**
   * The period a renewal or upgrade covers, or a co-termed new license (L11: from the quote's day
   * to the target end); `null` for other new licenses. `to` is the day after the last day.
   */
  readonly period: TermPeriod | null;
  readonly description: string;
}

/** A priced quote, valid until the end of `validUntil` in its zone (L8). */
export interface Quote {
  readonly quoteId: string;
  readonly kind: QuoteKind;
  readonly vendorId: string;
  /** The vendor policy version the quote was priced under (P1). */
  readonly policyId: string;
  readonly createdAt: string;
  readonly zone: string;
  readonly createdOn: IsoDate;
  /** The last day the quote can be accepted (L8: created on + validity days). */
  readonly validUntil: IsoDate;
  readonly lines: readonly QuoteLine[];
  readonly total: Money;
  readonly discount: AppliedDiscount;
  /** L10/L11: co-terming and similar requests need a manual review before purchase (policy `coTermingRequiresReview`). */
  readonly requiresManualReview: boolean;
  readonly coTermTargetEnd: IsoDate | null;
  readonly notes: string | null;
}
