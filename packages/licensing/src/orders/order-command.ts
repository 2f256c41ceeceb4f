import { z } from "zod";
import { dateSchema } from "../time/zone-fields.js";
import { technicalContactInputSchema } from "./order-input.js";

/** zod schema of an {@link OrderCommand}, discriminated by `type`. */
export const orderCommandSchema = z.discriminatedUnion("type", [
  /** L1: confirm the order; the confirmation is to be sent. */
  z.object({ type: z.literal("confirm") }).strict(),
  /** L3: the confirmation went out; the purchase is due now, on the requested day, or after review (L10). */
  z.object({ type: z.literal("record-confirmation-sent") }).strict(),
  /** L10: the manual review finished. */
  z.object({ type: z.literal("complete-review"), approved: z.boolean(), reason: z.string().trim().min(1).optional() }).strict(),
  /**
   * L4: register (or replace) the technical contact; after the purchase only while the current
   * contact has not verified a vendor account (the new contact's verification starts afresh).
   */
  technicalContactInputSchema.extend({ type: z.literal("register-technical-contact") }).strict(),
  /** L3: the licenses were purchased from the vendor; `paidOn` when paid at once (L18). */
  z
    .object({ type: z.literal("purchase"), vendorOrderRef: z.string().trim().min(1).optional(), paidOn: dateSchema.optional() })
    .strict(),
  /** L18: the vendor received the payment. */
  z.object({ type: z.literal("record-vendor-payment"), paidOn: dateSchema }).strict(),
  /**
   * L4: the technical contact verified the vendor account. `email`: the address that verified;
   * when given it must be the current technical contact's (a replaced contact's verification
   * does not count). Without it, the current contact is meant.
   */
  z.object({ type: z.literal("record-contact-verified"), email: z.email().optional() }).strict(),
  /** L5: deliver the licenses; one key per self-managed line. */
  z
    .object({
      type: z.literal("deliver"),
      keys: z.array(z.object({ lineId: z.string().min(1), key: z.string().trim().min(1) }).strict()).default([]),
    })
    .strict(),
  /** L5: the invoice was issued. */
  z.object({ type: z.literal("invoice"), invoiceNumber: z.string().trim().min(1) }).strict(),
  /** L2: the team contacted the customer and agreed dates. */
  z.object({ type: z.literal("record-customer-contact"), note: z.string().trim().min(1).optional() }).strict(),
  /** Cancel the order before the purchase. */
  z.object({ type: z.literal("cancel"), reason: z.string().trim().min(1) }).strict(),
]);

/** A command to an order, as sent by the caller. */
export type OrderCommand = z.input<typeof orderCommandSchema>;

/** The `type` of an {@link OrderCommand}. */
export type OrderCommandType = OrderCommand["type"];

/** Every command type, in lifecycle order. */
export const ORDER_COMMAND_TYPES = [
  "confirm",
  "record-confirmation-sent",
  "complete-review",
  "register-technical-contact",
  "purchase",
  "record-vendor-payment",
  "record-contact-verified",
  "deliver",
  "invoice",
  "record-customer-contact",
  "cancel",
] as const satisfies readonly OrderCommandType[];
