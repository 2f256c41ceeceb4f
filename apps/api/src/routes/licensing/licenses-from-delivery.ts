import type { NewLicense } from "@kontor/db";
import type { LicenseOrder } from "@kontor/licensing";
import { RESELLER_PARTY_ID } from "./licensing-context.js";

/**
 * The licenses a delivered license order hands to the customer (L5): one per line, with the key
 * given on delivery (cloud lines have none). The reseller bought them from the vendor (L3), so
 * it is their original purchaser (L13).
 */
export function licensesFromDelivery(order: LicenseOrder, organizationId: string, plainKeys: ReadonlyMap<string, string>): NewLicense[] {
  return order.lines.map((line) => ({
    id: `${order.orderId}-${line.lineId}`,
    organizationId,
    orderId: order.orderId,
    vendorId: order.vendorId,
    productId: line.productId,
    edition: line.edition,
    originalPurchaserId: RESELLER_PARTY_ID,
    key: plainKeys.get(line.lineId) ?? null,
    record: {
      productId: line.productId,
      productName: line.productName,
      vendorId: order.vendorId,
      edition: line.edition,
      billingModel: line.billingModel,
      userTier: line.userTier,
      quantity: line.quantity,
      sen: line.sen,
      siteUrl: line.siteUrl,
      purchasedAt: order.purchasedAt,
      paidOn: order.paidOn,
      term: null,
    },
  }));
}
