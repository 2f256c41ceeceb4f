import { billingSettingsSchema, paymentMeansSchema, sellerSchema } from "@kontor/invoicing";
import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";

/**
 * Body of `PUT /v1/billing-settings`: `@kontor/invoicing`'s `billingSettingsSchema` (seller,
 * payment means with checked IBAN, net days; strict) and the version it replaces. `0` or absent:
 * the first write, when none are stored yet; then the stored `version` (optimistic locking).
 */
export const billingSettingsPutBodySchema = billingSettingsSchema.extend({
  expectedVersion: z
    .int()
    .min(0)
    .optional()
    .describe("The stored `version` this replaces; `0` or absent for the first write. Another one is 409 `VERSION_CONFLICT`"),
});

const [creditTransfer, directDebit] = paymentMeansSchema.options;

/**
 * The payment means as stored, checked. Plain strings for the IBANs: a response is serialized
 * through its schema, and the request schema's check belongs to the request.
 */
const storedPaymentMeansSchema = z.discriminatedUnion("kind", [
  creditTransfer.extend({ iban: z.string().describe("Seller's IBAN (BT-84), electronic form; checked when stored") }),
  directDebit.extend({ debtorIban: z.string().describe("Buyer's IBAN (BT-91), electronic form; checked when stored") }),
]);

/** The installation's stored billing settings as the API answers them (C8, T1). */
export const billingSettingsResponseSchema = z
  .object({
    settings: z
      .object({ seller: sellerSchema, paymentMeans: storedPaymentMeansSchema, netDays: z.int() })
      .describe("As stored, checked: what the worker composes invoices, delivery notes and service reports from"),
    version: z.int().describe("Counts the writes; send it as `expectedVersion` to replace these settings"),
    updatedBy: z.string(),
    updatedAt: instantSchema,
  })
  .meta({ id: "BillingSettings", description: "C8, T1: the seller on every invoice, delivery note and service report, the payment means and the net days" });
