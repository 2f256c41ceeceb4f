import type { IsoDate } from "@kontor/calendar";
import type { InvoiceInput, InvoiceLineInput, LineVat } from "@kontor/invoicing";
import type { TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "../billing/billing-customer.js";
import { germanMonthName } from "../billing/billing-month-name.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import type { RentalInvoiceDuePayload } from "../licensing/rental-invoice-due-event.js";
import { customerVat } from "./customer-vat.js";

function invoiceLineOf(line: RentalInvoiceDuePayload["lines"][number], charge: RentalInvoiceDuePayload, vat: LineVat): InvoiceLineInput {
  return {
    kind: "rental-month",
    description: line.description,
    detail: `Mietlizenzen ${germanMonthName(charge.month)}`,
    quantity: String(line.quantity),
    // Products are rented per user (M1), add-ons per unit.
    unitCode: line.addOnId === null ? "IE" : "C62",
    unitPrice: line.unitPrice,
    vat,
    contractId: charge.subscriptionId,
    month: charge.month,
  };
}

/**
 * The invoice of one rental month (M5) for `@kontor/invoicing`: one line per charged product
 * and add-on at the charged quantity (the highest held in the month) and the customer's unit
 * price, the month as supply period (its last day is the tax point, T3), the subscription as
 * contract reference, the organization as buyer and the installation as seller. The VAT is
 * determined under the installation's terms `policies` (P1).
 */
export function rentalInvoiceInput(charge: RentalInvoiceDuePayload, organization: Organization, settings: BillingSettings, issueDate: IsoDate, policies: TermsPolicySet): InvoiceInput {
  const vat = customerVat(organization, settings.seller, charge.supplyPeriod.end, organization.zone, policies);
  return {
    type: "invoice",
    issueDate,
    currency: charge.total.currency,
    seller: settings.seller,
    buyer: buyerOf(organization),
    buyerReference: `${charge.subscriptionId}-${charge.month}`,
    contractReference: charge.subscriptionId,
    supplyPeriod: charge.supplyPeriod,
    paymentTerms: { netDays: settings.netDays, calendar: organization.calendarId },
    paymentMeans: settings.paymentMeans,
    notes: [`Monatsmiete ${germanMonthName(charge.month)}: berechnet wird je Produkt die höchste im Monat gehaltene Anzahl.`],
    lines: charge.lines.map((line) => invoiceLineOf(line, charge, vat)),
  };
}
