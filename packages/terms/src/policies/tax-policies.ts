import type { TaxPolicy } from "../tax/tax-policy.js";

/**
 * The shipped tax policy (RULES.md T3): tax follows the **billing contact's** address (seed 001:
 * "Die Steuer wird auf Basis der Adresse des Abrechnungskontakts berechnet"). Vendors that use
 * the technical contact's address load a policy with `addressRole: "technical-contact"` from the
 * day they switched. The notes are the wording German invoices use (§14a UStG).
 */
export const DEFAULT_TAX_POLICIES: readonly TaxPolicy[] = [
  {
    id: "kontor.tax",
    version: "seed-001",
    // The seed is undated; the EU place-of-supply rules for electronic services hold since 2015.
    effectiveFrom: "2015-01-01",
    source: "Seed 001 (reseller FAQ: \"Welche Steuern werden erhoben?\"); RULES.md T3; §14a UStG",
    addressRole: "billing-contact",
    notes: {
      reverseCharge: "Steuerschuldnerschaft des Leistungsempfängers",
      intraCommunitySupply: "Steuerfreie innergemeinschaftliche Lieferung",
      export: "Steuerfreie Ausfuhrlieferung",
      notTaxable: "Nicht im Inland steuerbare Leistung",
    },
  },
];
