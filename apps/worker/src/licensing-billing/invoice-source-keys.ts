/**
 * The source key of a license order's invoice (L5): one invoice per order, ever. The unique
 * `invoices.source_key` makes a retried handler find the invoice instead of composing another.
 */
export function licenseOrderInvoiceSourceKey(orderId: string): string {
  return `license-order:${orderId}`;
}
