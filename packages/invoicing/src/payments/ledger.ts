import type { Money } from "@kontor/money";
import { issue, type InvoicingIssue } from "../errors/invoicing-issue.js";
import type { IsoDate } from "../documents/iso-date.js";
import type { InvoiceCredit } from "./invoice-credit.js";
import type { PayableInvoice } from "./payable-invoice.js";
import type { RecordedPayment } from "./recorded-payment.js";

/** A payment or credit: money that lowers what is owed, from its day on. */
export interface LedgerEntry {
  readonly kind: "payment" | "credit";
  readonly on: IsoDate;
  readonly amount: Money;
}

/**
 * Problems with stored payments and credits that would make every sum wrong: another currency
 * than the invoice (sums would throw) or a negative amount (it would raise what is owed).
 */
export function ledgerIssues(
  invoice: PayableInvoice,
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
): InvoicingIssue[] {
  const currency = invoice.amountDue.currency;
  const problems: InvoicingIssue[] = [];
  const check = (kind: "payments" | "credits", label: string, amount: Money, index: number): void => {
    if (amount.currency !== currency) {
      problems.push(
        issue("PAYMENT_CURRENCY_MISMATCH", `${label} is in ${amount.currency}, invoice ${invoice.number} in ${currency}`, [
          kind,
          index,
          "amount",
          "currency",
        ]),
      );
    } else if (amount.isNegative()) {
      problems.push(issue("PAYMENT_NOT_POSITIVE", `${label} is negative (${amount.toFixed()} ${currency})`, [kind, index, "amount", "amount"]));
    }
  };
  payments.forEach((payment, index) => {
    check("payments", `Payment ${payment.id}`, payment.amount, index);
  });
  credits.forEach((credit, index) => {
    check("credits", `Credit ${credit.number}`, credit.amount, index);
  });
  return problems;
}

/**
 * The payments that stand: those not reversed. A reversed payment never discharged the debt
 * (no Erfüllung, §362 (1) BGB: returned money is no payment, a mistaken entry never happened),
 * so it is left out of every sum, on every day, as if it had never been recorded.
 */
export function standingPayments(payments: readonly RecordedPayment[]): RecordedPayment[] {
  return payments.filter((payment) => payment.reversal === undefined || payment.reversal === null);
}

/**
 * Standing payments (not reversed, {@link standingPayments}) and credits dated on or before
 * `asOf` (P2: later ones have not happened yet), by day.
 */
export function entriesUpTo(
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
  asOf: IsoDate,
): LedgerEntry[] {
  const entries: LedgerEntry[] = [
    ...standingPayments(payments).map((payment) => ({ kind: "payment" as const, on: payment.receivedOn, amount: payment.amount })),
    ...credits.map((credit) => ({ kind: "credit" as const, on: credit.issueDate, amount: credit.amount })),
  ];
  return entries.filter((entry) => entry.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
