import { appendToOutbox, loadInvoiceSettlement, markPaymentReversed, type InvoiceSummaryRow, type KontorTransaction } from "@kontor/db";
import { reversePayment, type InvoiceBalance, type RecordedPayment } from "@kontor/invoicing";
import type { DomainResult } from "../../http/domain-result.js";
import { conflict, ProblemError } from "../../http/problem.js";
import { moneyJson } from "./payment-response.js";
import { installationToday, payable } from "./record-invoice-payment.js";

/** Outbox topic of a reversed payment (returned, bounced, booked on the wrong invoice). */
export const INVOICE_PAYMENT_REVERSED_TOPIC = "invoice.payment-reversed";

/** Code of the refusal to reverse a payment the invoice does not have (the route answers 404). */
export const PAYMENT_NOT_OF_INVOICE = "PAYMENT_NOT_OF_INVOICE";
/** Code of the refusal to reverse a payment a second time (the route answers 409). */
export const PAYMENT_ALREADY_REVERSED = "PAYMENT_ALREADY_REVERSED";

/** Who reverses a payment and when. */
export interface PaymentReversing {
  /** The user who reverses it. */
  readonly reversedBy: string;
  readonly now: Date;
}

/**
 * Reverses the payment `paymentId` of the invoice `row`, which the caller has locked in `tx`
 * (`lockInvoice`): checked with `@kontor/invoicing`'s `reversePayment` (T6: a reversed payment
 * never paid anything, so its amount is open again), marked reversed, and announced
 * (`invoice.payment-reversed`). A reversal that is refused writes nothing and comes back as domain
 * errors: {@link PAYMENT_NOT_OF_INVOICE} for a payment the invoice does not have,
 * {@link PAYMENT_ALREADY_REVERSED} for one reversed before, and the rule codes of `reversePayment`.
 */
export async function reverseInvoicePayment(
  tx: KontorTransaction,
  row: InvoiceSummaryRow,
  paymentId: string,
  input: unknown,
  reversing: PaymentReversing,
): Promise<DomainResult<{ payment: RecordedPayment; balance: InvoiceBalance }>> {
  const invoice = payable(row);
  const { payments, credits } = await loadInvoiceSettlement(tx, row.id);
  const stored = payments.find((payment) => payment.id === paymentId);
  // A payment of another invoice is as absent as an unknown one.
  if (stored === undefined) {
    return { ok: false, errors: [{ code: PAYMENT_NOT_OF_INVOICE, message: `Payment ${paymentId} of invoice ${row.id} does not exist`, path: ["paymentId"] }] };
  }
  if (stored.reversal !== undefined && stored.reversal !== null) {
    return {
      ok: false,
      errors: [
        {
          code: PAYMENT_ALREADY_REVERSED,
          message: `Payment ${paymentId} of ${invoice.number} was reversed on ${stored.reversal.reversedOn} (${stored.reversal.reason}); a payment is reversed once`,
          path: ["paymentId"],
        },
      ],
    };
  }
  const checked = reversePayment(invoice, payments, credits, paymentId, input, { today: installationToday(reversing.now) });
  if (!checked.ok) return checked;
  const { payment, balance } = checked.value;
  const reversal = payment.reversal;
  if (reversal === undefined || reversal === null) throw new Error(`reversePayment returned payment ${paymentId} without its reversal`);
  const marked = await markPaymentReversed(
    tx,
    { paymentId, invoiceId: row.id, reversedOn: reversal.reversedOn, reason: reversal.reason, note: reversal.note, reversedBy: reversing.reversedBy },
    reversing.now,
  );
  // Under the lock the payment was found unreversed: the update cannot miss it.
  if (marked === undefined) throw new Error(`payment ${paymentId} of invoice ${row.id} was not reversed`);
  await appendToOutbox(
    tx,
    [
      {
        topic: INVOICE_PAYMENT_REVERSED_TOPIC,
        aggregateType: "invoice",
        aggregateId: row.id,
        dedupeKey: `${INVOICE_PAYMENT_REVERSED_TOPIC}:${paymentId}`,
        payload: {
          invoiceId: row.id,
          organizationId: row.organizationId,
          number: invoice.number,
          paymentId,
          amount: moneyJson(payment.amount),
          receivedOn: payment.receivedOn,
          reversedOn: reversal.reversedOn,
          reason: reversal.reason,
          note: reversal.note,
          open: moneyJson(balance.open),
        },
      },
    ],
    reversing.now,
  );
  return checked;
}

/**
 * The problem the reversal route answers for a refused reversal: 404 for a payment the invoice
 * does not have, 409 for one reversed before, otherwise `undefined` (the caller answers 422 with
 * the rule codes).
 */
export function reversalRefusalProblem(errors: readonly { readonly code: string; readonly message: string }[]): ProblemError | undefined {
  const first = errors[0];
  // The same problem as `notFound`, whose detail this message already is.
  if (first?.code === PAYMENT_NOT_OF_INVOICE) return new ProblemError(404, "not-found", "Not Found", { detail: first.message });
  if (first?.code === PAYMENT_ALREADY_REVERSED) return conflict(first.message, PAYMENT_ALREADY_REVERSED);
  return undefined;
}
