import { moneySchema } from "@kontor/money";
import { z } from "zod";
import { dateSchema, instantStringSchema } from "../time/zone-fields.js";
import type { RentalSubscription } from "./rental-subscription.js";

const quantityChangeSchema = z.object({ at: instantStringSchema, quantity: z.number().int().positive() }).strict();

const rentalSubscriptionObjectSchema = z
  .object({
    subscriptionId: z.string().min(1),
    customerId: z.string().min(1),
    zone: z.string().min(1),
    vendorId: z.string().min(1),
    productId: z.string().min(1),
    productName: z.string(),
    status: z.enum(["ordered", "provisioned", "cancelled"]),
    orderedAt: instantStringSchema,
    provisionedOn: dateSchema.nullable(),
    startDate: dateSchema,
    endDate: dateSchema.nullable(),
    pricePerUser: moneySchema,
    quantity: z.number().int().positive(),
    quantityHistory: z.array(quantityChangeSchema).min(1),
    addOns: z.array(
      z
        .object({
          addOnId: z.string().min(1),
          name: z.string(),
          pricePerUnit: moneySchema,
          bookedAt: instantStringSchema,
          startDate: dateSchema,
          endDate: dateSchema.nullable(),
          endedBy: z.enum(["add-on-cancellation", "product-cancellation"]).exactOptional(),
          quantity: z.number().int().positive(),
          quantityHistory: z.array(quantityChangeSchema).min(1),
        })
        .strict(),
    ),
    consents: z
      .object({ termsAndLicenseConditions: z.boolean(), vendorAccountCreation: z.boolean(), givenAt: instantStringSchema })
      .strict(),
  })
  .strict();

/** zod schema of a stored {@link RentalSubscription} (its JSON, money as `{ amount, currency }`). */
export const rentalSubscriptionSchema: z.ZodType<RentalSubscription, z.input<typeof rentalSubscriptionObjectSchema>> =
  rentalSubscriptionObjectSchema;
