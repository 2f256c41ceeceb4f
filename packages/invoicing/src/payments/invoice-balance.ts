import { Money } from "@kontor/money";
import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import { InvoicingError } from "../errors/invoicing-error.js";
import { issue } from "../errors/invoicing-issue.js";
import { daysBetween } from "./calendar-days.js";
import type { InvoiceCredit } from "./invoice-credit.js";
import { entriesUpTo, ledgerIssues } from "./ledger.js";
import type { PayableInvoice } from "./payable-invoice.js";
import type { RecordedPayment } from "./recorded-payment.js";

/** Where an invoice stands on a day: what was owed, credited, paid and is still open. */
export interface InvoiceBalance {
  /**
   * `paid` when nothing is open (credits count); `partially-paid` when something is open and a
   * payment was received that was not reversed; `unpaid` when something is open and no payment was received (a
   * credit alone does not make an invoice partially paid).
   */
  readonly status: "unpaid" | "partially-paid" | "paid";
  readonly amountDue: Money;
  /** Sum of the credits up to the day. */
  readonly credited: Money;
  /** Sum of the payments up to the day, reversed payments left out. */
  readonly paid: Money;
  /** amountDue − credited − paid, never below zero (an excess is a refund, not a negative debt). */
  readonly open: Money;
  readonly dueDate: IsoDate;
  /**
   * The day the open amount reached zero: the day of the payment or credit that closed it (the
   * issue date when nothing was ever owed); `null` while something is open.
   */
  readonly settledOn: IsoDate | null;
  /** Days after the due date up to the day while something is open; 0 when not overdue. */
  readonly overdueDays: number;
}

/**
 * The balance of `invoice` as of `asOf`: payments received and credits issued on or before
 * `asOf` count, later ones have not happened yet on that day (P2: the day is an input, the
 * result is the same however often it is computed).
 *
 * Reversed payments (`reversal` set, see `reversePayment`) count on no day, also not on the days
 * between their arrival and their reversal: returned money is no payment and a mistaken entry
 * never happened, so the debt was never discharged (no Erfüllung, §362 (1) BGB). The balance of a
 * past day therefore changes when one of its payments is reversed later.
 *
 * @throws {InvoicingError} `INVALID_INPUT` for an `asOf` that is not a calendar date,
 *   `PAYMENT_CURRENCY_MISMATCH` or `PAYMENT_NOT_POSITIVE` for a stored payment or credit in
 *   another currency or with a negative amount: stored data that `recordPayment` never produces.
 */
export function invoiceBalance(
  invoice: PayableInvoice,
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
  asOf: IsoDate,
): InvoiceBalance {
  if (!isoDateSchema.safeParse(asOf).success) {
    throw new InvoicingError([issue("INVALID_INPUT", `asOf ${JSON.stringify(asOf)} is not a calendar date`, ["asOf"])]);
  }
  const problems = ledgerIssues(invoice, payments, credits);
  if (problems.length > 0) throw new InvoicingError(problems);

  const currency = invoice.amountDue.currency;
  const zero = Money.zero(currency);
  const entries = entriesUpTo(payments, credits, asOf);
  const paid = Money.sum(entries.filter((entry) => entry.kind === "payment").map((entry) => entry.amount), currency);
  const credited = Money.sum(entries.filter((entry) => entry.kind === "credit").map((entry) => entry.amount), currency);
  const open = Money.max(invoice.amountDue.subtract(credited).subtract(paid), zero);

  let settledOn: IsoDate | null = null;
  if (open.isZero()) {
    // Walk the entries in date order: the first day the running total covers the amount due.
    settledOn = invoice.issueDate;
    let left = invoice.amountDue;
    for (const entry of entries) {
      if (!left.isPositive()) break;
      left = left.subtract(entry.amount);
      settledOn = entry.on;
    }
  }
  const status = open.isZero() ? "paid" : paid.isPositive() ? "partially-paid" : "unpaid";
  const overdueDays = open.isPositive() && asOf > invoice.dueDate ? daysBetween(invoice.dueDate, asOf) : 0;
  return Object.freeze({ status, amountDue: invoice.amountDue, credited, paid, open, dueDate: invoice.dueDate, settledOn, overdueDays });
}
