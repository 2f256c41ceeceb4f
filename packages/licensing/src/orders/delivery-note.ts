import type { IsoDate } from "@kontor/calendar";
import { isSelfManaged } from "../catalog/edition.js";
import type { LicenseOrder } from "./order.js";

/** One delivered license: its key, or for cloud licenses a note that there is none (L5). */
export interface DeliveryNoteItem {
  readonly lineId: string;
  readonly description: string;
  readonly key: string | null;
  readonly note: string | null;
}

/** L5: the delivery note sent with the invoice, listing each license with its key. */
export interface DeliveryNote {
  readonly orderId: string;
  readonly addressee: string;
  readonly customerPoNumber: string | null;
  readonly deliveredOn: IsoDate;
  readonly items: readonly DeliveryNoteItem[];
}

/**
 * Builds the {@link DeliveryNote} of a purchased order (L5): self-managed licenses with their
 * keys; cloud licenses without a key, noting that the instance is live since the purchase day.
 *
 * @param order the order with its keys
 * @param deliveredOn the day of delivery
 * @param purchasedOn the purchase day, in the customer's zone
 */
export function deliveryNote(order: LicenseOrder, deliveredOn: IsoDate, purchasedOn: IsoDate): DeliveryNote {
  return {
    orderId: order.orderId,
    addressee: order.confirmationRequirements.addressee ?? order.customer.name,
    customerPoNumber: order.confirmationRequirements.customerPoNumber,
    deliveredOn,
    items: order.lines.map((line) => {
      const description = `${line.productName}, ${line.userTier} users`;
      if (!isSelfManaged(line.edition)) {
        return { lineId: line.lineId, description, key: null, note: `Cloud license without key: the instance is live since ${purchasedOn}` };
      }
      const key = order.keys.find((candidate) => candidate.lineId === line.lineId)?.key ?? null;
      return { lineId: line.lineId, description, key, note: null };
    }),
  };
}
