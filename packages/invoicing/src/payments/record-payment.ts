import { Money } from "@kontor/money";
import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { invoiceBalance, type InvoiceBalance } from "./invoice-balance.js";
import type { InvoiceCredit } from "./invoice-credit.js";
import { ledgerIssues, standingPayments } from "./ledger.js";
import type { PayableInvoice } from "./payable-invoice.js";
import { paymentInputSchema } from "./payment-input.js";
import type { RecordedPayment } from "./recorded-payment.js";

/** What {@link recordPayment} needs besides the payment: its ID and today's date. */
export interface RecordPaymentContext {
  /** ID of the new payment (the caller's database ID); must not be taken by another payment. */
  readonly id: string;
  /** Today in the seller's calendar (P2: never read from the clock); no payment is received later. */
  readonly today: IsoDate;
}

/**
 * Validates one payment for `invoice` and returns it with the invoice's balance as of `today`
 * that includes it. `payments` and `credits` are what was recorded before; the caller stores
 * the new payment and serializes concurrent calls for one invoice (e.g. by locking its row),
 * so two payments cannot both take the same open amount.
 *
 * Errors (code, path):
 * - `INVALID_INPUT` with zod's path (`amount`, `receivedOn`, `method`, `reference`); an amount
 *   with digits below the currency's minor unit at `amount.amount`; a bad `context.today` or a
 *   `context.id` that is empty or taken at `context.*`
 * - `PAYMENT_NOT_POSITIVE` at `amount.amount`: zero or negative
 * - `PAYMENT_CURRENCY_MISMATCH` at `amount.currency`: not the invoice's currency
 * - `PAYMENT_BEFORE_INVOICE` at `receivedOn`: before the issue date
 * - `PAYMENT_IN_FUTURE` at `receivedOn`: after `context.today`
 * - `PAYMENT_EXCEEDS_OPEN_AMOUNT` at `amount.amount`: more than is open (an invoice paid in full
 *   has 0 open; reversed payments count for nothing, so what they covered is open again); the
 *   message names the open amount
 * - `PAYMENT_CURRENCY_MISMATCH` / `PAYMENT_NOT_POSITIVE` at `payments.<n>` or `credits.<n>`: a
 *   stored payment or credit that cannot be summed with the invoice
 */
export function recordPayment(
  invoice: PayableInvoice,
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
  input: unknown,
  context: RecordPaymentContext,
): Result<{ payment: RecordedPayment; balance: InvoiceBalance }> {
  const contextIssues: InvoicingIssue[] = [];
  if (!isoDateSchema.safeParse(context.today).success) {
    contextIssues.push(issue("INVALID_INPUT", `today ${JSON.stringify(context.today)} is not a calendar date`, ["context", "today"]));
  }
  if (context.id.trim().length === 0) {
    contextIssues.push(issue("INVALID_INPUT", "The payment needs an ID", ["context", "id"]));
  } else if (payments.some((payment) => payment.id === context.id)) {
    // A reversed payment keeps its ID: it stays on record.
    contextIssues.push(issue("INVALID_INPUT", `A payment with ID ${context.id} is recorded already`, ["context", "id"]));
  }
  const stored = ledgerIssues(invoice, payments, credits);
  if (contextIssues.length > 0 || stored.length > 0) return failure([...contextIssues, ...stored]);

  const parsed = paymentInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const { amount, receivedOn, method, reference } = parsed.data;
  const currency = invoice.amountDue.currency;

  // Amount and date problems are independent: report all of them at once.
  const errors: InvoicingIssue[] = [];
  const amountUsable = amount.currency === currency && amount.isPositive() && amount.isRounded();
  if (amount.currency !== currency) {
    errors.push(
      issue("PAYMENT_CURRENCY_MISMATCH", `The payment is in ${amount.currency}, invoice ${invoice.number} in ${currency}`, ["amount", "currency"]),
    );
  }
  if (!amount.isPositive()) {
    errors.push(issue("PAYMENT_NOT_POSITIVE", `A payment must be more than zero, not ${amount.toString()}`, ["amount", "amount"]));
  } else if (!amount.isRounded()) {
    errors.push(issue("INVALID_INPUT", `${amount.toString()} ${amount.currency} has digits below the minor unit`, ["amount", "amount"]));
  }
  if (receivedOn < invoice.issueDate) {
    errors.push(
      issue("PAYMENT_BEFORE_INVOICE", `${receivedOn} is before invoice ${invoice.number} was issued (${invoice.issueDate})`, ["receivedOn"]),
    );
  } else if (receivedOn > context.today) {
    errors.push(issue("PAYMENT_IN_FUTURE", `${receivedOn} is after today (${context.today}): record a payment once it arrived`, ["receivedOn"]));
  }
  if (amountUsable) {
    // Everything recorded counts, whatever its date: the invoice must never be paid twice. A
    // reversed payment does not: it never paid anything, so its amount is open again.
    const open = Money.max(
      invoice.amountDue
        .subtract(Money.sum(standingPayments(payments).map((payment) => payment.amount), currency))
        .subtract(Money.sum(credits.map((credit) => credit.amount), currency)),
      Money.zero(currency),
    );
    if (amount.greaterThan(open)) {
      errors.push(
        issue(
          "PAYMENT_EXCEEDS_OPEN_AMOUNT",
          `${amount.toFixed()} ${currency} is more than the open amount of ${open.toFixed()} ${currency} of invoice ${invoice.number}` +
            (open.isZero() ? " (it is paid)" : ""),
          ["amount", "amount"],
        ),
      );
    }
  }
  if (errors.length > 0) return failure(errors);

  const payment: RecordedPayment = Object.freeze({ id: context.id, amount, receivedOn, method, reference: reference ?? null, reversal: null });
  // As of today: the new payment counts, and so does everything recorded before it (P2).
  const balance = invoiceBalance(invoice, [...payments, payment], credits, context.today);
  return success(Object.freeze({ payment, balance }));
}
