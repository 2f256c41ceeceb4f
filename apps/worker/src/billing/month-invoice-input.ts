import { firstDayOf, lastDayOf, type ClosedMonth, type InvoiceLine as ContingentInvoiceLine } from "@kontor/contingent";
import type { InvoiceInput, InvoiceLineInput, LineVat, UnitCode } from "@kontor/invoicing";
import type { TermsPolicySet } from "@kontor/terms";
import { billingPartyOf } from "./billing-party.js";
import type { BillingSettings } from "./billing-settings.js";
import type { ClosedContractMonth } from "./closed-contract-month.js";
import { customerServiceVat } from "./customer-service-vat.js";
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
 * the contract's billing party as buyer (O1: the organization, addressed to the branch the
 * contract serves when branches are billed separately; billed centrally, a note names the
 * branch) and the installation as seller. Issued on `issueDate`, by default the day of the close
 * in the contract's zone, net `settings.netDays` in the customer's holiday calendar (T1, §193
 * BGB). The VAT is determined by the billing party's address (T3) under the installation's terms
 * `policies` (P1). Throws when the contract serves a branch the customer does not have.
 */
export function monthInvoiceInput(month: ClosedContractMonth, settings: BillingSettings, policies: TermsPolicySet, issueDate: string = issueDateOf(month.closed)): InvoiceInput {
  const { closed, organization } = month;
  const party = billingPartyOf(organization, month.contract);
  // T3: the tax point of a month's services is its last day.
  const vat = customerServiceVat(party, settings, lastDayOf(closed.month), closed.zone, policies);
  const { serviceReportId } = closed.invoice;
  return {
    type: "invoice",
    issueDate,
    currency: closed.currency,
    seller: settings.seller,
    buyer: party.buyer,
    buyerReference: `${closed.contractId}-${closed.month}`,
    contractReference: closed.contractId,
    serviceReportId,
    supplyPeriod: { start: firstDayOf(closed.month), end: lastDayOf(closed.month) },
    paymentTerms: { netDays: settings.netDays, calendar: organization.calendarId },
    paymentMeans: settings.paymentMeans,
    notes: [`Leistungsnachweis: Servicebericht ${serviceReportId}, vorab per E-Mail zugestellt.`, ...party.notes],
    lines: closed.invoice.lines.map((line) => invoiceLineOf(line, closed, vat)),
  };
}
