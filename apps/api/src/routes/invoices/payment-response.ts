import { isoDateSchema } from "@kontor/calendar";
import {
  PAYMENT_METHODS,
  PAYMENT_REVERSAL_REASONS,
  paymentInputSchema,
  paymentReversalInputSchema,
  type InvoiceBalance,
  type LatePaymentClaim,
  type RecordedPayment,
} from "@kontor/invoicing";
import { moneyJsonSchema, type Money, type MoneyJson } from "@kontor/money";
import { z } from "zod";

/** `POST /v1/invoices/:id/payments`: `paymentInputSchema` of `@kontor/invoicing` in its JSON form. */
export const recordPaymentBodySchema = paymentInputSchema.extend({
  amount: moneyJsonSchema.describe('What arrived, in the invoice\'s currency, e.g. { "amount": "119.00", "currency": "EUR" }'),
  receivedOn: isoDateSchema.describe("The day the money arrived (value date of the bank statement); not before the issue date, not in the future"),
  method: z.enum(PAYMENT_METHODS),
});

/** `POST /v1/invoices/:id/payments/:paymentId/reversal`: `paymentReversalInputSchema` of `@kontor/invoicing`. */
export const reversePaymentBodySchema = paymentReversalInputSchema.extend({
  reason: z
    .enum(PAYMENT_REVERSAL_REASONS)
    .describe("returned: the money went back (SEPA direct debit returned, cheque bounced); recorded-in-error: booked on the wrong invoice or never received"),
  reversedOn: isoDateSchema.describe("The day the payment was reversed (the return on the bank statement); not before the payment arrived, not in the future"),
  note: z.string().trim().min(1).max(500).optional().describe("Free text, e.g. the bank's return reason (MD06, AC04)"),
});

/** The reversal of a payment as the API shows it. */
export const paymentReversalResponseSchema = z
  .object({
    reversedOn: z.string(),
    reason: z.enum(PAYMENT_REVERSAL_REASONS),
    note: z.string().nullable(),
  })
  .meta({ id: "InvoicePaymentReversal" });

/** A recorded payment as the API shows it. */
export const paymentResponseSchema = z
  .object({
    id: z.string(),
    amount: moneyJsonSchema,
    receivedOn: z.string(),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().nullable(),
    reversal: paymentReversalResponseSchema
      .nullable()
      .describe("Set once the payment is reversed: a reversed payment never paid anything and counts nowhere (balance, open amount, T6 claim); null while it stands"),
  })
  .meta({ id: "InvoicePayment" });

/** What is still owed on an invoice. */
export const balanceResponseSchema = z
  .object({
    status: z.enum(["unpaid", "partially-paid", "paid"]),
    amountDue: moneyJsonSchema.describe("BT-115: gross total less prepaid amounts"),
    credited: moneyJsonSchema.describe("Sum of the finalized credit notes against the invoice"),
    paid: moneyJsonSchema,
    open: moneyJsonSchema,
    dueDate: z.string(),
    settledOn: z.string().nullable().describe("The day the open amount reached zero"),
    overdueDays: z.number().int().describe("Days after the due date up to asOf while anything is open"),
  })
  .meta({ id: "InvoiceBalance" });

const interestPeriodSchema = z.object({
  from: z.string(),
  until: z.string(),
  days: z.number().int(),
  baseRatePercent: z.string(),
  ratePercent: z.string().describe("Base rate + 9 points (business) or + 5 points (consumer), per year"),
  interest: moneyJsonSchema,
});

/** The T6 claim for late payment (base rate + 9 points, 40 EUR flat fee). */
export const latePaymentClaimSchema = z
  .object({
    rule: z.literal("T6"),
    invoiceNumber: z.string(),
    dueDate: z.string(),
    asOf: z.string(),
    debtor: z.enum(["business", "consumer"]),
    segments: z.array(
      z.object({
        from: z.string(),
        until: z.string(),
        principal: moneyJsonSchema.describe("What was still owed on each day of the segment"),
        periods: z.array(interestPeriodSchema).describe("Split where the base rate changes (1 January, 1 July)"),
        interest: moneyJsonSchema,
      }),
    ),
    interest: moneyJsonSchema,
    flatFee: moneyJsonSchema.nullable().describe("§ 288 (5) BGB, once per invoice, business debtors only"),
    total: moneyJsonSchema.describe("Interest plus flat fee, when both are in the invoice's currency; otherwise the interest"),
  })
  .meta({ id: "LatePaymentClaim" });

/** `GET /v1/invoices/:id/payments`. */
export const invoicePaymentsResponseSchema = z.object({
  asOf: z.string(),
  balance: balanceResponseSchema,
  payments: z.array(paymentResponseSchema),
  latePayment: latePaymentClaimSchema.nullable().describe("T6 up to asOf; null when nothing was open after the due date"),
});

/** `POST /v1/invoices/:id/payments`. */
export const recordedPaymentResponseSchema = z.object({ payment: paymentResponseSchema, balance: balanceResponseSchema });

/** `POST /v1/invoices/:id/payments/:paymentId/reversal`: the reversed payment and the balance without it. */
export const reversedPaymentResponseSchema = z.object({ payment: paymentResponseSchema, balance: balanceResponseSchema });

/** An amount with exactly its currency's minor-unit digits ("49.50", not "49.5"). */
export function moneyJson(money: Money): MoneyJson {
  return { amount: money.toFixed(), currency: money.currency };
}

/** Maps a recorded payment to {@link paymentResponseSchema}. */
export function toPaymentResponse(payment: RecordedPayment): z.input<typeof paymentResponseSchema> {
  const reversal = payment.reversal ?? null;
  return {
    id: payment.id,
    amount: moneyJson(payment.amount),
    receivedOn: payment.receivedOn,
    method: payment.method,
    reference: payment.reference,
    reversal: reversal === null ? null : { reversedOn: reversal.reversedOn, reason: reversal.reason, note: reversal.note },
  };
}

/** Maps a balance to {@link balanceResponseSchema}. */
export function toBalanceResponse(balance: InvoiceBalance): z.input<typeof balanceResponseSchema> {
  return {
    status: balance.status,
    amountDue: moneyJson(balance.amountDue),
    credited: moneyJson(balance.credited),
    paid: moneyJson(balance.paid),
    open: moneyJson(balance.open),
    dueDate: balance.dueDate,
    settledOn: balance.settledOn,
    overdueDays: balance.overdueDays,
  };
}

/** Maps a T6 claim to {@link latePaymentClaimSchema}. */
export function toClaimResponse(claim: LatePaymentClaim): z.input<typeof latePaymentClaimSchema> {
  // The flat fee is in EUR (§ 288 (5) BGB); an invoice in another currency shows it apart.
  const fee = claim.flatFee !== null && claim.flatFee.currency === claim.interest.currency ? claim.flatFee : null;
  return {
    rule: claim.rule,
    invoiceNumber: claim.invoiceNumber,
    dueDate: claim.dueDate,
    asOf: claim.asOf,
    debtor: claim.debtor,
    segments: claim.segments.map((segment) => ({
      from: segment.from,
      until: segment.until,
      principal: moneyJson(segment.principal),
      periods: segment.interest.periods.map((period) => ({
        from: period.from,
        until: period.until,
        days: period.days,
        baseRatePercent: period.baseRatePercent,
        ratePercent: period.ratePercent,
        interest: moneyJson(period.interest),
      })),
      interest: moneyJson(segment.interest.interest),
    })),
    interest: moneyJson(claim.interest),
    flatFee: claim.flatFee === null ? null : moneyJson(claim.flatFee),
    total: moneyJson(fee === null ? claim.interest : claim.interest.add(fee)),
  };
}
