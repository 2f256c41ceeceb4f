/**
 * Why {@link matchBankTransaction} leaves a transaction to a person (outcome `review`):
 * - `BANK_ENTRY_REVERSAL`: the bank took back an earlier entry (`RvslInd`)
 * - `BANK_ENTRY_UNDATED`: a booked entry with neither booking nor value date: no payment day
 * - `BANK_MATCH_RETURN_AMOUNT`: a debit names a booked collection but is less than it
 * - `BANK_MATCH_COLLECTION_AMOUNT`: a credit names a pending collection but is not its amount
 * - `BANK_MATCH_NO_INVOICE`: a credit names no known invoice
 * - `BANK_MATCH_CURRENCY`: a named invoice (or returned collection) is in another currency
 * - `BANK_MATCH_ALREADY_PAID`: every named invoice has nothing open
 * - `BANK_MATCH_OVERPAYMENT`: more than the named invoices have open
 * - `BANK_MATCH_AMOUNT_SPLIT`: less than the open amounts of several named invoices: which gets what is a person's call
 */
export const BANK_REVIEW_CODES = [
  "BANK_ENTRY_REVERSAL",
  "BANK_ENTRY_UNDATED",
  "BANK_MATCH_RETURN_AMOUNT",
  "BANK_MATCH_COLLECTION_AMOUNT",
  "BANK_MATCH_NO_INVOICE",
  "BANK_MATCH_CURRENCY",
  "BANK_MATCH_ALREADY_PAID",
  "BANK_MATCH_OVERPAYMENT",
  "BANK_MATCH_AMOUNT_SPLIT",
] as const;

/** A code of {@link BANK_REVIEW_CODES}. */
export type BankReviewCode = (typeof BANK_REVIEW_CODES)[number];

/**
 * Why a transaction concerns no invoice (outcome `not-applicable`):
 * - `BANK_ENTRY_NOT_BOOKED`: a pending (`PDNG`) or information (`INFO`) entry: the money has not moved yet
 * - `BANK_ENTRY_OUTGOING`: a debit that returns no booked collection: the reseller's own payment
 */
export const BANK_NOT_APPLICABLE_CODES = ["BANK_ENTRY_NOT_BOOKED", "BANK_ENTRY_OUTGOING"] as const;

/** A code of {@link BANK_NOT_APPLICABLE_CODES}. */
export type BankNotApplicableCode = (typeof BANK_NOT_APPLICABLE_CODES)[number];
