import { z } from "zod";
import { zoneSchema } from "../time/instant.js";
import { postalAddressSchema } from "./postal-address.js";

/**
 * zod schema of a VAT ID in normalized form (T4): two-letter prefix and number, upper case, no
 * separators (`ATU13585627`). The shape only; the country's format and check digits are checked
 * where the ID is entered (`validateVatId` of `@kontor/terms`).
 */
export const normalizedVatIdSchema = z
  .string()
  .regex(/^[A-Z]{2}[0-9A-Z+*]{2,13}$/, "A VAT ID in normalized form: two-letter prefix and number, upper case, no separators");

/** zod schema of a branch that receives goods or services (O1). */
export const branchSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    address: postalAddressSchema,
    receivesGoods: z.boolean(),
    receivesServices: z.boolean(),
    /**
     * O1, T3: the branch's own VAT ID in normalized form (`ATU13585627`), for a branch registered
     * for VAT in another country than the organization and billed separately: T3 taxes such a
     * branch's invoices by its address, so reverse charge needs a VAT ID of the branch's country.
     * Without it, the organization's VAT ID applies.
     */
    vatId: normalizedVatIdSchema.optional(),
  })
  .strict();

/** A branch of a customer (O1). */
export type Branch = z.infer<typeof branchSchema>;

/** zod schema of the account manager named in the cooperation agreement. */
export const accountManagerSchema = z
  .object({
    staffId: z.string().min(1),
    name: z.string().min(1),
    email: z.email(),
  })
  .strict();

/** The customer's account manager (Kundenbetreuer). */
export type AccountManager = z.infer<typeof accountManagerSchema>;

/**
 * zod schema of a customer record (O1): addresses of the company and every branch, central or
 * separate billing, the VAT ID (T3), the service-report recipient, optional new-ticket and status-change
 * recipients (K5), initial inventory wish, existing documentation, DATEV consultant number. Mail
 * domains and known contacts drive K3 threading; calendar id and zone drive K7 SLA clocks.
 */
export const organizationSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    address: postalAddressSchema,
    branches: z.array(branchSchema),
    billing: z.enum(["central", "separate"]),
    serviceReportRecipient: z.email(),
    newTicketRecipients: z.array(z.email()),
    statusChangeRecipients: z.array(z.email()),
    initialInventoryWanted: z.boolean(),
    documentation: z.enum(["existing", "create-requested", "none"]),
    /**
     * T3/T4: the customer's VAT ID in normalized form (prefix and number, upper case, no
     * separators: `ATU13585627`). An EU business customer outside the seller's country needs
     * one for reverse charge; without it such a customer cannot be billed.
     */
    vatId: normalizedVatIdSchema.optional(),
    datevConsultantNumber: z
      .string()
      .regex(/^\d{4,7}$/)
      .optional(),
    accountManager: accountManagerSchema.optional(),
    /** Mail domains owned by the customer (lower case), e.g. `mueller-gmbh.de`. */
    mailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
    /** Holiday and business-hours calendar of the customer (K7), e.g. `DE-NW`. */
    calendarId: z.string().min(1),
    zone: zoneSchema,
  })
  .strict();

/** A customer record (O1). */
export type Organization = z.infer<typeof organizationSchema>;
