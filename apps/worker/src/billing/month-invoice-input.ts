import { firstDayOf, lastDayOf, type ClosedMonth, type InvoiceLine as ContingentInvoiceLine } from "@kontor/contingent";
import { lineVatFromTaxDetermination, unwrap, type InvoiceInput, type InvoiceLineInput, type LineVat, type UnitCode } from "@kontor/invoicing";
import { determineTax } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "./billing-customer.js";
import type { BillingSettings } from "./billing-settings.js";
import { issueDateOf } from "./service-report-input.js";

/** UN/ECE Rec. 20 unit of each unit a contingent invoice line uses (BT-130). */
const UNIT_CODES: Readonly<Record<ContingentInvoiceLine["unit"], UnitCode>> = {
  month: "MON",
  hour: "HUR",
  day: "DAY",
  trip: "LS",
  km: "KMT",
  device: "C62",
  server: "C62",
  GB: "E34",
  mailbox: "C62",
};

/**
 * T3: the VAT of the customer's services, from the billing address (the organization's
 * address) on the last day of the month, the supply's tax point. A German customer pays 19 %.
 */
function vatOf(closed: ClosedMonth, organization: Organization, settings: BillingSettings): LineVat {
  const determination = determineTax({
    asOf: lastDayOf(closed.month),
    zone: closed.zone,
    seller: { country: settings.seller.address.countryCode, ...(settings.seller.vatId === undefined ? {} : { vatId: settings.seller.vatId }) },
    buyer: { status: "business" },
    contacts: { billing: { address: { country: organization.address.country } } },
    supply: "service",
  });
  if (!determination.ok) {
    throw new Error(`No tax for ${organization.id}: ${determination.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  }
  return unwrap(lineVatFromTaxDetermination(determination.value));
}

function invoiceLineOf(line: ContingentInvoiceLine, closed: ClosedMonth, vat: LineVat): InvoiceLineInput {
  const common = { description: line.description, quantity: line.quantity, unitCode: UNIT_CODES[line.unit], unitPrice: line.unitPrice, vat };
  switch (line.kind) {
    case "contingent-monthly":
      return { kind: "monthly-contingent", ...common, contractId: closed.contractId, month: line.reference ?? closed.month };
    case "correction":
      return { kind: "correction", ...common, contractId: closed.contractId, reason: line.description };
    case "travel":
      return { kind: "travel", ...common };
    case "time-and-material":
      return { kind: "time-and-material", ...common, ...(line.serviceReportId === null ? {} : { serviceReportId: line.serviceReportId }) };
    case "usage":
      return { kind: "pay-per-use", ...common, service: line.reference ?? "managed-service", metric: line.unit, month: closed.month };
  }
}

/**
 * The invoice of a closed month (C8) for `@kontor/invoicing`: the month's lines as the close
 * produced them (C2 monthly contingent, C4 correction, C6 travel and time, C9 usage) with the
 * VAT of T3, the service-report ID (BT-122) and the note that the report was mailed before,
 * the organization as buyer and the installation as seller. Issued on the day of the close in
 * the contract's zone, net `settings.netDays` in the customer's holiday calendar (T1, §193 BGB).
 */
export function monthInvoiceInput(closed: ClosedMonth, organization: Organization, settings: BillingSettings): InvoiceInput {
  const vat = vatOf(closed, organization, settings);
  const { serviceReportId } = closed.invoice;
  return {
    type: "invoice",
    issueDate: issueDateOf(closed),
    currency: closed.currency,
    seller: settings.seller,
    buyer: buyerOf(organization),
    buyerReference: `${closed.contractId}-${closed.month}`,
    contractReference: closed.contractId,
    serviceReportId,
    supplyPeriod: { start: firstDayOf(closed.month), end: lastDayOf(closed.month) },
    paymentTerms: { netDays: settings.netDays, calendar: organization.calendarId },
    paymentMeans: settings.paymentMeans,
    notes: [`Leistungsnachweis: Servicebericht ${serviceReportId}, vorab per E-Mail zugestellt.`],
    lines: closed.invoice.lines.map((line) => invoiceLineOf(line, closed, vat)),
  };
}
