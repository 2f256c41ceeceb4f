import type { OutboxEvent } from "@kontor/db";
import type { RentalMonthCharge } from "@kontor/licensing";
import type { Money, MoneyJson } from "@kontor/money";

/** Outbox topic of a rental month that is due for invoicing (M5). */
export const RENTAL_INVOICE_DUE_TOPIC = "licensing.rental-invoice-due";

/** The payload of {@link RENTAL_INVOICE_DUE_TOPIC}: the month's charge as `rentalMonthCharge` computed it. */
export interface RentalInvoiceDuePayload {
  readonly subscriptionId: string;
  readonly organizationId: string;
  /** The billed month `YYYY-MM` in the customer's zone. */
  readonly month: string;
  /** Supply period of the invoice: the month's first and last day. */
  readonly supplyPeriod: { readonly start: string; readonly end: string };
  readonly lines: readonly {
    readonly addOnId: string | null;
    readonly description: string;
    readonly quantity: number;
    readonly unitPrice: MoneyJson;
    readonly amount: MoneyJson;
  }[];
  readonly total: MoneyJson;
  /** The rental policy (P1) that chose the billed quantity. */
  readonly policyId: string;
}

/**
 * A rounded amount as JSON with all minor-unit digits (`"468.00"`, not `"468"`): line amounts
 * and totals are rounded half-up already, and invoices print them that way.
 */
function roundedJson(money: Money): MoneyJson {
  return { amount: money.toFixed(), currency: money.currency };
}

/** Dedupe key of a rental month: one invoice per subscription and month (M5). */
export function rentalInvoiceDueDedupeKey(subscriptionId: string, month: string): string {
  return `rental-charge:${subscriptionId}:${month}`;
}

/** The outbox event asking for the invoice of one rental month. */
export function rentalInvoiceDueEvent(organizationId: string, charge: RentalMonthCharge, supplyPeriod: RentalInvoiceDuePayload["supplyPeriod"]): OutboxEvent {
  const payload: RentalInvoiceDuePayload = {
    subscriptionId: charge.subscriptionId,
    organizationId,
    month: charge.month,
    supplyPeriod,
    lines: charge.lines.map((line) => ({
      addOnId: line.addOnId,
      description: line.description,
      quantity: line.quantity,
      // Unit prices keep their precision (a customer price may have more digits than cents).
      unitPrice: line.unitPrice.toJSON(),
      amount: roundedJson(line.amount),
    })),
    total: roundedJson(charge.total),
    policyId: charge.policyId,
  };
  return {
    topic: RENTAL_INVOICE_DUE_TOPIC,
    aggregateType: "rental-subscription",
    aggregateId: charge.subscriptionId,
    dedupeKey: rentalInvoiceDueDedupeKey(charge.subscriptionId, charge.month),
    payload,
  };
}
