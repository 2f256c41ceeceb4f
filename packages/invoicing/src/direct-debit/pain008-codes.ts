/** The XML namespace of ISO 20022 pain.008.001.08 (what German banks take since November 2025, DK Anlage 3). */
export const PAIN_008_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

/**
 * The fixed codes of a SEPA Core direct debit file: payment method `DD`, service level `SEPA`,
 * local instrument `CORE` (not B2B: rental and hosting customers sign Core mandates), charge
 * bearer `SLEV` (each side pays its own bank), the proprietary scheme name `SEPA` of the creditor
 * identifier, and `NOTPROVIDED` for a bank given without BIC (IBAN-only, allowed in SEPA).
 */
export const PAIN_008_CODES = Object.freeze({
  paymentMethod: "DD",
  serviceLevel: "SEPA",
  localInstrument: "CORE",
  chargeBearer: "SLEV",
  creditorSchemeName: "SEPA",
  agentNotProvided: "NOTPROVIDED",
} as const);
