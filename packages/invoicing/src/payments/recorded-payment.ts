import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";
import type { PaymentMethod } from "./payment-method.js";
import type { PaymentReversal } from "./payment-reversal.js";

/**
 * A payment received for one invoice, as `recordPayment` returns it and the database stores it.
 * Payments are facts: they are never deleted, and a payment that did not discharge the debt (a
 * returned direct debit, a bounced cheque, an entry on the wrong invoice) is not changed but
 * reversed once (`reversePayment`), which sets {@link RecordedPayment.reversal}.
 */
export interface RecordedPayment {
  /** Chosen by the caller (the database row's ID), so recording stays pure. */
  readonly id: string;
  /** Positive, in the invoice's currency, whole minor units. */
  readonly amount: Money;
  /** The day the money arrived. */
  readonly receivedOn: IsoDate;
  readonly method: PaymentMethod;
  readonly reference: string | null;
  /**
   * The reversal, once the payment is reversed; `null` (or absent, for callers built before
   * reversals existed) while the payment stands. A reversed payment counts for nothing: not in
   * `invoiceBalance`, not against the open amount of `recordPayment`, not in `latePaymentClaim`.
   */
  readonly reversal?: PaymentReversal | null;
}
