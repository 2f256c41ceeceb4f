import type { BuyerInput, InvoiceInput, SellerInput } from "@kontor/invoicing";

/** The seller on every test invoice: the Systemhaus itself. */
export const KONTOR_SELLER: SellerInput = {
  name: "Kontor Systemhaus GmbH",
  address: { lines: ["Am Hellweg 12"], postcode: "48231", city: "Warendorf", countryCode: "DE" },
  vatId: "DE136695976",
  taxNumber: "304/5678/9012",
  contact: { name: "Sabrina Bruns", phone: "+49 2581 94142183", email: "rechnung@kontor.example" },
  electronicAddress: { scheme: "EM", value: "rechnung@kontor.example" },
};

/** Müller GmbH in Köln (the seeded organization `org-mueller`) as invoice buyer. */
export const MUELLER_BUYER: BuyerInput = {
  name: "Müller GmbH",
  id: "org-mueller",
  address: { lines: ["Hohenzollernring 12"], postcode: "50672", city: "Köln", countryCode: "DE" },
  electronicAddress: { scheme: "EM", value: "buchhaltung@mueller-gmbh.de" },
};

/**
 * A domestic invoice to Müller GmbH dated 2026-11-25, net 30: due 2026-12-25 is Christmas, so the
 * due date moves to Monday 2026-12-28 (T1, §193 BGB). T5 totals:
 * 19 %: 12 × 9.99 = 119.88 and 1.5 h × 95.00 = 142.50 → 262.38, tax 49.8522 → 49.85;
 * 7 %: 3 × 12.345 = 37.035 → 37.04 (line rounded first), tax 2.5928 → 2.59;
 * net 299.42, VAT 52.44, total 351.86 EUR.
 */
export function muellerInvoiceInput(overrides: Partial<InvoiceInput> = {}): InvoiceInput & { organizationId: string } {
  return {
    organizationId: "org-mueller",
    issueDate: "2026-11-25",
    seller: KONTOR_SELLER,
    buyer: MUELLER_BUYER,
    buyerReference: "MUELLER-2026-11",
    supplyPeriod: { start: "2026-11-01", end: "2026-11-24" },
    paymentTerms: { netDays: 30, calendar: "DE-NW" },
    paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001" },
    lines: [
      {
        kind: "license-purchase",
        description: "Jira Software Data Center, 500 Nutzer",
        deployment: "data-center",
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
      },
      {
        kind: "pay-per-use",
        description: "E-Book IT-Sicherheit",
        service: "E-Book-Abo",
        metric: "Exemplare",
        month: "2026-11",
        quantity: "3",
        unitPrice: { amount: "12.345", currency: "EUR" },
        vat: { category: "S", rate: "7" },
      },
    ],
    ...overrides,
  };
}
