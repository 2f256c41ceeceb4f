import type { z } from "zod";

/**
 * Stable codes of every problem `@kontor/invoicing` reports. Programs switch on the code; the
 * message is for people. Rule numbers (RULES.md, §14 UStG, EN 16931/XRechnung business rules)
 * appear in the code where one rule is the reason.
 */
export type InvoicingErrorCode =
  /** The input does not match its zod schema (type, format, missing field). */
  | "INVALID_INPUT"
  /** A finalized document was asked to change; it is immutable (GoBD, §14 UStG). */
  | "INVOICE_FINALIZED"
  /** An operation needs a finalized document (a credit note needs a numbered original). */
  | "INVOICE_NOT_FINALIZED"
  /** A document number does not match its series format. */
  | "NUMBER_FORMAT_INVALID"
  /** A document number belongs to another year than the one asked for. */
  | "NUMBER_YEAR_MISMATCH"
  /** The sequence part of a series is used up (e.g. 999999 with six digits). */
  | "NUMBER_SEQUENCE_EXHAUSTED"
  /** Issued numbers of a series have a gap (numbers are issued without gaps). */
  | "NUMBER_GAP"
  /** A number was issued twice (numbers are unique). */
  | "NUMBER_DUPLICATE"
  /** A line's price is in another currency than the document. */
  | "CURRENCY_MISMATCH"
  /** §14 Abs. 4 Nr. 2 UStG: the seller's tax number or VAT ID is missing. */
  | "UST14_SELLER_TAX_ID_MISSING"
  /** §14 Abs. 4 Nr. 6 UStG: neither a delivery date nor a supply period is given. */
  | "UST14_SUPPLY_DATE_MISSING"
  /** T3 / BR-AE-02: reverse charge needs the VAT IDs of seller and buyer. */
  | "T3_REVERSE_CHARGE_VAT_IDS_MISSING"
  /** BR-K/BR-G: intra-community supply and export need the seller's VAT ID (K also the buyer's). */
  | "VAT_CATEGORY_VAT_ID_MISSING"
  /** A VAT category and rate do not fit (S needs a rate above 0, Z/E/AE/K/G/O need 0). */
  | "VAT_RATE_INVALID"
  /** BR-E-10: an exempt line (category E) needs an exemption reason. */
  | "VAT_EXEMPTION_REASON_MISSING"
  /** BR-O-11..14: a "not subject to VAT" invoice cannot mix in other categories. */
  | "VAT_CATEGORY_O_MIXED"
  /** A credit note or correction invoice must reference the original invoice (BG-3). */
  | "PRECEDING_INVOICE_MISSING"
  /** A credit note credits a line that is not on the original invoice or more than was billed. */
  | "CREDIT_LINE_INVALID"
  /**
   * Together with the invoice's earlier credit notes (drafts included), a credit note would
   * credit a line for more than was invoiced: the amount and VAT would be reduced twice.
   */
  | "CREDIT_EXCEEDS_INVOICE"
  /** A document has no lines. */
  | "LINES_EMPTY"
  /** Two lines share one line ID (BT-126 must be unique). */
  | "LINE_ID_DUPLICATE"
  /** L5: a license that is not a cloud license is delivered without its key. */
  | "L5_LICENSE_KEY_MISSING"
  /** C5: a non-billable service entry needs the technician's justification. */
  | "C5_JUSTIFICATION_MISSING"
  /** A period ends before it starts. */
  | "PERIOD_INVALID"
  /** The payment terms cannot be turned into a due date. */
  | "PAYMENT_TERMS_INVALID"
  /** Payments are recorded against finalized (numbered) documents only; a draft is not owed. */
  | "PAYMENT_INVOICE_NOT_FINALIZED"
  /** A credit note (or a document with a negative amount due) is refunded, not paid. */
  | "PAYMENT_NOT_PAYABLE_TYPE"
  /** A payment amount is zero or negative (a stored credit is negative). */
  | "PAYMENT_NOT_POSITIVE"
  /** A payment or credit is in another currency than the invoice. */
  | "PAYMENT_CURRENCY_MISMATCH"
  /** A payment is dated before the invoice's issue date. */
  | "PAYMENT_BEFORE_INVOICE"
  /** A payment (or its reversal) is dated after today (P2: today is an input, never the clock). */
  | "PAYMENT_IN_FUTURE"
  /** A payment is more than the invoice's open amount (a paid invoice has 0 open); the message names the open amount. */
  | "PAYMENT_EXCEEDS_OPEN_AMOUNT"
  /** No payment with the given ID is recorded for the invoice. */
  | "PAYMENT_UNKNOWN"
  /** The payment is reversed already; a reversal is recorded once. */
  | "PAYMENT_ALREADY_REVERSED"
  /** A reversal is dated before the payment it reverses arrived. */
  | "PAYMENT_REVERSAL_BEFORE_PAYMENT"
  /** T6: the late-payment policies have no policy or base rate for a day of the claim. */
  | "T6_BASE_RATE_UNKNOWN"
  /** C8: the invoice is paid by credit transfer, not collected by SEPA direct debit. */
  | "DIRECT_DEBIT_NOT_DIRECT_DEBIT"
  /** Nothing of the invoice is open (paid or credited in full): there is nothing to collect. */
  | "DIRECT_DEBIT_NOTHING_OPEN"
  /** A SEPA direct debit collects euros only; the amount is in another currency. */
  | "DIRECT_DEBIT_CURRENCY"
  /** No mandate, or not the one the invoice names (references compare case-insensitively). */
  | "DIRECT_DEBIT_MANDATE_UNKNOWN"
  /** The mandate is revoked: nothing more may be collected under it. */
  | "DIRECT_DEBIT_MANDATE_REVOKED"
  /**
   * T7: the pre-notified collection date (the invoice's due date) is before the earliest date
   * the bank can still collect on; a later date needs a new pre-notification.
   */
  | "DIRECT_DEBIT_COLLECTION_DATE_PASSED"
  /** Two collections of one file share an end-to-end ID (the invoice number). */
  | "DIRECT_DEBIT_DUPLICATE_END_TO_END_ID"
  /** A bank statement file is not well-formed XML; the message names line and column. */
  | "BANK_STATEMENT_MALFORMED"
  /** A bank statement file has a `<!DOCTYPE`: refused before parsing (entity expansion). */
  | "BANK_STATEMENT_DOCTYPE"
  /** A bank statement file is not an ISO 20022 camt.053 or camt.054 message of version 001.02–001.13; the message says what it is. */
  | "BANK_STATEMENT_UNSUPPORTED"
  /** A required element of a camt.053/054 file is missing or a value is not valid; the message names the element. */
  | "BANK_STATEMENT_INVALID";

/** One problem: a stable code, a message for people and the path of the offending field. */
export interface InvoicingIssue {
  readonly code: InvoicingErrorCode;
  readonly message: string;
  readonly path: readonly (string | number)[];
}

/** Creates an {@link InvoicingIssue}. */
export function issue(
  code: InvoicingErrorCode,
  message: string,
  path: readonly (string | number)[] = [],
): InvoicingIssue {
  return Object.freeze({ code, message, path: Object.freeze([...path]) });
}

/** Turns zod's issues into `INVALID_INPUT` issues with the same paths. */
export function issuesFromZod(error: z.ZodError, prefix: readonly (string | number)[] = []): InvoicingIssue[] {
  return error.issues.map((zodIssue) =>
    issue(
      "INVALID_INPUT",
      zodIssue.message,
      [...prefix, ...zodIssue.path.map((key) => (typeof key === "symbol" ? String(key) : key))],
    ),
  );
}
