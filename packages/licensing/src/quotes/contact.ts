import { z } from "zod";

/**
 * A person's name and e-mail as given in a request. Both are optional in the schema so that a
 * missing one is reported by the rule checks as a separate error naming the field (L7–L9).
 */
export const contactSchema = z
  .object({
    fullName: z.string().trim().min(1).optional(),
    email: z.email().optional(),
  })
  .strict();

/** Input form of a contact. */
export type ContactInput = z.input<typeof contactSchema>;

/** A physical billing address (L7: cloud annual quotes without a site). Fields are checked by the rules. */
export const billingAddressSchema = z
  .object({
    street: z.string().trim().min(1).optional(),
    postalCode: z.string().trim().min(1).optional(),
    city: z.string().trim().min(1).optional(),
    /** ISO 3166-1 alpha-2 country code. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "Expected an ISO 3166-1 alpha-2 country code such as DE")
      .optional(),
  })
  .strict();

/** Input form of a billing address. */
export type BillingAddressInput = z.input<typeof billingAddressSchema>;

/** A contact with a physical billing address. */
export const contactWithAddressSchema = contactSchema.extend({ billingAddress: billingAddressSchema.optional() });

/** Roles that count as an authorized contact of a cloud site (L9). */
export const AUTHORIZED_CONTACT_ROLES = ["billing-contact", "technical-contact", "site-admin"] as const;

/** An authorized contact of a cloud site (L9): billing contact, technical contact or site admin. */
export const authorizedContactSchema = contactSchema.extend({
  role: z.enum(AUTHORIZED_CONTACT_ROLES).optional(),
  siteUrl: z.url().optional(),
});
