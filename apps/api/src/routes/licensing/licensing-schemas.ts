import { z } from "zod";

/** Money as JSON. */
export const moneyJsonSchema = z.object({ amount: z.string(), currency: z.string() });

/** A catalog product as stored (the JSON `productSchema` reads). */
export const productResponseSchema = z.object({
  product: z.looseObject({
    id: z.string(),
    vendorId: z.string(),
    name: z.string(),
    productLine: z.string(),
    edition: z.string(),
    billingModel: z.string(),
    currency: z.string(),
    pricing: z.looseObject({ kind: z.string() }),
  }),
  vendor: z.object({ id: z.string(), name: z.string() }),
  version: z.number().int(),
});

/** A priced quote (`Quote` of `@kontor/licensing` as JSON) and what was asked. */
export const quoteResponseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  quote: z.looseObject({
    quoteId: z.string(),
    kind: z.string(),
    validUntil: z.string(),
    total: moneyJsonSchema,
    lines: z.array(z.looseObject({ productId: z.string(), userTier: z.number(), amount: moneyJsonSchema })),
    requiresManualReview: z.boolean(),
  }),
  request: z.record(z.string(), z.unknown()),
});

/** An order (`Order` as JSON; delivered keys are only listed by line, never shown, L13). */
export const orderResponseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  quoteId: z.string().nullable(),
  version: z.number().int(),
  order: z.looseObject({ orderId: z.string(), kind: z.enum(["license", "service"]), status: z.string() }),
});

/** An order after a command, with the events it caused (also written to the outbox). */
export const orderTransitionResponseSchema = orderResponseSchema.extend({
  events: z.array(z.looseObject({ type: z.string(), at: z.string() })),
});

/** A license; the key is never part of it (GET /v1/licenses/:id/key, L13). */
export const licenseResponseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  orderId: z.string().nullable(),
  originalPurchaserId: z.string(),
  hasKey: z.boolean(),
  license: z.looseObject({ productId: z.string(), vendorId: z.string(), edition: z.string(), userTier: z.number() }),
});

/** A rental (`RentalSubscription` as JSON) with its "my orders" row (M3). */
export const rentalResponseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  version: z.number().int(),
  subscription: z.looseObject({ subscriptionId: z.string(), status: z.string(), quantity: z.number(), startDate: z.string(), endDate: z.string().nullable() }),
  overview: z.looseObject({
    monthlyTotal: moneyJsonSchema,
    actions: z.object({ changeQuantity: z.boolean(), bookAddOn: z.boolean(), cancel: z.boolean() }),
  }),
});

/** A rental after a command, with the events it caused. */
export const rentalTransitionResponseSchema = rentalResponseSchema.extend({
  events: z.array(z.looseObject({ type: z.string(), at: z.string() })),
});

/** Query of the per-organization lists: staff may filter, portal users always see their own. */
export const organizationFilterSchema = z.object({ organizationId: z.string().min(1).max(100).optional() });
