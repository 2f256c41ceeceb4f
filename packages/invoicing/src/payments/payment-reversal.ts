import type { IsoDate } from "../documents/iso-date.js";

/**
 * Why a recorded payment is reversed:
 * - `returned`: the money went back to the payer — a SEPA direct debit returned
 *   (Rücklastschrift, up to 8 weeks after the debit, §675x BGB), a cheque that bounced, a card
 *   charge-back;
 * - `recorded-in-error`: the entry was a mistake (booked on the wrong invoice, typed twice); the
 *   money never came for this invoice.
 */
export const PAYMENT_REVERSAL_REASONS = ["returned", "recorded-in-error"] as const;

/** One of {@link PAYMENT_REVERSAL_REASONS}. */
export type PaymentReversalReason = (typeof PAYMENT_REVERSAL_REASONS)[number];

/**
 * The reversal of a recorded payment, as `reversePayment` sets it. A reversed payment never
 * satisfied the debt: it counts for nothing in the balance, the open-amount check and the T6
 * claim, on any day (see `reversePayment`).
 */
export interface PaymentReversal {
  /** The day the payment was reversed (the return on the bank statement, the day the mistake was found). */
  readonly reversedOn: IsoDate;
  readonly reason: PaymentReversalReason;
  /** Free text for people (the bank's return reason code, what was wrong); `null` when none was given. */
  readonly note: string | null;
}
