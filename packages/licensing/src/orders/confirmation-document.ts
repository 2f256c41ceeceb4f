import type { IsoDate } from "@kontor/calendar";
import type { Money } from "@kontor/money";
import type { Order } from "./order.js";

/** One ordered service or license as listed on a confirmation. */
export interface ConfirmationItem {
  readonly description: string;
  readonly quantity: string;
  /** The line amount for licenses; `null` for services (billed by effort). */
  readonly amount: Money | null;
}

/**
 * L1: the data of an order confirmation: the ordered services or licenses, addressed as the
 * customer asked, with the customer's own order (PO) number when given.
 */
export interface ConfirmationDocument {
  readonly orderId: string;
  readonly orderKind: Order["kind"];
  readonly customerId: string;
  /** The addressee the customer asked for, otherwise the customer's name. */
  readonly addressee: string;
  readonly customerPoNumber: string | null;
  readonly confirmedOn: IsoDate;
  readonly items: readonly ConfirmationItem[];
  /** Total of the license lines; `null` for service orders. */
  readonly total: Money | null;
}

/** Builds the {@link ConfirmationDocument} of `order`, confirmed on `confirmedOn` (L1). */
export function confirmationDocument(order: Order, confirmedOn: IsoDate): ConfirmationDocument {
  const common = {
    orderId: order.orderId,
    orderKind: order.kind,
    customerId: order.customer.id,
    addressee: order.confirmationRequirements.addressee ?? order.customer.name,
    customerPoNumber: order.confirmationRequirements.customerPoNumber,
    confirmedOn,
  };
  if (order.kind === "service") {
    return {
      ...common,
      items: order.services.map((service) => ({
        description: service.description,
        quantity: service.quantity === null ? "" : `${service.quantity}${service.unit === null ? "" : ` ${service.unit}`}`,
        amount: null,
      })),
      total: null,
    };
  }
  return {
    ...common,
    items: order.lines.map((line) => ({
      // L11: a co-termed line names the period it is priced for.
      description: `${line.productName}, ${line.userTier} users (${line.action})${line.period === null ? "" : `, ${line.period.from} – ${line.period.to}`}`,
      quantity: String(line.quantity),
      amount: line.amount,
    })),
    total: order.total,
  };
}
