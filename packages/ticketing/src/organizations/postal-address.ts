import { z } from "zod";

/** zod schema of a full postal address (O1). */
export const postalAddressSchema = z
  .object({
    street: z.string().min(1),
    postalCode: z.string().min(1),
    city: z.string().min(1),
    /** ISO 3166-1 alpha-2 country code. */
    country: z.string().regex(/^[A-Z]{2}$/),
  })
  .strict();

/** A full postal address (O1). */
export type PostalAddress = z.infer<typeof postalAddressSchema>;
