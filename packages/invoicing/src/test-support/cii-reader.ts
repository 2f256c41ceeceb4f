import { XMLParser } from "fast-xml-parser";
import { at, child, children } from "../xml/xml-tree.js";

type Node = Record<string, unknown>;

const REPEATED = new Set([
  "ram:IncludedSupplyChainTradeLineItem",
  "ram:ApplicableTradeTax",
  "ram:IncludedNote",
  "ram:SpecifiedTaxRegistration",
  "ram:ApplicableProductCharacteristic",
  "ram:SpecifiedTradeSettlementPaymentMeans",
  "ram:SpecifiedTradePaymentTerms",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

/** A value with its attributes: text and e.g. `schemeID`. */
export interface XmlValue {
  readonly text: string;
  readonly attributes: Readonly<Record<string, string>>;
}

function value(node: unknown): XmlValue | undefined {
  if (node === undefined) return undefined;
  if (typeof node === "string") return { text: node, attributes: {} };
  const object = node as Node;
  const attributes: Record<string, string> = {};
  for (const [key, entry] of Object.entries(object)) {
    if (key.startsWith("@")) attributes[key.slice(1)] = String(entry);
  }
  const text = object["#text"];
  return { text: typeof text === "string" ? text : "", attributes };
}

function textAt(node: unknown, path: string): string | undefined {
  return value(at(node, path))?.text;
}

/** The business terms of one VAT breakdown entry (BG-23). */
export interface VatBreakdownTerms {
  "BT-116": string | undefined;
  "BT-117": string | undefined;
  "BT-118": string | undefined;
  "BT-119": string | undefined;
  "BT-120": string | undefined;
  "BT-121": string | undefined;
}

/** The business terms of one invoice line (BG-25). */
export interface LineTerms {
  "BT-126": string | undefined;
  "BT-129": XmlValue | undefined;
  "BT-131": string | undefined;
  "BT-146": string | undefined;
  "BT-151": string | undefined;
  "BT-152": string | undefined;
  "BT-153": string | undefined;
  "BG-26": { start: string | undefined; end: string | undefined } | undefined;
}

/** The EN 16931 business terms a CII invoice carries, read by their CII paths. */
export interface CiiBusinessTerms {
  readonly root: string | undefined;
  readonly namespaces: Readonly<Record<string, string>>;
  readonly terms: Readonly<Record<string, string | undefined>>;
  readonly sellerTaxRegistrations: readonly XmlValue[];
  readonly buyerTaxRegistrations: readonly XmlValue[];
  readonly sellerElectronicAddress: XmlValue | undefined;
  readonly buyerElectronicAddress: XmlValue | undefined;
  readonly taxTotal: XmlValue | undefined;
  readonly notes: readonly string[];
  readonly vatBreakdown: readonly VatBreakdownTerms[];
  readonly lines: readonly LineTerms[];
}

/**
 * Parses a CII invoice with fast-xml-parser and reads the EN 16931 business terms by the paths
 * of the CII syntax binding (EN 16931-3-3), independently of the writer.
 */
export function readCiiBusinessTerms(xml: string): CiiBusinessTerms {
  const document = parser.parse(xml) as Node;
  const rootName = Object.keys(document).find((key) => !key.startsWith("?"));
  const root = rootName === undefined ? undefined : document[rootName];
  const namespaces: Record<string, string> = {};
  for (const [key, entry] of Object.entries((root ?? {}) as Node)) {
    if (key.startsWith("@xmlns:")) namespaces[key.slice("@xmlns:".length)] = String(entry);
  }
  const transaction = at(root, "rsm:SupplyChainTradeTransaction");
  const agreement = at(transaction, "ram:ApplicableHeaderTradeAgreement");
  const delivery = at(transaction, "ram:ApplicableHeaderTradeDelivery");
  const settlement = at(transaction, "ram:ApplicableHeaderTradeSettlement");
  const seller = at(agreement, "ram:SellerTradeParty");
  const buyer = at(agreement, "ram:BuyerTradeParty");
  const sums = at(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  const terms = at(settlement, "ram:SpecifiedTradePaymentTerms");
  const means = at(settlement, "ram:SpecifiedTradeSettlementPaymentMeans");
  const registrations = (party: unknown): XmlValue[] =>
    children(party, "ram:SpecifiedTaxRegistration").flatMap((registration) => {
      const id = value(child(registration, "ram:ID"));
      return id === undefined ? [] : [id];
    });

  return {
    root: rootName,
    namespaces,
    terms: {
      "BT-1": textAt(root, "rsm:ExchangedDocument/ram:ID"),
      "BT-2": textAt(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"),
      "BT-3": textAt(root, "rsm:ExchangedDocument/ram:TypeCode"),
      "BT-5": textAt(settlement, "ram:InvoiceCurrencyCode"),
      "BT-9": textAt(terms, "ram:DueDateDateTime/udt:DateTimeString"),
      "BT-10": textAt(agreement, "ram:BuyerReference"),
      "BT-12": textAt(agreement, "ram:ContractReferencedDocument/ram:IssuerAssignedID"),
      "BT-13": textAt(agreement, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
      "BT-16": textAt(delivery, "ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID"),
      "BT-20": textAt(terms, "ram:Description"),
      "BT-23": textAt(root, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"),
      "BT-24": textAt(root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
      "BT-25": textAt(settlement, "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
      "BT-26": textAt(settlement, "ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"),
      "BT-27": textAt(seller, "ram:Name"),
      "BT-30": textAt(seller, "ram:SpecifiedLegalOrganization/ram:ID"),
      "BT-35": textAt(seller, "ram:PostalTradeAddress/ram:LineOne"),
      "BT-37": textAt(seller, "ram:PostalTradeAddress/ram:CityName"),
      "BT-38": textAt(seller, "ram:PostalTradeAddress/ram:PostcodeCode"),
      "BT-40": textAt(seller, "ram:PostalTradeAddress/ram:CountryID"),
      "BT-41": textAt(seller, "ram:DefinedTradeContact/ram:PersonName"),
      "BT-42": textAt(seller, "ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber"),
      "BT-43": textAt(seller, "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID"),
      "BT-44": textAt(buyer, "ram:Name"),
      "BT-46": textAt(buyer, "ram:ID"),
      "BT-50": textAt(buyer, "ram:PostalTradeAddress/ram:LineOne"),
      "BT-52": textAt(buyer, "ram:PostalTradeAddress/ram:CityName"),
      "BT-53": textAt(buyer, "ram:PostalTradeAddress/ram:PostcodeCode"),
      "BT-55": textAt(buyer, "ram:PostalTradeAddress/ram:CountryID"),
      "BT-72": textAt(delivery, "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString"),
      "BT-73": textAt(settlement, "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"),
      "BT-74": textAt(settlement, "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"),
      "BT-81": textAt(means, "ram:TypeCode"),
      "BT-83": textAt(settlement, "ram:PaymentReference"),
      "BT-84": textAt(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID"),
      "BT-86": textAt(means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"),
      "BT-89": textAt(terms, "ram:DirectDebitMandateID"),
      "BT-90": textAt(settlement, "ram:CreditorReferenceID"),
      "BT-91": textAt(means, "ram:PayerPartyDebtorFinancialAccount/ram:IBANID"),
      "BT-106": textAt(sums, "ram:LineTotalAmount"),
      "BT-109": textAt(sums, "ram:TaxBasisTotalAmount"),
      "BT-110": textAt(sums, "ram:TaxTotalAmount"),
      "BT-112": textAt(sums, "ram:GrandTotalAmount"),
      "BT-113": textAt(sums, "ram:TotalPrepaidAmount"),
      "BT-115": textAt(sums, "ram:DuePayableAmount"),
      "BT-122": textAt(agreement, "ram:AdditionalReferencedDocument/ram:IssuerAssignedID"),
    },
    sellerTaxRegistrations: registrations(seller),
    buyerTaxRegistrations: registrations(buyer),
    sellerElectronicAddress: value(at(seller, "ram:URIUniversalCommunication/ram:URIID")),
    buyerElectronicAddress: value(at(buyer, "ram:URIUniversalCommunication/ram:URIID")),
    taxTotal: value(at(sums, "ram:TaxTotalAmount")),
    notes: children(at(root, "rsm:ExchangedDocument"), "ram:IncludedNote").map((note) => textAt(note, "ram:Content") ?? ""),
    vatBreakdown: children(settlement, "ram:ApplicableTradeTax").map((tax) => ({
      "BT-116": textAt(tax, "ram:BasisAmount"),
      "BT-117": textAt(tax, "ram:CalculatedAmount"),
      "BT-118": textAt(tax, "ram:CategoryCode"),
      "BT-119": textAt(tax, "ram:RateApplicablePercent"),
      "BT-120": textAt(tax, "ram:ExemptionReason"),
      "BT-121": textAt(tax, "ram:ExemptionReasonCode"),
    })),
    lines: children(transaction, "ram:IncludedSupplyChainTradeLineItem").map((line) => {
      const lineSettlement = at(line, "ram:SpecifiedLineTradeSettlement");
      const period = at(lineSettlement, "ram:BillingSpecifiedPeriod");
      return {
        "BT-126": textAt(line, "ram:AssociatedDocumentLineDocument/ram:LineID"),
        "BT-129": value(at(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")),
        "BT-131": textAt(lineSettlement, "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"),
        "BT-146": textAt(line, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount"),
        "BT-151": textAt(lineSettlement, "ram:ApplicableTradeTax/ram:CategoryCode"),
        "BT-152": textAt(lineSettlement, "ram:ApplicableTradeTax/ram:RateApplicablePercent"),
        "BT-153": textAt(line, "ram:SpecifiedTradeProduct/ram:Name"),
        "BG-26":
          period === undefined
            ? undefined
            : {
                start: textAt(period, "ram:StartDateTime/udt:DateTimeString"),
                end: textAt(period, "ram:EndDateTime/udt:DateTimeString"),
              },
      };
    }),
  };
}
