import type {
  BuyerInput,
  DeliveryNoteInput,
  InvoiceInput,
  OrderConfirmationInput,
  SellerInput,
  ServiceReportInput,
} from "../index.js";

/** The seller of every test document: a Systemhaus in Warendorf (seed 004). */
export const SELLER: SellerInput = {
  name: "Kontor Systemhaus GmbH",
  address: { lines: ["Am Hellweg 12"], postcode: "48231", city: "Warendorf", countryCode: "DE" },
  vatId: "DE136695976",
  taxNumber: "304/5678/9012",
  legalRegistration: "HRB 4711, Amtsgericht Münster",
  contact: { name: "Sabrina Bruns", phone: "+49 2581 94142183", email: "rechnung@kontor.example" },
  electronicAddress: { scheme: "EM", value: "rechnung@kontor.example" },
};

/** A domestic business customer; the `&` checks escaping in XML and PDF. */
export const DOMESTIC_BUYER: BuyerInput = {
  name: "Müller & Söhne GmbH",
  id: "K-10042",
  address: { lines: ["Lindenstraße 5", "Gebäude B"], postcode: "59065", city: "Hamm", countryCode: "DE" },
  vatId: "DE811907980",
  contact: { name: "Eva Müller", phone: "+49 2381 123456", email: "einkauf@mueller-soehne.example" },
  electronicAddress: { scheme: "EM", value: "rechnungseingang@mueller-soehne.example" },
};

/** An Austrian business customer with a VAT ID: reverse charge (T3). */
export const EU_BUYER: BuyerInput = {
  name: "Alpen IT GmbH",
  id: "K-20077",
  address: { lines: ["Mariahilfer Straße 88"], postcode: "1070", city: "Wien", countryCode: "AT" },
  vatId: "ATU13585627",
  electronicAddress: { scheme: "EM", value: "ap@alpen-it.example" },
};

/** SEPA credit transfer to the seller's account. */
export const CREDIT_TRANSFER = {
  kind: "sepa-credit-transfer",
  iban: "DE02 1203 0000 0000 2020 51",
  bic: "BYLADEM1001",
  accountName: "Kontor Systemhaus GmbH",
} as const;

/**
 * A mixed-rate domestic invoice: two lines at 19 % and one at 7 %.
 * 19 %: 12 × 9.99 = 119.88 and 1.5 h × 95.00 = 142.50 → 262.38 → tax 49.8522 → 49.85.
 * 7 %: 3 × 12.345 = 37.035 → 37.04 (line rounded first, T5) → tax 2.5928 → 2.59.
 */
export function mixedRateInvoice(): InvoiceInput {
  return {
    issueDate: "2026-01-15",
    seller: SELLER,
    buyer: DOMESTIC_BUYER,
    buyerReference: "04011000-12345-34",
    purchaseOrderReference: "PO-2026-0815",
    supplyPeriod: { start: "2026-01-01", end: "2026-01-14" },
    paymentTerms: { netDays: 30 },
    paymentMeans: CREDIT_TRANSFER,
    lines: [
      {
        kind: "license-purchase",
        description: "Jira Software Data Center, 500 Nutzer",
        sku: "JIRA-DC-500",
        deployment: "data-center",
        sen: "SEN-12345678",
        quantity: "12",
        unitPrice: { amount: "9.99", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
      {
        kind: "time-and-material",
        description: "Einrichtung und Konfiguration",
        quantity: "1.5",
        unitPrice: { amount: "95.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
        serviceReportId: "SB-2026-0042",
        ticketId: "T-5521",
      },
      {
        kind: "pay-per-use",
        description: "E-Book IT-Sicherheit (ermäßigter Satz)",
        service: "E-Book-Abo",
        metric: "Exemplare",
        month: "2026-01",
        period: { start: "2026-01-01", end: "2026-01-14" },
        quantity: "3",
        unitPrice: { amount: "12.345", currency: "EUR" },
        vat: { category: "S", rate: "7" },
      },
    ],
  };
}

/**
 * Service time in minutes at an hourly rate: the unit price is per 60 minutes (BT-149, BT-150 =
 * MIN), so 50 MIN at 95.00 nets 50 × 95.00 ÷ 60 = 79.17.
 */
export function minuteLine(minutes: number, hourlyRate: string, rate = "19"): InvoiceInput["lines"][number] {
  return {
    kind: "time-and-material",
    description: `Remote-Support ${String(minutes)} Minuten`,
    quantity: String(minutes),
    unitCode: "MIN",
    unitPrice: { amount: hourlyRate, currency: "EUR" },
    baseQuantity: "60",
    vat: { category: "S", rate },
  };
}

/** A reverse-charge invoice to an Austrian business: two lines at 0 %, category AE (T3). */
export function reverseChargeInvoice(): InvoiceInput {
  return {
    issueDate: "2026-02-27",
    seller: SELLER,
    buyer: EU_BUYER,
    buyerReference: "ALPEN-4711",
    deliveryDate: "2026-02-26",
    paymentTerms: { netDays: 14 },
    paymentMeans: CREDIT_TRANSFER,
    lines: [
      {
        kind: "license-purchase",
        description: "Confluence Cloud Standard, 100 Nutzer, 12 Monate",
        deployment: "cloud",
        quantity: "1",
        unitPrice: { amount: "6050.00", currency: "EUR" },
        vat: { category: "AE", rate: "0" },
      },
      {
        kind: "travel",
        description: "Anfahrt Zone 3",
        zone: "Zone 3",
        quantity: "1",
        unitPrice: { amount: "85.50", currency: "EUR" },
        vat: { category: "AE", rate: "0" },
      },
    ],
  };
}

/** A contingent customer's monthly invoice with the service-report ID (C2, C8). */
export function contingentInvoice(): InvoiceInput {
  return {
    issueDate: "2026-02-02",
    seller: SELLER,
    buyer: DOMESTIC_BUYER,
    buyerReference: "K-10042",
    contractReference: "KV-2025-017",
    serviceReportId: "SB-2026-0042",
    paymentMeans: {
      kind: "sepa-direct-debit",
      mandateReference: "MANDAT-10042",
      creditorId: "DE98ZZZ09999999999",
      debtorIban: "DE89370400440532013000",
    },
    lines: [
      {
        kind: "monthly-contingent",
        description: "Kontingent Januar 2026, 20 Stunden",
        contractId: "KV-2025-017",
        month: "2026-01",
        quantity: "20",
        unitPrice: { amount: "92.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
    ],
  };
}

/** A license order confirmation with the customer's PO number and a different addressee (L1). */
export function licenseOrderConfirmation(): OrderConfirmationInput {
  return {
    number: "AB-2026-000042",
    issueDate: "2026-01-12",
    orderKind: "license",
    orderDate: "2026-01-09",
    seller: SELLER,
    customer: DOMESTIC_BUYER,
    addressee: {
      name: "Müller & Söhne GmbH – Zentraleinkauf",
      attention: "Herr Jonas Weber",
      address: { lines: ["Postfach 1234"], postcode: "59001", city: "Hamm", countryCode: "DE" },
    },
    customerOrderNumber: "BEST-2026-4711",
    technicalContact: { name: "Jonas Weber", email: "it@mueller-soehne.example" },
    items: [
      {
        description: "Jira Software Data Center, 500 Nutzer, 12 Monate",
        quantity: "1",
        unitPrice: { amount: "27500.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
      {
        description: "Confluence Cloud Standard, 100 Nutzer, 12 Monate",
        quantity: "1",
        unitPrice: { amount: "6050.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
    ],
  };
}

/** A delivery note with a Data Center key, a Server key and a cloud license without key (L5). */
export function licenseDeliveryNote(): DeliveryNoteInput {
  return {
    number: "LS-2026-000017",
    issueDate: "2026-01-13",
    seller: SELLER,
    customer: DOMESTIC_BUYER,
    invoiceNumber: "RE-2026-000123",
    orderNumber: "AB-2026-000042",
    customerOrderNumber: "BEST-2026-4711",
    licenses: [
      {
        product: "Jira Software Data Center, 500 Nutzer",
        sku: "JIRA-DC-500",
        quantity: "500",
        deployment: "data-center",
        sen: "SEN-L12345678",
        maintenanceEnd: "2027-01-12",
        licenseKey: LONG_LICENSE_KEY,
      },
      {
        product: "Bitbucket Server, 25 Nutzer",
        quantity: "25",
        deployment: "server",
        sen: "SEN-L87654321",
        licenseKey: "AAAB-SERVER-KEY-0001-ZZZZ",
      },
      {
        product: "Confluence Cloud Standard, 100 Nutzer",
        quantity: "100",
        deployment: "cloud",
        cloudSiteUrl: "mueller-soehne.atlassian.net",
      },
    ],
  };
}

/** An Atlassian-style license key: long, without spaces, so it must wrap inside its cell. */
export const LONG_LICENSE_KEY =
  "AAABkw0ODAoPeNp9kVFvgjAUhd/5FSR7hmABdSQ1MbSbbAgMUPfaQZUmpZC2mPnvV0UT43RJH3rvPfec5usTIcIMqTbd0HQ9f+r70wlbSvYbhGfuZLpBBAT7Jp5RGt5ikyPtuyWjlDVlMhpqymo9sTtpZbe0NkoNLgYCJEy1gSKHagUnkoJ6e1jSjo0kaLH0vY7lS0QdhDoLd43OMN0ud6Mn9mjZtqIHj3Pzu9NqQoR5VHq1KWVvebIKZR";

/** A month of service entries, billable and not (C5, C6, C8). */
export function januaryServiceReport(): ServiceReportInput {
  return {
    id: "SB-2026-0042",
    issueDate: "2026-02-01",
    period: { start: "2026-01-01", end: "2026-01-31" },
    seller: SELLER,
    customer: DOMESTIC_BUYER,
    contractReference: "KV-2025-017",
    entries: [
      {
        workDate: "2026-01-20",
        ticketId: "T-5530",
        technician: "Lena Schmitz",
        description: "Backup-Job auf NAS neu eingerichtet",
        rawMinutes: 50,
        billedMinutes: 60,
        billable: true,
      },
      {
        workDate: "2026-01-07",
        ticketId: "T-5521",
        technician: "Tobias Kern",
        description: "Drucker im Empfang eingerichtet",
        rawMinutes: 20,
        billedMinutes: 30,
        billable: true,
      },
      {
        workDate: "2026-01-14",
        ticketId: "T-5525",
        technician: "Tobias Kern",
        description: "Rückruf wegen Virenscanner-Meldung",
        rawMinutes: 10,
        billedMinutes: 0,
        billable: false,
        justification: "Fehlalarm unseres Monitorings, nicht vom Kunden verursacht",
      },
    ],
  };
}

/** A copy of `value` without `keys`: for tests that leave a field out. */
export function omit<T extends object, K extends keyof T & string>(value: T, ...keys: K[]): Omit<T, K> {
  const dropped = new Set<string>(keys);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}
