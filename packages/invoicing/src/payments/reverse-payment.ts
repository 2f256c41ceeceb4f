import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { invoiceBalance, type InvoiceBalance } from "./invoice-balance.js";
import type { InvoiceCredit } from "./invoice-credit.js";
import { ledgerIssues } from "./ledger.js";
import type { PayableInvoice } from "./payable-invoice.js";
import { paymentReversalInputSchema } from "./payment-reversal-input.js";
import type { RecordedPayment } from "./recorded-payment.js";

/** What {@link reversePayment} needs besides the reversal: today's date. */
export interface ReversePaymentContext {
  /** Today in the seller's calendar (P2: never read from the clock); no payment is reversed later. */
  readonly today: IsoDate;
}

/**
 * Reverses the recorded payment `paymentId` of `invoice` once and returns it with its
 * `reversal` set and the invoice's balance as of `today` without it. `payments` and `credits`
 * are what is recorded (reversed payments included); the caller stores the reversal and
 * serializes concurrent calls for one invoice (e.g. by locking its row), so a payment is
 * reversed at most once.
 *
 * A reversed payment never satisfied the debt: a returned SEPA direct debit (Rücklastschrift, up
 * to 8 weeks later) or a bounced cheque gave the money back, and a payment booked on the wrong
 * invoice never paid this one, so Erfüllung (§362 (1) BGB) did not occur. From then on
 * `invoiceBalance`, the open-amount check of `recordPayment` and `latePaymentClaim` leave it out
 * entirely, on every day: the amount is open again (and can be paid again), and T6 interest runs
 * as if the money had never come. The payment itself stays on record with its reversal.
 *
 * Errors (code, path):
 * - `INVALID_INPUT` with zod's path (`reason`, `reversedOn`, `note`, unknown keys at the root); a
 *   bad `context.today` at `context.today`
 * - `PAYMENT_UNKNOWN` at `paymentId`: no payment with that ID among `payments`
 * - `PAYMENT_ALREADY_REVERSED` at `paymentId`: reversed before (a reversal is recorded once)
 * - `PAYMENT_REVERSAL_BEFORE_PAYMENT` at `reversedOn`: before the payment's `receivedOn`
 * - `PAYMENT_IN_FUTURE` at `reversedOn`: after `context.today`
 * - `PAYMENT_CURRENCY_MISMATCH` / `PAYMENT_NOT_POSITIVE` at `payments.<n>` or `credits.<n>`: a
 *   stored payment or credit that cannot be summed with the invoice
 */
export function reversePayment(
  invoice: PayableInvoice,
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
  paymentId: string,
  input: unknown,
  context: ReversePaymentContext,
): Result<{ payment: RecordedPayment; balance: InvoiceBalance }> {
  const contextIssues: InvoicingIssue[] = [];
  if (!isoDateSchema.safeParse(context.today).success) {
    contextIssues.push(issue("INVALID_INPUT", `today ${JSON.stringify(context.today)} is not a calendar date`, ["context", "today"]));
  }
  const stored = ledgerIssues(invoice, payments, credits);
  if (contextIssues.length > 0 || stored.length > 0) return failure([...contextIssues, ...stored]);

  const index = payments.findIndex((payment) => payment.id === paymentId);
  const payment = payments[index];
  if (payment === undefined) {
    return failure([issue("PAYMENT_UNKNOWN", `Invoice ${invoice.number} has no payment ${paymentId}`, ["paymentId"])]);
  }
  if (payment.reversal !== undefined && payment.reversal !== null) {
    return failure([
      issue(
        "PAYMENT_ALREADY_REVERSED",
        `Payment ${paymentId} of invoice ${invoice.number} was reversed on ${payment.reversal.reversedOn} (${payment.reversal.reason}); a payment is reversed once`,
        ["paymentId"],
      ),
    ]);
  }

  const parsed = paymentReversalInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const { reason, reversedOn, note } = parsed.data;

  const errors: InvoicingIssue[] = [];
  if (reversedOn < payment.receivedOn) {
    errors.push(
      issue(
        "PAYMENT_REVERSAL_BEFORE_PAYMENT",
        `${reversedOn} is before payment ${paymentId} arrived (${payment.receivedOn}): a payment is reversed after it was received`,
        ["reversedOn"],
      ),
    );
  }
  if (reversedOn > context.today) {
    errors.push(issue("PAYMENT_IN_FUTURE", `${reversedOn} is after today (${context.today}): record a reversal once it happened`, ["reversedOn"]));
  }
  if (errors.length > 0) return failure(errors);

  const reversed: RecordedPayment = Object.freeze({
    ...payment,
    reversal: Object.freeze({ reversedOn, reason, note: note ?? null }),
  });
  const after = payments.map((candidate, position) => (position === index ? reversed : candidate));
  // As of today: the reversed payment counts on no day (see invoiceBalance).
  const balance = invoiceBalance(invoice, after, credits, context.today);
  return success(Object.freeze({ payment: reversed, balance }));
}
