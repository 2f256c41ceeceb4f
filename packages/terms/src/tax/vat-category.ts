import { z } from "zod";

/**
 * VAT category codes of EN 16931 (UNTDID 5305) that Kontor uses, the keys of the VAT breakdown
 * (RULES.md T5):
 * - `S` standard (and reduced) rated, rate > 0;
 * - `Z` zero rated;
 * - `E` exempt;
 * - `AE` reverse charge (the buyer owes the VAT; "Steuerschuldnerschaft des Leistungsempfängers");
 * - `K` intra-community supply of goods, VAT exempt;
 * - `G` export outside the EU, VAT not charged;
 * - `O` not subject to VAT (services not taxable in the seller's country).
 */
export const VAT_CATEGORY_CODES = ["S", "Z", "E", "AE", "K", "G", "O"] as const;

/** One of {@link VAT_CATEGORY_CODES}. */
export type VatCategoryCode = (typeof VAT_CATEGORY_CODES)[number];

/** Zod schema of a {@link VatCategoryCode}. */
export const vatCategoryCodeSchema = z.enum(VAT_CATEGORY_CODES);

/** Whether the category carries a positive rate (only `S`); every other category has rate 0. */
export function categoryHasRate(category: VatCategoryCode): boolean {
  return category === "S";
}
