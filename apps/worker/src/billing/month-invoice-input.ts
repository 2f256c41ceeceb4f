import { firstDayOf, lastDayOf, type ClosedMonth, type InvoiceLine as ContingentInvoiceLine } from "@kontor/contingent";
import { calculateInvoiceTotals, type InvoiceInput, type InvoiceLineInput, type LineVat, type UnitCode } from "@kontor/invoicing";
import { decimal, Money } from "@kontor/money";
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

/** The item price base quantity (BT-149) of an hour line billed in minutes: the hourly rate is per 60 minutes. */
const MINUTES_PER_HOUR = 60;

/**
 * How a contingent line is counted on the invoice (BT-129, BT-130, BT-149). An hour line whose
 * hours are exact in its quantity (15-minute steps: 1.75 hours) stays in hours (`HUR`). One
 * whose hours do not terminate within the quantity's digits (10-minute steps: 50 minutes is
 * 0.8333… hours) is billed as its exact minutes (`MIN`) at the hourly rate per 60 minutes, so
 * the invoice's net is the contingent's: 50 × 95.00 ÷ 60 = 79.17, not 0.8333 × 95.00 = 79.16.
 * Every other line keeps its quantity and unit.
 */
function quantityOf(line: ContingentInvoiceLine): { readonly quantity: string; readonly unitCode: UnitCode; readonly baseQuantity?: string } {
  if (line.unit === "hour" && line.minutes !== null && !decimal(line.quantity).times(MINUTES_PER_HOUR).equals(line.minutes)) {
    return { quantity: String(line.minutes), unitCode: "MIN", baseQuantity: String(MINUTES_PER_HOUR) };
  }
  return { quantity: line.quantity, unitCode: UNIT_CODES[line.unit] };
}

function invoiceLineOf(line: ContingentInvoiceLine, closed: ClosedMonth, vat: LineVat): InvoiceLineInput {
  const common = { description: line.description, ...quantityOf(line), unitPrice: line.unitPrice, vat };
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
 * The invoice lines of a closed month, each checked to come to the net the close computed for
 * it (`@kontor/invoicing`'s T5 line amounts against the contingent line's `net`, P3): the
 * invoice bills exactly what the service report and the ledger say, or nothing. Throws naming
 * the line when they would differ.
 */
function invoiceLinesOf(closed: ClosedMonth, vat: LineVat): InvoiceLineInput[] {
  const lines = closed.invoice.lines.map((line) => invoiceLineOf(line, closed, vat));
  const totals = calculateInvoiceTotals(
    lines.map((line) => ({ quantity: line.quantity, unitPrice: Money.fromJSON(line.unitPrice), baseQuantity: line.baseQuantity, vat: line.vat })),
    closed.currency,
  );
  if (!totals.ok) throw new Error(`The invoice lines of ${closed.contractId} ${closed.month} have no totals: ${totals.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  closed.invoice.lines.forEach((line, index) => {
    const invoiced = totals.value.lineNets[index];
    const net = Money.fromJSON(line.net);
    if (invoiced === undefined || !invoiced.equals(net)) {
      throw new Error(
        `Invoice line ${String(index + 1)} of ${closed.contractId} ${closed.month} (${line.description}) would bill ${invoiced?.toFixed() ?? "nothing"} ${closed.currency}, ` +
          `but the month close computed ${net.toFixed()} ${closed.currency}; refusing to bill a different amount`,
      );
    }
  });
  return lines;
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
 * `policies` (P1). Hour lines whose hours are not exact are billed in minutes at the hourly rate
 * per 60 minutes (BT-149), and every line's net equals the close's. Throws when the contract
 * serves a branch the customer does not have, or when a line would bill another amount than
 * the close computed.
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
    lines: invoiceLinesOf(closed, vat),
  };
}
