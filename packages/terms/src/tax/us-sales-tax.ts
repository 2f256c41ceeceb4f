import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";

/** One US sales-tax jurisdiction: a state, optionally narrowed to a locality, with its combined rate. */
export const usSalesTaxJurisdictionSchema = z.object({
  /** USPS state code (`"CA"`). */
  state: z.string().regex(/^[A-Z]{2}$/, "Expected a USPS state code like \"CA\""),
  /** A locality as the address names it (city or ZIP code); absent for the state-wide rate. */
  locality: z.string().min(1).optional(),
  /** Combined rate in percent; `"0"` for a state without sales tax on the supply. */
  ratePercent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, "Expected a rate in percent like \"7.25\""),
});

/** See {@link usSalesTaxJurisdictionSchema}. */
export type UsSalesTaxJurisdiction = z.infer<typeof usSalesTaxJurisdictionSchema>;

/**
 * A US sales-tax rate table supplied as data (RULES.md T3): the jurisdictions where the seller
 * collects sales tax, in force from `effectiveFrom`. Kontor ships none, because the rates depend
 * on the seller's nexus and change often.
 */
export const usSalesTaxTableSchema = policyHeaderSchema.extend({
  jurisdictions: z.array(usSalesTaxJurisdictionSchema).min(1),
});

/** See {@link usSalesTaxTableSchema}. */
export type UsSalesTaxTable = z.infer<typeof usSalesTaxTableSchema>;

/**
 * The jurisdiction of `table` for a state and locality: the locality's entry when there is one,
 * otherwise the state-wide entry; `undefined` when the state is not in the table.
 */
export function findUsJurisdiction(table: UsSalesTaxTable, state: string, locality: string | undefined): UsSalesTaxJurisdiction | undefined {
  const wanted = locality?.trim().toUpperCase();
  let stateWide: UsSalesTaxJurisdiction | undefined;
  for (const entry of table.jurisdictions) {
    if (entry.state !== state) continue;
    if (entry.locality === undefined) stateWide = entry;
    else if (wanted !== undefined && entry.locality.toUpperCase() === wanted) return entry;
  }
  return stateWide;
}
