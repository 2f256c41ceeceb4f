import type { IsoDate } from "@kontor/calendar";
import type { OutboxEvent, OverdueInvoiceRow } from "@kontor/db";
import type { PaymentReminderStage } from "./payment-reminder-schedule.js";

/** Outbox topic of a payment reminder mail (Zahlungserinnerung or Mahnung). */
export const PAYMENT_REMINDER_TOPIC = "invoicing.payment-reminder-mail";

/**
 * What the job saw when the reminder fell due. The handler reads the invoice, its payments and
 * credits again on the day it mails: the amounts here are for the log and the record only.
 */
export interface PaymentReminderPayload {
  readonly invoiceId: string;
  readonly organizationId: string;
  readonly invoiceNumber: string;
  readonly stage: PaymentReminderStage;
  readonly dueDate: IsoDate;
  /** The local day (installation zone) of the run that found the stage due. */
  readonly dueOn: IsoDate;
  readonly daysOverdue: number;
  /** The open amount on `dueOn`, a decimal string in `currency`. */
  readonly open: string;
  readonly currency: string;
}

/** Dedupe key of a reminder: one per invoice and stage, ever. */
export function paymentReminderDedupeKey(invoiceId: string, stage: PaymentReminderStage): string {
  return `payment-reminder:${invoiceId}:${String(stage)}`;
}

/** The outbox event of the reminder `stage` due on `today` for the overdue invoice `row`. */
export function paymentReminderEvent(row: OverdueInvoiceRow, stage: PaymentReminderStage, today: IsoDate, daysOverdue: number): OutboxEvent {
  const payload: PaymentReminderPayload = {
    invoiceId: row.id,
    organizationId: row.organizationId,
    invoiceNumber: row.number,
    stage,
    dueDate: row.dueDate,
    dueOn: today,
    daysOverdue,
    open: row.open,
    currency: row.currency,
  };
  return {
    topic: PAYMENT_REMINDER_TOPIC,
    aggregateType: "invoice",
    aggregateId: row.id,
    dedupeKey: paymentReminderDedupeKey(row.id, stage),
    payload,
  };
}
