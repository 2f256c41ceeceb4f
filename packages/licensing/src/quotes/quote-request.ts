import { z } from "zod";
import { discountEligibilitySchema } from "../policies/discount-eligibility.js";
import { termPeriodSchema } from "../maintenance/term-period.js";
import { purchaseRouteSchema } from "../reseller/purchase-route.js";
import { dateSchema } from "../time/zone-fields.js";
import { authorizedContactSchema, contactSchema, contactWithAddressSchema } from "./contact.js";

/** One requested product and user tier. Both are checked by the rules so a gap names the field. */
export const requestedProductSchema = z
  .object({
    productId: z.string().min(1).optional(),
    userTier: z.number().int().positive().optional(),
    quantity: z.number().int().positive().default(1),
  })
  .strict();

/** Fields every quote request has. */
const commonFields = {
  quoteId: z.string().min(1),
  /** L14: the customer's discount eligibility flags. */
  eligibility: z.array(discountEligibilitySchema).default([]),
  /** L6: how the reseller buys; `via-distributor` is refused. */
  purchaseRoute: purchaseRouteSchema,
  /** L6: asking for a reseller discount is refused when the vendor gives none. */
  resellerDiscountRequested: z.boolean().default(false),
  /**
   * L11: the end date the quoted licenses are co-termed to (the day after the last day): each
   * line is priced pro rata by day to it, and the quote asks for manual review (L10).
   */
  coTermTargetEnd: dateSchema.optional(),
  notes: z.string().optional(),
};

/** L7: a cloud annual subscription for a customer whose cloud site exists. */
export const cloudAnnualExistingSiteRequestSchema = z
  .object({
    kind: z.literal("cloud-annual-existing-site"),
    ...commonFields,
    reseller: contactSchema.default({}),
    /** The customer's site: its URL or its SEN. */
    site: z.object({ url: z.url().optional(), sen: z.string().trim().min(1).optional() }).strict().default({}),
    /** The site's authorized contact. */
    authorizedContact: contactSchema.default({}),
    products: z.array(requestedProductSchema).default([]),
  })
  .strict();

/** L7: a cloud annual subscription for a customer without a site yet. */
export const cloudAnnualNewSiteRequestSchema = z
  .object({
    kind: z.literal("cloud-annual-new-site"),
    ...commonFields,
    reseller: contactWithAddressSchema.default({}),
    customer: contactWithAddressSchema.default({}),
    products: z.array(requestedProductSchema).default([]),
  })
  .strict();

/** L8: a Data Center quote from the quote and order form. */
export const dataCenterRequestSchema = z
  .object({
    kind: z.literal("data-center"),
    ...commonFields,
    cart: z.array(requestedProductSchema).default([]),
    /** "I am a reseller buying for my customer" must be ticked. */
    resellerBuysForCustomer: z.boolean().optional(),
    reseller: contactSchema.default({}),
    customer: contactSchema.default({}),
    termsAccepted: z.boolean().optional(),
  })
  .strict();

/** How an existing license is identified for a renewal or upgrade (L9). */
const existingLicenseFields = {
  edition: z.enum(["data-center", "cloud"]),
  /** Data Center: the license's SEN. */
  sen: z.string().trim().min(1).optional(),
  /** Data Center: the technical contact's e-mail. */
  technicalContactEmail: z.email().optional(),
  /** Cloud annual: an authorized contact (billing, technical or site admin) with the site URL. */
  authorizedContact: authorizedContactSchema.default({}),
  productId: z.string().min(1),
};

/** L9 + L15: renewing a Data Center or cloud annual license by one or more 12-month steps. */
export const renewalRequestSchema = z
  .object({
    kind: z.literal("renewal"),
    ...commonFields,
    ...existingLicenseFields,
    userTier: z.number().int().positive(),
    currentEnd: dateSchema,
    steps: z.number().int().min(1).default(1),
  })
  .strict();

/** L9 + L19: upgrading the user tier of a Data Center or cloud annual license. */
export const upgradeRequestSchema = z
  .object({
    kind: z.literal("upgrade"),
    ...commonFields,
    ...existingLicenseFields,
    fromTier: z.number().int().positive(),
    toTier: z.number().int().positive(),
    term: termPeriodSchema,
    /** Cloud annual: the payment date, from which the upgrade takes effect (L18). */
    paidOn: dateSchema.optional(),
  })
  .strict();

/** zod schema of a {@link QuoteRequest}, discriminated by `kind`. */
export const quoteRequestSchema = z.discriminatedUnion("kind", [
  cloudAnnualExistingSiteRequestSchema,
  cloudAnnualNewSiteRequestSchema,
  dataCenterRequestSchema,
  renewalRequestSchema,
  upgradeRequestSchema,
]);

/** A request for a quote, as sent by the caller (L7, L8, L9). */
export type QuoteRequest = z.input<typeof quoteRequestSchema>;

/** A {@link QuoteRequest} after validation and defaults. */
export type ParsedQuoteRequest = z.output<typeof quoteRequestSchema>;

/** The kind of a quote request. */
export type QuoteKind = ParsedQuoteRequest["kind"];
