import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";

/**
 * A finalized credit note against the invoice, as far as payment is concerned: it lowers what
 * is owed from its issue date on (its `totals.amountDue`, a positive amount).
 */
export interface InvoiceCredit {
  /** The credit note's number (BT-1). */
  readonly number: string;
  readonly issueDate: IsoDate;
  /** The credited amount, positive, in the invoice's currency. */
  readonly amount: Money;
}
