import { decimalStringSchema } from "@kontor/money";
import { z } from "zod";

/**
 * EN 16931 VAT category codes (UNTDID 5305) Kontor issues:
 * `S` standard rate (19 %, 7 %), `Z` zero rated, `E` exempt, `AE` reverse charge (T3),
 * `K` intra-community supply, `G` export outside the EU, `O` not subject to VAT.
 */
export const VAT_CATEGORY_CODES = ["S", "Z", "E", "AE", "K", "G", "O"] as const;

/** A VAT category code. */
export type VatCategoryCode = (typeof VAT_CATEGORY_CODES)[number];

/** zod schema of a {@link VatCategoryCode}. */
export const vatCategoryCodeSchema = z.enum(VAT_CATEGORY_CODES);

/** An exemption reason as text (BT-120) and code from the VATEX list (BT-121). */
export interface VatExemption {
  readonly reason: string;
  readonly code: string;
}

/**
 * Default exemption reasons for the categories that always need one. AE carries the note
 * §14a Abs. 5 UStG prescribes (T3): "Steuerschuldnerschaft des Leistungsempfängers".
 * `E` has no default: the legal ground differs per case and must be given.
 */
export const DEFAULT_VAT_EXEMPTIONS: Readonly<Partial<Record<VatCategoryCode, VatExemption>>> =
  Object.freeze({
    AE: Object.freeze({ reason: "Steuerschuldnerschaft des Leistungsempfängers", code: "VATEX-EU-AE" }),
    K: Object.freeze({ reason: "Steuerfreie innergemeinschaftliche Lieferung", code: "VATEX-EU-IC" }),
    G: Object.freeze({ reason: "Steuerfreie Ausfuhrlieferung", code: "VATEX-EU-G" }),
    O: Object.freeze({ reason: "Nicht im Inland steuerbare Leistung", code: "VATEX-EU-O" }),
  });

/**
 * zod schema of the VAT of a line: category, rate in percent and, for exempt categories, the
 * exemption reason. Usually taken from `@kontor/terms`' tax determination (T3).
 */
export const lineVatSchema = z
  .object({
    category: vatCategoryCodeSchema,
    /** Rate in percent as a decimal string: `"19"`, `"7"`, `"0"`. */
    rate: decimalStringSchema,
    /** Exemption reason text (BT-120); defaults per category, required for `E`. */
    exemptionReason: z.string().min(1).max(500).optional(),
    /** Exemption reason code, e.g. `VATEX-EU-AE` (BT-121). */
    exemptionReasonCode: z
      .string()
      .regex(/^VATEX-[A-Z0-9-]+$/, "Expected a VATEX code like VATEX-EU-AE")
      .optional(),
  })
  .strict();

/** The VAT of a line. */
export type LineVat = z.output<typeof lineVatSchema>;
