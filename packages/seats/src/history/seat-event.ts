import { z } from "zod";
import { instantStringSchema } from "../time/instant.js";

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Identifier fields: non-empty, at most 200 characters, no control characters (they end up in
 * e-mail ids and CSV files).
 */
export const identifierSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => !hasControlCharacter(text), { message: "Must not contain control characters" });

const quantitySchema = z.number().int().positive().max(10_000_000);

const eventBase = {
  /** Unique id of the event within the organization's history (S10: deterministic tie-breaks). */
  id: identifierSchema,
  /** When it happened: ISO 8601 with offset. */
  at: instantStringSchema,
};

/** One product line of a purchase order. */
export interface PurchaseOrderLine {
  readonly productId: string;
  readonly quantity: number;
}

/** zod schema of a {@link PurchaseOrderLine}. */
export const purchaseOrderLineSchema = z
  .object({ productId: identifierSchema, quantity: quantitySchema })
  .strict();

/** zod schema of the lines of one purchase order: at least one, each product at most once. */
export const purchaseOrderLinesSchema = z
  .array(purchaseOrderLineSchema)
  .min(1)
  .refine((lines) => new Set(lines.map((line) => line.productId)).size === lines.length, {
    message: "Each product may appear only once per purchase order",
  });

/** S1: a purchase order bought unpaid licenses; its 60-day window starts at `at` (S2). */
export interface PurchaseOrderPlacedEvent {
  readonly type: "purchase-order-placed";
  readonly id: string;
  readonly at: string;
  readonly poId: string;
  readonly lines: readonly PurchaseOrderLine[];
}

/** zod schema of a {@link PurchaseOrderPlacedEvent}. */
export const purchaseOrderPlacedEventSchema = z
  .object({
    type: z.literal("purchase-order-placed"),
    ...eventBase,
    poId: identifierSchema,
    lines: purchaseOrderLinesSchema,
  })
  .strict();

/** S2, S9: payment of a whole purchase order was arranged at `at`. */
export interface PurchaseOrderPaidEvent {
  readonly type: "purchase-order-paid";
  readonly id: string;
  readonly at: string;
  readonly poId: string;
}

/** zod schema of a {@link PurchaseOrderPaidEvent}. */
export const purchaseOrderPaidEventSchema = z
  .object({ type: z.literal("purchase-order-paid"), ...eventBase, poId: identifierSchema })
  .strict();

/** S3: licenses bought and paid directly (not through a purchase order). */
export interface LicensesBoughtEvent {
  readonly type: "licenses-bought";
  readonly id: string;
  readonly at: string;
  readonly productId: string;
  readonly quantity: number;
}

/** zod schema of a {@link LicensesBoughtEvent}. */
export const licensesBoughtEventSchema = z
  .object({
    type: z.literal("licenses-bought"),
    ...eventBase,
    productId: identifierSchema,
    quantity: quantitySchema,
  })
  .strict();

/**
 * S3: a renewal period of a product runs from `at` until `endsAt` (exclusive). The paid licenses
 * held at `at` are due for renewal; those not renewed by `endsAt` lapse.
 */
export interface RenewalPeriodOpenedEvent {
  readonly type: "renewal-period-opened";
  readonly id: string;
  readonly at: string;
  readonly productId: string;
  readonly endsAt: string;
}

/** zod schema of a {@link RenewalPeriodOpenedEvent}. */
export const renewalPeriodOpenedEventSchema = z
  .object({
    type: z.literal("renewal-period-opened"),
    ...eventBase,
    productId: identifierSchema,
    endsAt: instantStringSchema,
  })
  .strict();

/** S3: `quantity` of the licenses due in the open renewal period were renewed. */
export interface LicensesRenewedEvent {
  readonly type: "licenses-renewed";
  readonly id: string;
  readonly at: string;
  readonly productId: string;
  readonly quantity: number;
}

/** zod schema of a {@link LicensesRenewedEvent}. */
export const licensesRenewedEventSchema = z
  .object({
    type: z.literal("licenses-renewed"),
    ...eventBase,
    productId: identifierSchema,
    quantity: quantitySchema,
  })
  .strict();

/** S1, S3: a user was assigned to a product (and gets access if a license is available). */
export interface UserAssignedEvent {
  readonly type: "user-assigned";
  readonly id: string;
  readonly at: string;
  readonly productId: string;
  readonly userId: string;
  /** Where the user's e-mails go; optional, carried into lists, CSV and e-mails. */
  readonly email?: string | undefined;
  /** Name shown in the lists and the CSV. */
  readonly displayName?: string | undefined;
}

/** zod schema of a {@link UserAssignedEvent}. */
export const userAssignedEventSchema = z
  .object({
    type: z.literal("user-assigned"),
    ...eventBase,
    productId: identifierSchema,
    userId: identifierSchema,
    email: z.string().min(1).max(320).optional(),
    displayName: z.string().min(1).max(200).optional(),
  })
  .strict();

/** S4, S7: a user's assignment to a product was removed. */
export interface UserUnassignedEvent {
  readonly type: "user-unassigned";
  readonly id: string;
  readonly at: string;
  readonly productId: string;
  readonly userId: string;
}

/** zod schema of a {@link UserUnassignedEvent}. */
export const userUnassignedEventSchema = z
  .object({
    type: z.literal("user-unassigned"),
    ...eventBase,
    productId: identifierSchema,
    userId: identifierSchema,
  })
  .strict();

/** Every fact the seat evaluator folds (S10: PO events, assignment events, payments). */
export type SeatEvent =
  | PurchaseOrderPlacedEvent
  | PurchaseOrderPaidEvent
  | LicensesBoughtEvent
  | RenewalPeriodOpenedEvent
  | LicensesRenewedEvent
  | UserAssignedEvent
  | UserUnassignedEvent;

/** zod schema of a {@link SeatEvent}. */
export const seatEventSchema = z.discriminatedUnion("type", [
  purchaseOrderPlacedEventSchema,
  purchaseOrderPaidEventSchema,
  licensesBoughtEventSchema,
  renewalPeriodOpenedEventSchema,
  licensesRenewedEventSchema,
  userAssignedEventSchema,
  userUnassignedEventSchema,
]);

/** An organization's event history, in any order (the evaluator sorts it). */
export type SeatHistory = readonly SeatEvent[];

/** zod schema of a {@link SeatHistory}; event ids must be unique (S10). */
export const seatHistorySchema = z.array(seatEventSchema).superRefine((events, context) => {
  const seen = new Set<string>();
  events.forEach((event, index) => {
    if (seen.has(event.id)) {
      context.addIssue({
        code: "custom",
        message: `Event id ${JSON.stringify(event.id)} is used twice`,
        path: [index, "id"],
        params: { seatErrorCode: "S10_DUPLICATE_EVENT_ID" },
      });
    }
    seen.add(event.id);
  });
});
