import { appendToOutbox, insertInvoicePayment, loadInvoiceSettlement, payableInvoiceOfRow, type InvoiceSummaryRow, type KontorTransaction } from "@kontor/db";
import { recordPayment, type InvoiceBalance, type PayableInvoice, type RecordedPayment } from "@kontor/invoicing";
import { DateTime } from "luxon";
import type { DomainResult } from "../../http/domain-result.js";
import { conflict } from "../../http/problem.js";
import { INSTALLATION_ZONE } from "../tickets/service-desk-settings.js";
import { moneyJson } from "./payment-response.js";

/** Outbox topic of every recorded payment. */
export const INVOICE_PAYMENT_RECORDED_TOPIC = "invoice.payment-recorded";
/**
 * Outbox topic of the payment that leaves nothing open; keyed by that payment, so an invoice paid
 * again after a reversal is announced as paid again.
 */
export const INVOICE_PAID_TOPIC = "invoice.paid";

/** Today in the installation's zone: payments and claims are about calendar days there. */
export function installationToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: INSTALLATION_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The finalized invoice or correction invoice behind `row`, or the 409 saying why it takes no payment. */
export function payable(row: InvoiceSummaryRow): PayableInvoice {
  if (row.status !== "finalized") {
    throw conflict(`Invoice ${row.id} is a draft: it is paid once it is finalized (POST /v1/invoices/${row.id}/finalization)`, "PAYMENT_INVOICE_NOT_FINALIZED");
  }
  if (row.type === "credit-note") throw conflict(`${row.number ?? row.id} is a credit note: it is paid out, not in`, "PAYMENT_NOT_PAYABLE_TYPE");
  return payableInvoiceOfRow(row);
}

/** Who records a payment and when. */
export interface PaymentRecording {
  /** ID of the new payment. */
  readonly id: string;
  /** The user who records it; `null` when the system does. */
  readonly recordedBy: string | null;
  readonly now: Date;
}

/**
 * Records a payment on the invoice `row`, which the caller has locked in `tx` (`lockInvoice`):
 * checked with `@kontor/invoicing`'s `recordPayment` against what is paid and credited (T6),
 * stored, and announced (`invoice.payment-recorded`; `invoice.paid` once nothing is open). A
 * payment the rules refuse writes nothing and comes back as the domain errors, so a caller that
 * records several payments can report each refusal on its own.
 */
export async function recordInvoicePayment(
  tx: KontorTransaction,
  row: InvoiceSummaryRow,
  input: unknown,
  recording: PaymentRecording,
): Promise<DomainResult<{ payment: RecordedPayment; balance: InvoiceBalance }>> {
  const invoice = payable(row);
  const { payments, credits } = await loadInvoiceSettlement(tx, row.id);
  const today = installationToday(recording.now);
  const checked = recordPayment(invoice, payments, credits, input, { id: recording.id, today });
  if (!checked.ok) return checked;
  const { payment, balance } = checked.value;
  await insertInvoicePayment(
    tx,
    {
      id: payment.id,
      invoiceId: row.id,
      organizationId: row.organizationId,
      amount: payment.amount.toFixed(),
      currency: payment.amount.currency,
      receivedOn: payment.receivedOn,
      method: payment.method,
      reference: payment.reference,
      recordedBy: recording.recordedBy,
    },
    recording.now,
  );
  const event = { invoiceId: row.id, organizationId: row.organizationId, number: invoice.number, paymentId: payment.id, amount: moneyJson(payment.amount), receivedOn: payment.receivedOn, open: moneyJson(balance.open) };
  await appendToOutbox(
    tx,
    [
      { topic: INVOICE_PAYMENT_RECORDED_TOPIC, aggregateType: "invoice", aggregateId: row.id, dedupeKey: `${INVOICE_PAYMENT_RECORDED_TOPIC}:${payment.id}`, payload: event },
      ...(balance.status === "paid"
        ? [{ topic: INVOICE_PAID_TOPIC, aggregateType: "invoice", aggregateId: row.id, dedupeKey: `${INVOICE_PAID_TOPIC}:${row.id}:${payment.id}`, payload: { ...event, settledOn: balance.settledOn } }]
        : []),
    ],
    recording.now,
  );
  return checked;
}
