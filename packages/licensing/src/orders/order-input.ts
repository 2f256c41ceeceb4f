import { moneySchema } from "@kontor/money";
import { z } from "zod";
import { termPeriodSchema } from "../maintenance/term-period.js";
import { discountEligibilitySchema } from "../policies/discount-eligibility.js";
import { licenseActionSchema } from "../reseller/license-action.js";
import { purchaseRouteSchema } from "../reseller/purchase-route.js";
import { customerZoneSchema, dateSchema } from "../time/zone-fields.js";

/** The ordering customer; `zone` is the IANA zone its days are counted in (default `Europe/Berlin`). */
export const orderCustomerSchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), zone: customerZoneSchema })
  .strict();

/**
 * L1: what the customer wants printed on the order confirmation, given at the latest with the
 * order: a different addressee and/or their own order (PO) number.
 */
export const confirmationRequirementsSchema = z
  .object({
    addressee: z.string().trim().min(1).optional(),
    customerPoNumber: z.string().trim().min(1).optional(),
  })
  .strict();

/** L4: the technical contact registered with the vendor for the purchase. */
export const technicalContactInputSchema = z
  .object({
    fullName: z.string().trim().min(1),
    email: z.email(),
    /** Whether the contact already has an account with the vendor (keys visible at once) or must verify one. */
    hasVendorAccount: z.boolean(),
  })
  .strict();

/** One license line of an order. */
export const licenseOrderLineInputSchema = z
  .object({
    lineId: z.string().min(1),
    productId: z.string().min(1),
    userTier: z.number().int().positive(),
    quantity: z.number().int().positive().default(1),
    action: licenseActionSchema,
    /** L9: the SEN of the Data Center license renewed or upgraded. */
    sen: z.string().trim().min(1).optional(),
    /** L9: the site URL of the cloud annual subscription renewed or upgraded. */
    siteUrl: z.url().optional(),
    /**
     * The unit price agreed in a quote (after discounts). Without it the catalog price of the
     * tier applies (renewals: its renewal price) less the customer's discount; upgrades need it.
     */
    unitPrice: moneySchema.optional(),
    /**
     * L11: in a co-termed order, the period the quoted `unitPrice` covers (the quote line's
     * `period`, ending on `coTermTargetEnd`). Only with `unitPrice`.
     */
    period: termPeriodSchema.optional(),
  })
  .strict();

/** A license order (L1, L3–L6, L9–L12, L16, L18). */
export const licenseOrderInputSchema = z
  .object({
    kind: z.literal("license"),
    orderId: z.string().min(1),
    customer: orderCustomerSchema,
    lines: z.array(licenseOrderLineInputSchema).min(1),
    confirmationRequirements: confirmationRequirementsSchema.default({}),
    /** L6: refused when `via-distributor`. */
    purchaseRoute: purchaseRouteSchema,
    /** L3: purchase on this day instead of right after the confirmation. */
    requestedPurchaseDate: dateSchema.optional(),
    /** L4: may also be registered later, but before the purchase. */
    technicalContact: technicalContactInputSchema.optional(),
    /**
     * L11: co-term the ordered licenses to this end date: lines priced here are priced pro rata
     * by day to it (new licenses from the requested purchase date or today; renewals and
     * upgrades need their quoted `unitPrice`), and the order goes into review (L10).
     */
    coTermTargetEnd: dateSchema.optional(),
    /** L10: the vendor flagged the order for manual review. */
    manualReviewRequired: z.boolean().default(false),
    /** L14: the customer's discount eligibility flags. */
    eligibility: z.array(discountEligibilitySchema).default([]),
  })
  .strict()
  .superRefine((order, ctx) => {
    const ids = order.lines.map((line) => line.lineId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["lines", i, "lineId"], message: `Duplicate line id ${id}` });
    });
  });

/** One service of a service order (consulting or project work). */
export const serviceItemInputSchema = z
  .object({
    description: z.string().trim().min(1),
    quantity: z.string().regex(/^\d+(\.\d+)?$/, "Expected a decimal quantity such as \"2.5\"").optional(),
    unit: z.string().trim().min(1).optional(),
  })
  .strict();

/** A service order (L1, L2). */
export const serviceOrderInputSchema = z
  .object({
    kind: z.literal("service"),
    orderId: z.string().min(1),
    customer: orderCustomerSchema,
    services: z.array(serviceItemInputSchema).min(1),
    /** The team that contacts the customer to agree dates (L2). */
    responsibleTeam: z.string().trim().min(1),
    confirmationRequirements: confirmationRequirementsSchema.default({}),
  })
  .strict();

/** zod schema of an {@link OrderInput}, discriminated by `kind`. */
export const orderInputSchema = z.discriminatedUnion("kind", [licenseOrderInputSchema, serviceOrderInputSchema]);

/** An incoming order as sent by the caller: a license order or a service order. */
export type OrderInput = z.input<typeof orderInputSchema>;

/** An incoming license order. */
export type LicenseOrderInput = z.input<typeof licenseOrderInputSchema>;

/** An incoming service order. */
export type ServiceOrderInput = z.input<typeof serviceOrderInputSchema>;

/** One license line of an incoming order. */
export type LicenseOrderLineInput = z.input<typeof licenseOrderLineInputSchema>;
