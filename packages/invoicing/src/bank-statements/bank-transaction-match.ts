import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";
import type { NumberSeries } from "../numbering/number-series.js";
import type { BankNotApplicableCode, BankReviewCode } from "./bank-match-codes.js";

/** A finalized invoice (or correction invoice) a transfer may name, with what is open of it now. */
export interface InvoiceToMatch {
  /** The caller's ID of the invoice. */
  readonly invoiceId: string;
  /** Its number (canonical, as issued). */
  readonly number: string;
  /** What is open: may be 0 (paid) or below (overpaid). The caller lowers it after booking a payment. */
  readonly open: Money;
}

/** A booked, unreversed SEPA direct debit collection (C8) a returned debit may name by its end-to-end ID. */
export interface CollectionToMatch {
  /** The end-to-end ID of the collection (the invoice number). */
  readonly endToEndId: string;
  /** The collected invoice. */
  readonly invoiceId: string;
  /** The payment the collection booked, which a return reverses. */
  readonly paymentId: string;
  /** The collected amount. */
  readonly amount: Money;
}

/**
 * A collection of a direct debit file (C8) that is not booked yet: the bank's credit of it names
 * its end-to-end ID.
 */
export interface PendingCollectionToMatch {
  /** The end-to-end ID of the collection (the invoice number). */
  readonly endToEndId: string;
  /** The direct debit file it is in. */
  readonly batchId: string;
  /** The invoice it collects. */
  readonly invoiceId: string;
  /** The amount the file collects. */
  readonly amount: Money;
}

/** What {@link matchBankTransaction} knows of the books. */
export interface BankMatchKnowledge {
  /** The series of invoice numbers searched for in the texts, e.g. `INVOICE_NUMBER_SERIES`. */
  readonly invoiceSeries: NumberSeries;
  /** The invoices the file's texts name, by canonical number. */
  readonly invoices: ReadonlyMap<string, InvoiceToMatch>;
  /** Booked, unreversed collections, by end-to-end ID. */
  readonly collections: ReadonlyMap<string, CollectionToMatch>;
  /** Collections of direct debit files not booked yet (nor released), by end-to-end ID. */
  readonly pendingCollections: ReadonlyMap<string, PendingCollectionToMatch>;
}

/** A part of a payment: how much of it goes onto one invoice. */
export interface BankPaymentAllocation {
  readonly invoiceId: string;
  readonly number: string;
  readonly amount: Money;
}

/**
 * What to do with one bank transaction:
 * - `payment`: record these payments (the allocations sum to the transaction's amount), received
 *   on the value date (T6)
 * - `direct-debit-collected`: the bank credited a collection of a direct debit file: book it as
 *   the invoice's `sepa-direct-debit` payment, received on the value date (C8, T6)
 * - `direct-debit-return`: reverse the collection's payment (reason `returned`) on the booking date
 * - `review`: a person decides; `invoiceIds` are the known invoices the transaction names
 * - `not-applicable`: concerns no invoice
 */
export type BankTransactionMatch =
  | { readonly kind: "payment"; readonly receivedOn: IsoDate; readonly allocations: readonly BankPaymentAllocation[] }
  | {
      readonly kind: "direct-debit-collected";
      readonly receivedOn: IsoDate;
      readonly batchId: string;
      readonly invoiceId: string;
      readonly amount: Money;
    }
  | {
      readonly kind: "direct-debit-return";
      readonly reversedOn: IsoDate;
      readonly invoiceId: string;
      readonly paymentId: string;
      readonly returnReason: string | null;
    }
  | { readonly kind: "review"; readonly code: BankReviewCode; readonly message: string; readonly invoiceIds: readonly string[] }
  | { readonly kind: "not-applicable"; readonly code: BankNotApplicableCode; readonly message: string };
