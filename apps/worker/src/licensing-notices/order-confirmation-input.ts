import type { LineVat, OrderConfirmationInput, UnitCode } from "@kontor/invoicing";
import type { LicenseOrderLine, Order, ServiceItem } from "@kontor/licensing";
import { Money, type CurrencyCode, type MoneyJson } from "@kontor/money";
import type { TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { localDay } from "../licensing/local-day.js";
import { customerVat } from "../licensing-billing/customer-vat.js";
import type { ConfirmationEvent } from "./confirmation-event.js";

type Item = OrderConfirmationInput["items"][number];

const ACTION_NAMES: Readonly<Record<LicenseOrderLine["action"], string>> = { new: "Neukauf", renewal: "Verlängerung", upgrade: "Upgrade" };
const EDITION_NAMES: Readonly<Record<LicenseOrderLine["edition"], string>> = { server: "Server", "data-center": "Data Center", cloud: "Cloud" };

/** Units customers write on service orders that have a code of their own (hours, days, months). */
const SERVICE_UNITS: Readonly<Record<string, UnitCode>> = {
  h: "HUR",
  std: "HUR",
  stunde: "HUR",
  stunden: "HUR",
  hour: "HUR",
  hours: "HUR",
  tag: "DAY",
  tage: "DAY",
  pt: "DAY",
  personentag: "DAY",
  personentage: "DAY",
  day: "DAY",
  days: "DAY",
  monat: "MON",
  monate: "MON",
  month: "MON",
  months: "MON",
};

/**
 * A license line as the later invoice will show it (same description, same net amount), so
 * the confirmation matches the invoice: the unit price is the line amount per license, or the
 * line is one lump of its amount when that division does not come out exact (L14 discounts).
 */
function licenseItem(line: LicenseOrderLine, amount: MoneyJson, vat: LineVat): Item {
  const total = Money.fromJSON(amount);
  const unitPrice = total.divide(line.quantity);
  const exact = unitPrice.multiply(line.quantity).equals(total);
  const details = [
    `${ACTION_NAMES[line.action]}, ${EDITION_NAMES[line.edition]}`,
    ...(line.siteUrl === null ? [] : [`Site ${line.siteUrl}`]),
    ...(line.sen === null ? [] : [`SEN ${line.sen}`]),
    ...(exact ? [] : [`${line.quantity} Lizenzen`]),
  ];
  return {
    description: `${line.productName}, ${line.userTier} Nutzer`,
    detail: details.join("; "),
    quantity: exact ? String(line.quantity) : "1",
    unitCode: "C62",
    unitPrice: exact ? unitPrice.toJSON() : total.toJSON(),
    vat,
  };
}

/**
 * A service as confirmed (L1): consulting and project work is billed by effort, so it has no
 * price on the confirmation (0, "nach Aufwand"); the ordered quantity and unit are kept.
 */
function serviceItem(description: string, service: ServiceItem | undefined, currency: CurrencyCode, vat: LineVat): Item {
  const unit = service?.unit ?? null;
  const code = unit === null ? undefined : SERVICE_UNITS[unit.trim().toLowerCase()];
  const quantity = service?.quantity ?? null;
  const detail = [...(quantity !== null && unit !== null && code === undefined ? [`Menge: ${quantity} ${unit}`] : []), "Abrechnung nach Aufwand"];
  return {
    description,
    detail: detail.join("; "),
    quantity: quantity ?? "1",
    unitCode: code ?? "C62",
    unitPrice: { amount: "0", currency },
    vat,
  };
}

/**
 * The order confirmation document (L1) for `@kontor/invoicing`'s `composeOrderConfirmation`,
 * from the `confirmation-to-send` event's document (what was confirmed, on which day, for
 * whom, with the customer's PO number) and the stored order (line details, the requested
 * purchase date (L3) and technical contact (L4) of a license order). The addressee the customer
 * asked for is printed at the organization's address; the installation is the seller. The VAT
 * is determined under the installation's terms `policies` (P1), as the invoice's will be.
 *
 * @throws when the event's items do not match the order's lines (a wiring mistake)
 */
export function orderConfirmationInput(
  event: ConfirmationEvent,
  order: Order,
  organization: Organization,
  settings: BillingSettings,
  number: string,
  policies: TermsPolicySet,
): OrderConfirmationInput {
  const { document } = event;
  const customer = buyerOf(organization);
  const currency = document.total?.currency ?? (order.kind === "license" ? order.total.currency : "EUR");
  // T3: taxed by the billing address on the confirmation day, as the invoice will be.
  const vat = customerVat(organization, settings.seller, document.confirmedOn, order.customer.zone, policies);
  const expected = order.kind === "license" ? order.lines.length : order.services.length;
  if (expected !== document.items.length) {
    throw new Error(`Confirmation of order ${order.orderId} lists ${document.items.length} items, the order has ${expected}`);
  }
  const items =
    order.kind === "license"
      ? order.lines.map((line, index) => licenseItem(line, document.items[index]?.amount ?? line.amount.toJSON(), vat))
      : document.items.map((item, index) => serviceItem(item.description, order.services[index], currency, vat));
  const purchaseDate = order.kind === "license" && order.requestedPurchaseDate !== null && order.requestedPurchaseDate > document.confirmedOn ? order.requestedPurchaseDate : null;
  const contact = order.kind === "license" ? order.technicalContact : null;
  return {
    number,
    issueDate: document.confirmedOn,
    orderKind: document.orderKind,
    orderDate: localDay(new Date(order.receivedAt), order.customer.zone),
    currency,
    seller: settings.seller,
    customer,
    // L1: another addressee when the customer asked for one, at the organization's address.
    ...(document.addressee === organization.name ? {} : { addressee: { name: document.addressee, address: customer.address } }),
    ...(document.customerPoNumber === null ? {} : { customerOrderNumber: document.customerPoNumber }),
    ...(purchaseDate === null ? {} : { licensePurchaseDate: purchaseDate }),
    ...(contact === null ? {} : { technicalContact: { name: contact.fullName, email: contact.email } }),
    items,
    notes: [`Ihr Auftrag ${order.orderId}.`],
  };
}
