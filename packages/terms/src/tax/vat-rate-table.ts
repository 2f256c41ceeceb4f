import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";
import { euMemberStateSchema } from "./eu-member-states.js";

/** zod schema of a VAT rate in percent as a decimal string (`"19"`, `"5.5"`, `"25.5"`). */
export const ratePercentSchema = z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, "Expected a rate in percent like \"19\" or \"5.5\"");

/** The rates of one member state from a day on. */
export const vatRatesEntrySchema = z.object({
  effectiveFrom: isoDateSchema,
  /** The standard rate in percent. */
  standard: ratePercentSchema,
  /** Reduced rates in percent (without super-reduced and parking rates), highest first. */
  reduced: z.array(ratePercentSchema),
});

/** See {@link vatRatesEntrySchema}. */
export type VatRatesEntry = z.infer<typeof vatRatesEntrySchema>;

/**
 * Standard and reduced VAT rates of the 27 member states as dated policy data (RULES.md T3, P1):
 * per country a list of entries, each in force from its `effectiveFrom` until the next one.
 */
export const vatRateTableSchema = policyHeaderSchema.extend({
  countries: z.partialRecord(euMemberStateSchema, z.array(vatRatesEntrySchema).min(1)),
});

/** See {@link vatRateTableSchema}. */
export type VatRateTable = z.infer<typeof vatRateTableSchema>;
