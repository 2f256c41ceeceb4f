/**
 * How a payment reached the seller, as recorded from the bank statement or the payment
 * provider. Wider than the invoice's payment means (BG-16): a customer may pay an invoice
 * that asked for a SEPA transfer by card or cheque, and the money still counts.
 */
export const PAYMENT_METHODS = ["bank-transfer", "sepa-direct-debit", "credit-card", "paypal", "check", "ach", "other"] as const;

/** One of {@link PAYMENT_METHODS}. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
