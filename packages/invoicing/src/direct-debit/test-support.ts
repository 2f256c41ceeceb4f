import type { DirectDebitCollectionInput, SepaDirectDebitFileInput } from "../index.js";

/** The seller's SEPA creditor identifier (the Bundesbank's test ID). */
export const CREDITOR_ID = "DE98ZZZ09999999999";
/** A second valid creditor identifier, for files that collect under two. */
export const OTHER_CREDITOR_ID = "DE13ZZZ00000012345";
/** The seller's account the money is collected to. */
export const CREDITOR_IBAN = "DE02120300000000202051";

/**
 * One collection: 1,190.00 EUR of RE-2026-000501 on 2026-12-02 under mandate MANDAT-10042 from
 * Müller & Söhne's account (RCUR by default).
 */
export function collection(overrides: Partial<DirectDebitCollectionInput> = {}): DirectDebitCollectionInput {
  return {
    endToEndId: "RE-2026-000501",
    amount: { amount: "1190.00", currency: "EUR" },
    collectionDate: "2026-12-02",
    creditorId: CREDITOR_ID,
    mandate: { reference: "MANDAT-10042", signedOn: "2025-03-14" },
    debtor: { name: "Müller & Söhne GmbH", iban: "DE89370400440532013000" },
    remittance: "Rechnung RE-2026-000501 vom 17.11.2026",
    ...overrides,
  };
}

/**
 * The spec's example: three invoices, 1,190.00 and 595.00 collected on 2026-12-02, 2,499.00 on
 * 2026-12-16 (given first, so the file must sort it last): 3 transactions, 4,284.00 EUR in two
 * `PmtInf` blocks of 1,785.00 and 2,499.00.
 */
export function threeInvoices(): DirectDebitCollectionInput[] {
  return [
    collection({
      endToEndId: "RE-2026-000517",
      amount: { amount: "2499.00", currency: "EUR" },
      collectionDate: "2026-12-16",
      mandate: { reference: "MANDAT-10077", signedOn: "2026-01-05" },
      debtor: { name: "Praxis Dr. Özdemir", iban: "DE44500105175407324931", bic: "INGDDEFFXXX" },
      remittance: "Rechnung RE-2026-000517 vom 01.12.2026",
    }),
    collection(),
    collection({
      endToEndId: "RE-2026-000502",
      amount: { amount: "595.00", currency: "EUR" },
      mandate: { reference: "MANDAT-10051", signedOn: "2024-11-30" },
      debtor: { name: "Hofladen Bäumer", iban: "DE40700202700012345678" },
      remittance: "Rechnung RE-2026-000502 vom 17.11.2026",
    }),
  ];
}

/** A file of `collections` from Kontor Systemhaus GmbH, created 2026-11-20 09:30 UTC. */
export function fileInput(collections: DirectDebitCollectionInput[] = threeInvoices(), overrides: Partial<SepaDirectDebitFileInput> = {}): SepaDirectDebitFileInput {
  return {
    messageId: "LS-2026-11-20-001",
    createdAt: "2026-11-20T10:30:00.123+01:00",
    initiatingParty: "Kontor Systemhaus GmbH",
    creditor: { name: "Kontor Systemhaus GmbH", iban: CREDITOR_IBAN, bic: "BYLADEM1001" },
    collections,
    ...overrides,
  };
}
