import type { EuMemberState } from "../tax/eu-member-states.js";

/** Where a VAT ID belongs: an EU member state, or `XI` for Northern Ireland (goods only). */
export type VatIdCountry = EuMemberState | "XI";

/** Format of one VAT ID prefix: the number after the prefix, and the country it belongs to. */
export interface VatIdFormat {
  readonly country: VatIdCountry;
  readonly pattern: RegExp;
  /** The format in words, for error messages. */
  readonly description: string;
}

/**
 * VAT ID formats of the 27 member states and Northern Ireland (RULES.md T4), after the prefix,
 * following the EU Commission's VIES documentation. Greece uses the prefix `EL`.
 */
export const VAT_ID_FORMATS: Readonly<Record<string, VatIdFormat>> = {
  AT: { country: "AT", pattern: /^U\d{8}$/, description: "ATU + 8 digits" },
  BE: { country: "BE", pattern: /^[01]\d{9}$/, description: "BE + 10 digits starting with 0 or 1" },
  BG: { country: "BG", pattern: /^\d{9,10}$/, description: "BG + 9 or 10 digits" },
  CY: { country: "CY", pattern: /^[0-59]\d{7}[A-Z]$/, description: "CY + 8 digits + 1 letter" },
  CZ: { country: "CZ", pattern: /^\d{8,10}$/, description: "CZ + 8, 9 or 10 digits" },
  DE: { country: "DE", pattern: /^[1-9]\d{8}$/, description: "DE + 9 digits" },
  DK: { country: "DK", pattern: /^[1-9]\d{7}$/, description: "DK + 8 digits" },
  EE: { country: "EE", pattern: /^10\d{7}$/, description: "EE + 9 digits starting with 10" },
  EL: { country: "GR", pattern: /^\d{9}$/, description: "EL + 9 digits" },
  ES: {
    country: "ES",
    pattern: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
    description: "ES + 9 characters: a letter or digit, 7 digits, a letter or digit (not both digits)",
  },
  FI: { country: "FI", pattern: /^\d{8}$/, description: "FI + 8 digits" },
  FR: { country: "FR", pattern: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, description: "FR + 2 characters (digits or letters except I, O) + 9-digit SIREN" },
  HR: { country: "HR", pattern: /^\d{11}$/, description: "HR + 11 digits" },
  HU: { country: "HU", pattern: /^\d{8}$/, description: "HU + 8 digits" },
  IE: {
    country: "IE",
    pattern: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
    description: "IE + 7 digits and 1–2 letters, or the old form 1 digit, 1 letter/+/*, 5 digits, 1 letter",
  },
  IT: { country: "IT", pattern: /^\d{11}$/, description: "IT + 11 digits" },
  LT: { country: "LT", pattern: /^(?:\d{9}|\d{12})$/, description: "LT + 9 or 12 digits" },
  LU: { country: "LU", pattern: /^\d{8}$/, description: "LU + 8 digits" },
  LV: { country: "LV", pattern: /^\d{11}$/, description: "LV + 11 digits" },
  MT: { country: "MT", pattern: /^[1-9]\d{7}$/, description: "MT + 8 digits" },
  NL: { country: "NL", pattern: /^\d{9}B\d{2}$/, description: "NL + 9 digits + B + 2 digits" },
  PL: { country: "PL", pattern: /^\d{10}$/, description: "PL + 10 digits" },
  PT: { country: "PT", pattern: /^\d{9}$/, description: "PT + 9 digits" },
  RO: { country: "RO", pattern: /^[1-9]\d{1,9}$/, description: "RO + 2 to 10 digits" },
  SE: { country: "SE", pattern: /^\d{10}01$/, description: "SE + 12 digits ending in 01" },
  SI: { country: "SI", pattern: /^[1-9]\d{7}$/, description: "SI + 8 digits" },
  SK: { country: "SK", pattern: /^[1-9]\d[2-47-9]\d{7}$/, description: "SK + 10 digits" },
  XI: {
    country: "XI",
    pattern: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
    description: "XI + 9 or 12 digits, or GD/HA + 3 digits",
  },
};
