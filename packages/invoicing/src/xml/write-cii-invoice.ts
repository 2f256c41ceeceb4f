import { decimal, type Money } from "@kontor/money";
import type { FinalizedInvoice } from "../documents/invoice-document.js";
import { lineBaseQuantity, type InvoiceLine } from "../documents/invoice-line.js";
import type { Buyer, Seller } from "../documents/party.js";
import { toFormat102, type Period } from "../documents/iso-date.js";
import { isUnitBaseQuantity } from "../totals/line-net-amount.js";
import {
  CII_BUSINESS_PROCESS_ID,
  CII_GUIDELINE_IDS,
  CII_NAMESPACES,
  INVOICE_TYPE_CODES,
  PAYMENT_MEANS_CODES,
  SUPPORTING_DOCUMENT_TYPE_CODE,
  type CiiProfile,
} from "./cii-codes.js";
import { el, optionalText, serializeXml, text, type XmlChild, type XmlElement } from "./xml-writer.js";

/** Options of {@link writeCiiInvoice}. */
export interface CiiOptions {
  /** `xrechnung-3` (default) or plain `en16931` (BT-24). */
  readonly profile?: CiiProfile;
}

/** Amounts with exactly the currency's minor digits (BR-DEC: at most two decimals). */
function amount(money: Money): string {
  return money.toFixed();
}

/** Unit prices may have more digits than the cent (BT-146); never fewer than two. */
function price(money: Money): string {
  return money.isRounded() ? money.toFixed() : money.toString();
}

function quantity(value: string): string {
  return decimal(value).toFixed();
}

function rate(value: string): string {
  return decimal(value).toFixed(2);
}

function date102(name: string, isoDate: string, prefix: "udt" | "qdt" = "udt"): XmlElement {
  return el(name, {}, text(`${prefix}:DateTimeString`, toFormat102(isoDate), { format: "102" }));
}

function period(name: string, value: Period | undefined): XmlElement | null {
  if (value === undefined) return null;
  return el(name, {}, date102("ram:StartDateTime", value.start), date102("ram:EndDateTime", value.end));
}

const ADDRESS_LINES = ["ram:LineOne", "ram:LineTwo", "ram:LineThree"] as const;

function party(name: string, value: Seller | Buyer, withVatIds: boolean): XmlElement {
  const contact = value.contact;
  return el(
    name,
    {},
    optionalText("ram:ID", value.id),
    text("ram:Name", value.name),
    value.legalRegistration === undefined
      ? null
      : el("ram:SpecifiedLegalOrganization", {}, text("ram:ID", value.legalRegistration)),
    contact === undefined
      ? null
      : el(
          "ram:DefinedTradeContact",
          {},
          text("ram:PersonName", contact.name),
          el("ram:TelephoneUniversalCommunication", {}, text("ram:CompleteNumber", contact.phone)),
          el("ram:EmailURIUniversalCommunication", {}, text("ram:URIID", contact.email)),
        ),
    el(
      "ram:PostalTradeAddress",
      {},
      text("ram:PostcodeCode", value.address.postcode),
      value.address.lines.map((line, index) => text(ADDRESS_LINES[index] ?? "ram:LineThree", line)),
      text("ram:CityName", value.address.city),
      text("ram:CountryID", value.address.countryCode),
    ),
    // BT-34 / BT-49, mandatory in XRechnung 3.
    el(
      "ram:URIUniversalCommunication",
      {},
      text("ram:URIID", value.electronicAddress.value, { schemeID: value.electronicAddress.scheme }),
    ),
    withVatIds && value.vatId !== undefined
      ? el("ram:SpecifiedTaxRegistration", {}, text("ram:ID", value.vatId, { schemeID: "VA" }))
      : null,
    value.taxNumber === undefined
      ? null
      : el("ram:SpecifiedTaxRegistration", {}, text("ram:ID", value.taxNumber, { schemeID: "FC" })),
  );
}

/** Item attributes (BG-32) that say what kind of line this is and what it refers to. */
function characteristics(line: InvoiceLine): XmlChild[] {
  const pairs: [string, string | undefined][] = [];
  switch (line.kind) {
    case "license-purchase":
      pairs.push(["Deployment", line.deployment], ["SEN", line.sen]);
      break;
    case "monthly-contingent":
      pairs.push(["Contract", line.contractId], ["Month", line.month]);
      break;
    case "correction":
      pairs.push(["Contract", line.contractId], ["Correction reason", line.reason]);
      break;
    case "rental-month":
      pairs.push(["Contract", line.contractId], ["Month", line.month]);
      break;
    case "pay-per-use":
      pairs.push(["Service", line.service], ["Metric", line.metric], ["Month", line.month]);
      break;
    case "time-and-material":
      pairs.push(["Service report", line.serviceReportId], ["Ticket", line.ticketId]);
      break;
    case "travel":
      pairs.push(["Zone", line.zone]);
      break;
  }
  return [["Line kind", line.kind] as [string, string | undefined], ...pairs].map(([description, value]) =>
    value === undefined
      ? null
      : el("ram:ApplicableProductCharacteristic", {}, text("ram:Description", description), text("ram:Value", value)),
  );
}

/**
 * The net price (BG-29): BT-146, and the item price base quantity (BT-149) with its unit
 * (BT-150, the line's unit BT-130) when the price is not per one unit. CII D16B orders
 * `ChargeAmount` before `BasisQuantity`. A base quantity of 1 is left out, so such lines are
 * written as they always were.
 */
function netPrice(line: InvoiceLine): XmlElement {
  const base = lineBaseQuantity(line);
  return el(
    "ram:NetPriceProductTradePrice",
    {},
    text("ram:ChargeAmount", price(line.unitPrice)),
    isUnitBaseQuantity(base) ? null : text("ram:BasisQuantity", quantity(base), { unitCode: line.unitCode }),
  );
}

function lineItem(line: InvoiceLine, withRate: boolean): XmlElement {
  return el(
    "ram:IncludedSupplyChainTradeLineItem",
    {},
    el(
      "ram:AssociatedDocumentLineDocument",
      {},
      text("ram:LineID", line.id),
      line.note === undefined ? null : el("ram:IncludedNote", {}, text("ram:Content", line.note)),
    ),
    el(
      "ram:SpecifiedTradeProduct",
      {},
      optionalText("ram:SellerAssignedID", line.kind === "license-purchase" ? line.sku : undefined),
      text("ram:Name", line.description),
      optionalText("ram:Description", line.detail),
      characteristics(line),
    ),
    el(
      "ram:SpecifiedLineTradeAgreement",
      {},
      netPrice(line),
    ),
    el(
      "ram:SpecifiedLineTradeDelivery",
      {},
      text("ram:BilledQuantity", quantity(line.quantity), { unitCode: line.unitCode }),
    ),
    el(
      "ram:SpecifiedLineTradeSettlement",
      {},
      el(
        "ram:ApplicableTradeTax",
        {},
        text("ram:TypeCode", "VAT"),
        text("ram:CategoryCode", line.vat.category),
        // BR-O-05: a "not subject to VAT" line carries no rate.
        withRate ? text("ram:RateApplicablePercent", rate(line.vat.rate)) : null,
      ),
      period("ram:BillingSpecifiedPeriod", line.period),
      el("ram:SpecifiedTradeSettlementLineMonetarySummation", {}, text("ram:LineTotalAmount", amount(line.netAmount))),
    ),
  );
}

/**
 * Builds the EN 16931 invoice of a finalized document as a UN/CEFACT Cross Industry Invoice
 * element tree (XRechnung 3 by default). See {@link writeCiiInvoice} for the text.
 */
export function ciiInvoiceElement(invoice: FinalizedInvoice, options: CiiOptions = {}): XmlElement {
  const profile = options.profile ?? "xrechnung-3";
  const { totals, paymentTerms, paymentMeans, currency } = invoice;
  const notSubjectToVat = invoice.lines.some((line) => line.vat.category === "O");
  // BR-O-02: an invoice with category O carries no VAT IDs.
  const withVatIds = !notSubjectToVat;

  const agreement = el(
    "ram:ApplicableHeaderTradeAgreement",
    {},
    text("ram:BuyerReference", invoice.buyerReference),
    party("ram:SellerTradeParty", invoice.seller, withVatIds),
    party("ram:BuyerTradeParty", invoice.buyer, withVatIds),
    invoice.purchaseOrderReference === undefined
      ? null
      : el("ram:BuyerOrderReferencedDocument", {}, text("ram:IssuerAssignedID", invoice.purchaseOrderReference)),
    invoice.contractReference === undefined
      ? null
      : el("ram:ContractReferencedDocument", {}, text("ram:IssuerAssignedID", invoice.contractReference)),
    invoice.serviceReportId === undefined
      ? null
      : el(
          "ram:AdditionalReferencedDocument",
          {},
          text("ram:IssuerAssignedID", invoice.serviceReportId),
          text("ram:TypeCode", SUPPORTING_DOCUMENT_TYPE_CODE),
          text("ram:Name", "Servicebericht"),
        ),
  );

  const delivery = el(
    "ram:ApplicableHeaderTradeDelivery",
    {},
    invoice.deliveryDate === undefined
      ? null
      : el("ram:ActualDeliverySupplyChainEvent", {}, date102("ram:OccurrenceDateTime", invoice.deliveryDate)),
    invoice.deliveryNoteNumber === undefined
      ? null
      : el("ram:DespatchAdviceReferencedDocument", {}, text("ram:IssuerAssignedID", invoice.deliveryNoteNumber)),
  );

  const directDebit = paymentMeans.kind === "sepa-direct-debit" ? paymentMeans : null;
  const creditTransfer = paymentMeans.kind === "sepa-credit-transfer" ? paymentMeans : null;

  const settlement = el(
    "ram:ApplicableHeaderTradeSettlement",
    {},
    optionalText("ram:CreditorReferenceID", directDebit?.creditorId),
    text("ram:PaymentReference", invoice.number),
    text("ram:InvoiceCurrencyCode", currency),
    el(
      "ram:SpecifiedTradeSettlementPaymentMeans",
      {},
      text("ram:TypeCode", PAYMENT_MEANS_CODES[paymentMeans.kind]),
      directDebit === null
        ? null
        : el("ram:PayerPartyDebtorFinancialAccount", {}, text("ram:IBANID", directDebit.debtorIban)),
      creditTransfer === null
        ? null
        : el(
            "ram:PayeePartyCreditorFinancialAccount",
            {},
            text("ram:IBANID", creditTransfer.iban),
            optionalText("ram:AccountName", creditTransfer.accountName),
          ),
      creditTransfer?.bic === undefined
        ? null
        : el("ram:PayeeSpecifiedCreditorFinancialInstitution", {}, text("ram:BICID", creditTransfer.bic)),
    ),
    totals.vatBreakdown.map((entry) =>
      el(
        "ram:ApplicableTradeTax",
        {},
        text("ram:CalculatedAmount", amount(entry.taxAmount)),
        text("ram:TypeCode", "VAT"),
        optionalText("ram:ExemptionReason", entry.exemptionReason),
        text("ram:BasisAmount", amount(entry.taxableAmount)),
        text("ram:CategoryCode", entry.category),
        optionalText("ram:ExemptionReasonCode", entry.exemptionReasonCode),
        // BR-DE-14: XRechnung wants the rate in every breakdown entry, 0 for exempt categories.
        text("ram:RateApplicablePercent", rate(entry.rate)),
      ),
    ),
    period("ram:BillingSpecifiedPeriod", invoice.supplyPeriod),
    el(
      "ram:SpecifiedTradePaymentTerms",
      {},
      text("ram:Description", paymentTerms.description),
      date102("ram:DueDateDateTime", paymentTerms.dueDate),
      optionalText("ram:DirectDebitMandateID", directDebit?.mandateReference),
    ),
    el(
      "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
      {},
      text("ram:LineTotalAmount", amount(totals.lineNetTotal)),
      text("ram:TaxBasisTotalAmount", amount(totals.taxBasisTotal)),
      text("ram:TaxTotalAmount", amount(totals.taxTotal), { currencyID: currency }),
      text("ram:GrandTotalAmount", amount(totals.grandTotal)),
      totals.prepaidAmount.isZero() ? null : text("ram:TotalPrepaidAmount", amount(totals.prepaidAmount)),
      text("ram:DuePayableAmount", amount(totals.amountDue)),
    ),
    invoice.precedingInvoice === undefined
      ? null
      : el(
          "ram:InvoiceReferencedDocument",
          {},
          text("ram:IssuerAssignedID", invoice.precedingInvoice.number),
          date102("ram:FormattedIssueDateTime", invoice.precedingInvoice.issueDate, "qdt"),
        ),
  );

  return el(
    "rsm:CrossIndustryInvoice",
    {
      "xmlns:rsm": CII_NAMESPACES.rsm,
      "xmlns:qdt": CII_NAMESPACES.qdt,
      "xmlns:ram": CII_NAMESPACES.ram,
      "xmlns:udt": CII_NAMESPACES.udt,
    },
    el(
      "rsm:ExchangedDocumentContext",
      {},
      el("ram:BusinessProcessSpecifiedDocumentContextParameter", {}, text("ram:ID", CII_BUSINESS_PROCESS_ID)),
      el("ram:GuidelineSpecifiedDocumentContextParameter", {}, text("ram:ID", CII_GUIDELINE_IDS[profile])),
    ),
    el(
      "rsm:ExchangedDocument",
      {},
      text("ram:ID", invoice.number),
      text("ram:TypeCode", INVOICE_TYPE_CODES[invoice.type]),
      date102("ram:IssueDateTime", invoice.issueDate),
      invoice.notes.map((note) => el("ram:IncludedNote", {}, text("ram:Content", note))),
    ),
    el(
      "rsm:SupplyChainTradeTransaction",
      {},
      invoice.lines.map((line) => lineItem(line, line.vat.category !== "O")),
      agreement,
      delivery,
      settlement,
    ),
  );
}

/**
 * The EN 16931 e-invoice of a finalized invoice, credit note or correction invoice in UN/CEFACT
 * CII syntax (XRechnung 3 customization by default), as UTF-8 XML text. Identical documents
 * give identical text. Only finalized documents have a number (BT-1), so drafts are refused by
 * the type.
 */
export function writeCiiInvoice(invoice: FinalizedInvoice, options: CiiOptions = {}): string {
  return serializeXml(ciiInvoiceElement(invoice, options));
}
