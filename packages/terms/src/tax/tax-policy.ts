import { z } from "zod";
import { policyHeaderSchema } from "../policy/policy-ref.js";

/** Which contact's address determines the tax (RULES.md T3). */
export const TAX_ADDRESS_ROLES = ["billing-contact", "technical-contact"] as const;

/** One of {@link TAX_ADDRESS_ROLES}. */
export type TaxAddressRole = (typeof TAX_ADDRESS_ROLES)[number];

/**
 * A vendor's tax policy (RULES.md T3), in force from `effectiveFrom` (P1): the address role that
 * determines the tax, and the notes printed on invoices that carry no VAT.
 */
export const taxPolicySchema = policyHeaderSchema.extend({
  addressRole: z.enum(TAX_ADDRESS_ROLES),
  notes: z.object({
    /** Reverse charge (category AE). */
    reverseCharge: z.string().min(1),
    /** Intra-community supply of goods (category K). */
    intraCommunitySupply: z.string().min(1),
    /** Export of goods outside the EU (category G). */
    export: z.string().min(1),
    /** Services not taxable in the seller's country (category O). */
    notTaxable: z.string().min(1),
  }),
});

/** See {@link taxPolicySchema}. */
export type TaxPolicy = z.infer<typeof taxPolicySchema>;
