import type { InvoiceType } from "../documents/invoice-input.js";
import type { UnitCode } from "../documents/invoice-line.js";
import type { DocumentLanguage } from "./pdf-fonts.js";

/** Every fixed text of the PDF documents in one language. */
export interface PdfLabels {
  readonly title: Readonly<Record<InvoiceType, string>>;
  readonly numberOf: Readonly<Record<InvoiceType, string>>;
  readonly orderConfirmation: string;
  readonly deliveryNote: string;
  readonly serviceReport: string;
  readonly date: string;
  readonly customerNumber: string;
  readonly buyerReference: string;
  readonly purchaseOrder: string;
  readonly contract: string;
  readonly serviceReportId: string;
  readonly deliveryNoteNumber: string;
  readonly invoiceNumber: string;
  readonly orderNumber: string;
  readonly deliveryDate: string;
  readonly supplyPeriod: string;
  readonly dueDate: string;
  readonly customerVatId: string;
  readonly page: (current: number, total: number) => string;
  readonly referenceTo: (number: string, date: string) => string;
  readonly position: string;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice: string;
  readonly vat: string;
  readonly amount: string;
  readonly netTotal: string;
  readonly netAtRate: (rate: string, category: string) => string;
  readonly taxAtRate: (rate: string) => string;
  readonly grandTotal: string;
  readonly prepaid: string;
  readonly amountDue: string;
  readonly period: string;
  readonly units: Readonly<Record<UnitCode, string>>;
  /** Under a unit price that is per more than one unit (BT-149): `je 60 Min.`. */
  readonly perBaseQuantity: (quantity: string, unit: string) => string;
  readonly payableBy: (date: string) => string;
  readonly refundBy: (date: string) => string;
  readonly transferTo: (iban: string, bic: string | undefined, holder: string | undefined, reference: string) => string;
  readonly directDebit: (date: string, iban: string, mandate: string, creditorId: string) => string;
  readonly servicesListedIn: (reportId: string) => string;
  readonly exemption: (reason: string, code: string | undefined) => string;
  readonly reverseChargeIds: (seller: string, buyer: string) => string;
  readonly taxNumber: string;
  readonly vatId: string;
  readonly licenseKey: string;
  /** `SEN-12345` as it is, `12345` as `SEN 12345`. */
  readonly senOf: (sen: string) => string;
  readonly cloudActivated: (site: string | undefined) => string;
  readonly maintenanceUntil: string;
  readonly deploymentNames: Readonly<Record<"server" | "data-center" | "cloud", string>>;
  readonly product: string;
  readonly serviceOrder: string;
  readonly licenseOrder: string;
  readonly yourOrderNumber: string;
  readonly orderDate: string;
  readonly attention: string;
  readonly purchaseImmediately: string;
  readonly purchaseOn: (date: string) => string;
  readonly serviceOrderNext: string;
  readonly technicalContact: string;
  readonly confirmationIntro: string;
  readonly deliveryIntro: string;
  readonly workDate: string;
  readonly ticket: string;
  readonly technician: string;
  readonly activity: string;
  readonly recorded: string;
  readonly billed: string;
  readonly billable: string;
  readonly yes: string;
  readonly no: string;
  readonly justification: string;
  readonly billableTotal: string;
  readonly nonBillableTotal: string;
  readonly serviceReportIntro: string;
  readonly estimatedTotals: string;
}

function senOf(sen: string): string {
  return sen.toUpperCase().startsWith("SEN") ? sen : `SEN ${sen}`;
}

const GERMAN: PdfLabels = {
  // §14 Abs. 2 UStG reserves "Gutschrift" for self-billing; a seller's credit note is a correction.
  title: { invoice: "Rechnung", "credit-note": "Rechnungskorrektur", "corrected-invoice": "Korrekturrechnung" },
  numberOf: {
    invoice: "Rechnungsnummer",
    "credit-note": "Korrekturnummer",
    "corrected-invoice": "Rechnungsnummer",
  },
  orderConfirmation: "Auftragsbestätigung",
  deliveryNote: "Lieferschein",
  serviceReport: "Servicebericht",
  date: "Datum",
  customerNumber: "Kundennummer",
  buyerReference: "Ihre Referenz",
  purchaseOrder: "Ihre Bestellnummer",
  contract: "Vertrag",
  serviceReportId: "Servicebericht-ID",
  deliveryNoteNumber: "Lieferschein",
  invoiceNumber: "Rechnung",
  orderNumber: "Auftrag",
  deliveryDate: "Leistungsdatum",
  supplyPeriod: "Leistungszeitraum",
  dueDate: "Fällig am",
  customerVatId: "Ihre USt-IdNr.",
  page: (current, total) => `Seite ${current} von ${total}`,
  referenceTo: (number, date) => `zur Rechnung ${number} vom ${date}`,
  position: "Pos.",
  description: "Beschreibung",
  quantity: "Menge",
  unit: "Einheit",
  unitPrice: "Einzelpreis",
  vat: "USt.",
  amount: "Betrag",
  netTotal: "Summe netto",
  netAtRate: (rate, category) => `Netto ${rate}${category === "S" ? "" : ` (${category})`}`,
  taxAtRate: (rate) => `Umsatzsteuer ${rate}`,
  grandTotal: "Gesamtbetrag",
  prepaid: "Bereits gezahlt",
  amountDue: "Zahlbetrag",
  period: "Zeitraum",
  units: { C62: "Stk.", HUR: "Std.", DAY: "Tag", MON: "Monat", KMT: "km", E34: "GB", LS: "pauschal", IE: "Nutzer", MIN: "Min." },
  perBaseQuantity: (quantity, unit) => `je ${quantity} ${unit}`,
  payableBy: (date) => `Zahlbar ohne Abzug bis zum ${date}.`,
  refundBy: (date) => `Der Betrag wird bis zum ${date} erstattet.`,
  transferTo: (iban, bic, holder, reference) =>
    `Bitte überweisen Sie den Betrag unter Angabe von ${reference} auf das Konto${holder === undefined ? "" : ` ${holder}`}, IBAN ${iban}${bic === undefined ? "" : `, BIC ${bic}`}.`,
  directDebit: (date, iban, mandate, creditorId) =>
    `Der Betrag wird am ${date} per SEPA-Lastschrift von Ihrem Konto ${iban} eingezogen. Mandatsreferenz ${mandate}, Gläubiger-ID ${creditorId}.`,
  servicesListedIn: (reportId) =>
    `Die abgerechneten Leistungen sind im Servicebericht ${reportId} einzeln aufgeführt, den Sie vorab per E-Mail erhalten haben.`,
  exemption: (reason) => reason,
  reverseChargeIds: (seller, buyer) => `USt-IdNr. des Leistenden: ${seller} · USt-IdNr. des Leistungsempfängers: ${buyer}`,
  taxNumber: "Steuernummer",
  vatId: "USt-IdNr.",
  licenseKey: "Lizenzschlüssel",
  senOf,
  cloudActivated: (site) =>
    `Cloud-Lizenz: kein Lizenzschlüssel – die Instanz${site === undefined ? "" : ` ${site}`} ist ab Kauf produktiv geschaltet.`,
  maintenanceUntil: "Wartung bis",
  deploymentNames: { server: "Server", "data-center": "Data Center", cloud: "Cloud" },
  product: "Produkt",
  serviceOrder: "Dienstleistungsauftrag",
  licenseOrder: "Lizenzauftrag",
  yourOrderNumber: "Ihre Bestellnummer",
  orderDate: "Auftragsdatum",
  attention: "z. Hd.",
  purchaseImmediately:
    "Wir kaufen die Lizenzen unmittelbar nach Versand dieser Auftragsbestätigung beim Hersteller ein.",
  purchaseOn: (date) => `Wir kaufen die Lizenzen wie gewünscht am ${date} beim Hersteller ein.`,
  serviceOrderNext:
    "Unser Fachteam setzt sich zeitnah mit Ihnen in Verbindung, um Termine und weitere Details abzustimmen.",
  technicalContact: "Technischer Ansprechpartner",
  confirmationIntro: "vielen Dank für Ihren Auftrag. Wir bestätigen die folgenden Leistungen:",
  deliveryIntro: "Wir liefern Ihnen die folgenden Lizenzen:",
  workDate: "Datum",
  ticket: "Ticket",
  technician: "Techniker",
  activity: "Tätigkeit",
  recorded: "Erfasst",
  billed: "Berechnet",
  billable: "Berechenbar",
  yes: "ja",
  no: "nein",
  justification: "Begründung",
  billableTotal: "Berechenbare Zeit",
  nonBillableTotal: "Nicht berechnete Zeit",
  serviceReportIntro:
    "Dieser Servicebericht führt alle erbrachten Leistungen auf, berechenbare und nicht berechnete.",
  estimatedTotals: "Summen",
};

const ENGLISH: PdfLabels = {
  title: { invoice: "Invoice", "credit-note": "Credit note", "corrected-invoice": "Corrected invoice" },
  numberOf: { invoice: "Invoice number", "credit-note": "Credit note number", "corrected-invoice": "Invoice number" },
  orderConfirmation: "Order confirmation",
  deliveryNote: "Delivery note",
  serviceReport: "Service report",
  date: "Date",
  customerNumber: "Customer number",
  buyerReference: "Your reference",
  purchaseOrder: "Your order number",
  contract: "Contract",
  serviceReportId: "Service report ID",
  deliveryNoteNumber: "Delivery note",
  invoiceNumber: "Invoice",
  orderNumber: "Order",
  deliveryDate: "Date of supply",
  supplyPeriod: "Supply period",
  dueDate: "Due date",
  customerVatId: "Your VAT ID",
  page: (current, total) => `Page ${current} of ${total}`,
  referenceTo: (number, date) => `for invoice ${number} of ${date}`,
  position: "No.",
  description: "Description",
  quantity: "Qty",
  unit: "Unit",
  unitPrice: "Unit price",
  vat: "VAT",
  amount: "Amount",
  netTotal: "Net total",
  netAtRate: (rate, category) => `Net ${rate}${category === "S" ? "" : ` (${category})`}`,
  taxAtRate: (rate) => `VAT ${rate}`,
  grandTotal: "Total",
  prepaid: "Already paid",
  amountDue: "Amount due",
  period: "Period",
  units: { C62: "pcs", HUR: "h", DAY: "day", MON: "month", KMT: "km", E34: "GB", LS: "flat", IE: "users", MIN: "min" },
  perBaseQuantity: (quantity, unit) => `per ${quantity} ${unit}`,
  payableBy: (date) => `Payable without deduction by ${date}.`,
  refundBy: (date) => `The amount will be refunded by ${date}.`,
  transferTo: (iban, bic, holder, reference) =>
    `Please transfer the amount quoting ${reference} to the account${holder === undefined ? "" : ` of ${holder}`}, IBAN ${iban}${bic === undefined ? "" : `, BIC ${bic}`}.`,
  directDebit: (date, iban, mandate, creditorId) =>
    `The amount will be collected by SEPA direct debit from your account ${iban} on ${date}. Mandate reference ${mandate}, creditor ID ${creditorId}.`,
  servicesListedIn: (reportId) =>
    `The services billed are itemised in service report ${reportId}, sent to you by e-mail beforehand.`,
  exemption: (reason, code) => {
    const english: Readonly<Record<string, string>> = {
      "VATEX-EU-AE": "Reverse charge: the recipient is liable for VAT",
      "VATEX-EU-IC": "VAT-exempt intra-community supply",
      "VATEX-EU-G": "VAT-exempt export outside the EU",
      "VATEX-EU-O": "Not subject to VAT in Germany",
    };
    const translated = code === undefined ? undefined : english[code];
    return translated === undefined ? reason : `${translated} (${reason})`;
  },
  reverseChargeIds: (seller, buyer) => `Supplier VAT ID: ${seller} · Recipient VAT ID: ${buyer}`,
  taxNumber: "Tax number",
  vatId: "VAT ID",
  licenseKey: "License key",
  senOf,
  cloudActivated: (site) =>
    `Cloud license: no license key – the instance${site === undefined ? "" : ` ${site}`} is live from the purchase.`,
  maintenanceUntil: "Maintenance until",
  deploymentNames: { server: "Server", "data-center": "Data Center", cloud: "Cloud" },
  product: "Product",
  serviceOrder: "Service order",
  licenseOrder: "License order",
  yourOrderNumber: "Your order number",
  orderDate: "Order date",
  attention: "Attn.",
  purchaseImmediately: "We purchase the licenses from the vendor immediately after sending this confirmation.",
  purchaseOn: (date) => `As requested, we purchase the licenses from the vendor on ${date}.`,
  serviceOrderNext: "Our team will contact you shortly to agree dates and further details.",
  technicalContact: "Technical contact",
  confirmationIntro: "Thank you for your order. We confirm the following:",
  deliveryIntro: "We deliver the following licenses:",
  workDate: "Date",
  ticket: "Ticket",
  technician: "Technician",
  activity: "Activity",
  recorded: "Recorded",
  billed: "Billed",
  billable: "Billable",
  yes: "yes",
  no: "no",
  justification: "Justification",
  billableTotal: "Billable time",
  nonBillableTotal: "Non-billable time",
  serviceReportIntro: "This service report lists all work performed, billable and non-billable.",
  estimatedTotals: "Totals",
};

/** The labels of `language`. */
export function labelsFor(language: DocumentLanguage): PdfLabels {
  return language === "de" ? GERMAN : ENGLISH;
}
