import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";
import type { PaymentMethod } from "./payment-method.js";

/**
 * A payment received for one invoice, as `recordPayment` returns it and the database stores it.
 * Payments are facts: they are never changed or deleted, only added.
 */
export interface RecordedPayment {
  /** Chosen by the caller (the database row's ID), so recording stays pure. */
  readonly id: string;
  /** Positive, in the invoice's currency, whole minor units. */
  readonly amount: Money;
  /** The day the money arrived. */
  readonly receivedOn: IsoDate;
  readonly method: PaymentMethod;
  readonly reference: string | null;
}
