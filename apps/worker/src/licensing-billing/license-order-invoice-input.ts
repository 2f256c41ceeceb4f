import type { IsoDate } from "@kontor/calendar";
import type { InvoiceInput, InvoiceLineInput, LineVat } from "@kontor/invoicing";
import type { LicenseOrder, LicenseOrderLine } from "@kontor/licensing";
import type { MoneyJson } from "@kontor/money";
import type { TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { localDay } from "../licensing/local-day.js";
import { customerVat } from "./customer-vat.js";

const ACTION_NAMES: Readonly<Record<LicenseOrderLine["action"], string>> = { new: "Neukauf", renewal: "Verlängerung", upgrade: "Upgrade" };
const EDITION_NAMES: Readonly<Record<LicenseOrderLine["edition"], string>> = { server: "Server", "data-center": "Data Center", cloud: "Cloud" };

/**
 * The price and quantity of a line as the invoice prints them. The order stores the line's
 * amounts, not its unit price: the net unit price (BT-146, after the L14 discount) is the line
 * amount per license. When that division does not come out exact (a discounted amount split
 * over several licenses), the line is billed as one lump of its amount, so the invoice's line
 * net is the order's amount to the cent and never a rounded product.
 */
function priced(line: LicenseOrderLine): { readonly quantity: string; readonly unitPrice: MoneyJson; readonly lump: boolean } {
  const unitPrice = line.amount.divide(line.quantity);
  if (unitPrice.multiply(line.quantity).equals(line.amount)) return { quantity: String(line.quantity), unitPrice: unitPrice.toJSON(), lump: false };
  return { quantity: "1", unitPrice: line.amount.toJSON(), lump: true };
}

function invoiceLineOf(line: LicenseOrderLine, vat: LineVat): InvoiceLineInput {
  const { quantity, unitPrice, lump } = priced(line);
  const details = [
    `${ACTION_NAMES[line.action]}, ${EDITION_NAMES[line.edition]}`,
    ...(line.siteUrl === null ? [] : [`Site ${line.siteUrl}`]),
    ...(lump ? [`${line.quantity} Lizenzen`] : []),
    // L14: the customer's discount, shown against the list price.
    ...(line.discount.isZero() ? [] : [`Listenpreis ${line.listAmount.format()} abzüglich ${line.discountPercent} % Rabatt (${line.discount.format()})`]),
  ];
  return {
    kind: "license-purchase",
    id: line.lineId.replace(/[^A-Za-z0-9\-_.]/g, "-").slice(0, 64),
    description: `${line.productName}, ${line.userTier} Nutzer`,
    detail: details.join("; "),
    quantity,
    unitCode: "C62",
    unitPrice,
    vat,
    deployment: line.edition,
    ...(line.sen === null ? {} : { sen: line.sen }),
  };
}

/**
 * The invoice of a purchased license order (L5) for `@kontor/invoicing`: one line per ordered
 * license at the order's prices (discount included, L14), the organization as buyer and the
 * installation as seller. The licenses are supplied on the purchase day in the customer's
 * zone: it is the delivery date (BT-72) and the tax point (T3). The customer's own order
 * number (L1) is the buyer and purchase-order reference; without one, the order ID is. The VAT
 * is determined under the installation's terms `policies` (P1).
 */
export function licenseOrderInvoiceInput(order: LicenseOrder, organization: Organization, settings: BillingSettings, issueDate: IsoDate, policies: TermsPolicySet): InvoiceInput {
  if (order.purchasedAt === null) throw new Error(`Order ${order.orderId} is not purchased; it has no invoice yet (L5)`);
  const purchasedOn = localDay(new Date(order.purchasedAt), order.customer.zone);
  const vat = customerVat(organization, settings.seller, purchasedOn, order.customer.zone, policies);
  const poNumber = order.confirmationRequirements.customerPoNumber;
  return {
    type: "invoice",
    issueDate,
    currency: order.total.currency,
    seller: settings.seller,
    buyer: buyerOf(organization),
    buyerReference: poNumber ?? order.orderId,
    ...(poNumber === null ? {} : { purchaseOrderReference: poNumber }),
    deliveryDate: purchasedOn,
    paymentTerms: { netDays: settings.netDays, calendar: organization.calendarId },
    paymentMeans: settings.paymentMeans,
    notes: [`Lizenzauftrag ${order.orderId}. Den Lieferschein (L5) erhalten Sie mit separater E-Mail.`],
    lines: order.lines.map((line) => invoiceLineOf(line, vat)),
  };
}
