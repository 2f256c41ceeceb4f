import type { BillingSettings } from "@kontor/invoicing";

/** An installation's own company (tests): Nordlicht IT in Hamburg, SEPA credit transfer, net 14. */
export const NORDLICHT_BILLING_SETTINGS: BillingSettings = {
  seller: {
    name: "Nordlicht IT GmbH",
    address: { lines: ["Hafenstraße 3"], postcode: "20457", city: "Hamburg", countryCode: "DE" },
    vatId: "DE811907980",
    taxNumber: "22/123/45678",
    contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
    electronicAddress: { scheme: "EM", value: "rechnung@nordlicht-it.example" },
  },
  // As an admin types it: with spaces. Stored and answered like this; documents normalize it.
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", accountName: "Nordlicht IT GmbH" },
  netDays: 14,
};

/** The same IBAN with its check digits changed from 89 to 88: one mistyped character. */
export const WRONG_CHECK_DIGIT_IBAN = "DE88 3704 0044 0532 0130 00";
