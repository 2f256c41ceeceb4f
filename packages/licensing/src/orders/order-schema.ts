import { moneySchema } from "@kontor/money";
import { z } from "zod";
import { billingModelSchema } from "../catalog/billing-model.js";
import { editionSchema } from "../catalog/edition.js";
import { termPeriodSchema } from "../maintenance/term-period.js";
import { dateSchema, instantStringSchema } from "../time/zone-fields.js";
import { LICENSE_ORDER_STATUSES, type LicenseOrder, type Order, SERVICE_ORDER_STATUSES, type ServiceOrder } from "./order.js";

const customerSchema = z.object({ id: z.string().min(1), name: z.string().min(1), zone: z.string().min(1) }).strict();
const requirementsSchema = z.object({ addressee: z.string().nullable(), customerPoNumber: z.string().nullable() }).strict();
const cancellationSchema = z.object({ cancelledAt: instantStringSchema, reason: z.string() }).strict().nullable();

const baseFields = {
  orderId: z.string().min(1),
  customer: customerSchema,
  receivedAt: instantStringSchema,
  confirmationRequirements: requirementsSchema,
  confirmedAt: instantStringSchema.nullable(),
  cancellation: cancellationSchema,
};

const licenseOrderLineSchema = z
  .object({
    lineId: z.string().min(1),
    productId: z.string().min(1),
    productName: z.string(),
    edition: editionSchema,
    billingModel: billingModelSchema,
    action: z.enum(["new", "renewal", "upgrade"]),
    userTier: z.number().int().positive(),
    quantity: z.number().int().positive(),
    sen: z.string().nullable(),
    siteUrl: z.string().nullable(),
    // L11; orders stored before co-termed lines were priced have no period.
    period: termPeriodSchema.nullable().default(null),
    listAmount: moneySchema,
    discountPercent: z.string(),
    discount: moneySchema,
    amount: moneySchema,
  })
  .strict();

const licenseOrderObjectSchema = z
  .object({
    kind: z.literal("license"),
    status: z.enum(LICENSE_ORDER_STATUSES),
    ...baseFields,
    vendorId: z.string().min(1),
    lines: z.array(licenseOrderLineSchema).min(1),
    total: moneySchema,
    requestedPurchaseDate: dateSchema.nullable(),
    technicalContact: z
      .object({ fullName: z.string(), email: z.string(), vendorAccount: z.enum(["none", "verification-pending", "verified"]) })
      .strict()
      .nullable(),
    // L4; orders stored before contact changes were recorded have none.
    technicalContactChanges: z
      .array(
        z
          .object({
            at: instantStringSchema,
            changedBy: z.string().nullable(),
            previousEmail: z.string().nullable(),
            fullName: z.string(),
            email: z.string(),
            afterPurchase: z.boolean(),
          })
          .strict(),
      )
      .default([]),
    coTermTargetEnd: dateSchema.nullable(),
    reviewReasons: z.array(z.enum(["vendor-review", "co-terming"])),
    confirmationSentAt: instantStringSchema.nullable(),
    review: z
      .object({
        startedAt: instantStringSchema,
        expectedEarliest: dateSchema,
        expectedLatest: dateSchema,
        outcome: z.enum(["approved", "rejected"]).nullable(),
      })
      .strict()
      .nullable(),
    purchaseDueOn: dateSchema.nullable(),
    purchasedAt: instantStringSchema.nullable(),
    vendorOrderRef: z.string().nullable(),
    paidOn: dateSchema.nullable(),
    keys: z.array(z.object({ lineId: z.string(), key: z.string() }).strict()),
    deliveredAt: instantStringSchema.nullable(),
    invoiceNumber: z.string().nullable(),
    invoicedAt: instantStringSchema.nullable(),
  })
  .strict();

const serviceOrderObjectSchema = z
  .object({
    kind: z.literal("service"),
    status: z.enum(SERVICE_ORDER_STATUSES),
    ...baseFields,
    services: z.array(z.object({ description: z.string(), quantity: z.string().nullable(), unit: z.string().nullable() }).strict()).min(1),
    responsibleTeam: z.string().min(1),
    contactTask: z.object({ team: z.string(), dueBy: dateSchema }).strict().nullable(),
    customerContactedAt: instantStringSchema.nullable(),
    customerContactNote: z.string().nullable(),
  })
  .strict();

/** zod schema of a stored {@link LicenseOrder} (the JSON of an order, money as `{ amount, currency }`). */
export const licenseOrderSchema: z.ZodType<LicenseOrder, z.input<typeof licenseOrderObjectSchema>> = licenseOrderObjectSchema;

/** zod schema of a stored {@link ServiceOrder}. */
export const serviceOrderSchema: z.ZodType<ServiceOrder, z.input<typeof serviceOrderObjectSchema>> = serviceOrderObjectSchema;

/**
 * zod schema of a stored {@link Order}: what apps use to load an order saved as JSON
 * (`JSON.stringify(order)`) before applying the next command.
 */
export const orderSchema: z.ZodType<Order, z.input<typeof licenseOrderObjectSchema> | z.input<typeof serviceOrderObjectSchema>> =
  z.discriminatedUnion("kind", [licenseOrderObjectSchema, serviceOrderObjectSchema]);
