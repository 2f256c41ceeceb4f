import { billingSettingsSchema, sellerSchema, sepaCreditTransferSchema } from "@kontor/invoicing";
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

/**
 * The payment means as stored, checked: a credit transfer to the installation's account. A plain
 * string for the IBAN: a response is serialized through its schema, and the request schema's
 * check belongs to the request.
 */
const storedPaymentMeansSchema = sepaCreditTransferSchema.extend({ iban: z.string().describe("Seller's IBAN (BT-84), electronic form; checked when stored") });

/** The installation's stored billing settings as the API answers them (C8, T1). */
export const billingSettingsResponseSchema = z
  .object({
    settings: z
      .object({
        seller: sellerSchema,
        paymentMeans: storedPaymentMeansSchema,
        netDays: z.int(),
        sepaCreditorId: z.string().optional().describe("SEPA creditor ID (BT-90) for direct debits of rental and hosting months (C8, T7); checked when stored"),
        billingRelease: z
          .enum(["automatic", "back-office"])
          .optional()
          .describe(
            "Who releases a closed month for billing (K1, C8): `automatic` (also when absent) mails report and invoice at month close; `back-office` holds the report until `POST /v1/service-reports/{id}/release`",
          ),
      })
      .describe("As stored, checked: what the worker composes invoices, delivery notes and service reports from"),
    version: z.int().describe("Counts the writes; send it as `expectedVersion` to replace these settings"),
    updatedBy: z.string(),
    updatedAt: instantSchema,
  })
  .meta({ id: "BillingSettings", description: "C8, T1: the seller on every invoice, delivery note and service report, the payment means and the net days" });
