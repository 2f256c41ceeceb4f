import { z } from "zod";

/** ISO 3166-1 codes of the 27 EU member states. */
export const EU_MEMBER_STATES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
] as const;

/** One of {@link EU_MEMBER_STATES}. */
export type EuMemberState = (typeof EU_MEMBER_STATES)[number];

/** Zod schema of an {@link EuMemberState}. */
export const euMemberStateSchema = z.enum(EU_MEMBER_STATES);

const MEMBERS: ReadonlySet<string> = new Set(EU_MEMBER_STATES);

/** Whether an ISO 3166-1 country code is an EU member state. */
export function isEuMemberState(country: string): country is EuMemberState {
  return MEMBERS.has(country);
}

/** Zod schema of an ISO 3166-1 alpha-2 country code (`"DE"`, `"CH"`, `"US"`). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "Expected an ISO 3166-1 alpha-2 country code like \"DE\"");

/**
 * VAT ID prefix of a member state: the ISO code, except Greece, whose VAT IDs start with `EL`.
 */
export function vatPrefixOf(country: EuMemberState): string {
  return country === "GR" ? "EL" : country;
}
