import type { PaymentMeansInput, SellerInput } from "@kontor/invoicing";

/** Who bills the month-end invoices and how customers pay them. */
export interface BillingSettings {
  /** The installation's company: seller on invoices and issuer of service reports (C8). */
  readonly seller: SellerInput;
  /** How contingent invoices are paid (EN 16931 BG-16). */
  readonly paymentMeans: PaymentMeansInput;
  /** Days after the issue date until an invoice is due (T1 "net 30"). */
  readonly netDays: number;
}

/** The Systemhaus of seed 004 (CSM MeinSystemhaus): SEPA credit transfer, net 30. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  seller: {
    name: "CSM MeinSystemhaus GmbH",
    address: { lines: ["Am Hellweg 12"], postcode: "48231", city: "Warendorf", countryCode: "DE" },
    vatId: "DE136695976",
    taxNumber: "304/5678/9012",
    contact: { name: "Sabrina Bruns", phone: "+49 2581 94142183", email: "rechnung@meinsystemhaus.de" },
    electronicAddress: { scheme: "EM", value: "rechnung@meinsystemhaus.de" },
  },
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001", accountName: "CSM MeinSystemhaus GmbH" },
  netDays: 30,
};
