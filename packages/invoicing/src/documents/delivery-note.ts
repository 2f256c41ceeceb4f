import { decimalStringSchema } from "@kontor/money";
import { z } from "zod";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { deepFreeze } from "./deep-freeze.js";
import { documentNumberSchema } from "./identifiers.js";
import { isoDateSchema } from "./iso-date.js";
import { addresseeSchema } from "./order-confirmation.js";
import { partySchema, sellerSchema } from "./party.js";

/** zod schema of one delivered license (L5). */
export const deliveredLicenseSchema = z
  .object({
    product: z.string().min(1).max(300),
    sku: z.string().min(1).max(100).optional(),
    /** Number of licenses or the user tier. */
    quantity: decimalStringSchema,
    deployment: z.enum(["server", "data-center", "cloud"]),
    /** L5: the key of a self-managed license; cloud licenses have none. */
    licenseKey: z.string().min(1).max(5000).optional(),
    /** Support entitlement number (L15). */
    sen: z.string().min(1).max(100).optional(),
    /** Site URL of a cloud license. */
    cloudSiteUrl: z.string().min(1).max(300).optional(),
    /** End of the included maintenance (L15). */
    maintenanceEnd: isoDateSchema.optional(),
  })
  .strict();

/** One delivered license. */
export type DeliveredLicense = z.output<typeof deliveredLicenseSchema>;

/** zod schema of a delivery note (L5). */
export const deliveryNoteInputSchema = z
  .object({
    number: documentNumberSchema,
    issueDate: isoDateSchema,
    seller: sellerSchema,
    customer: partySchema,
    addressee: addresseeSchema.optional(),
    /** The invoice the delivery note is sent with (L5). */
    invoiceNumber: documentNumberSchema.optional(),
    /** Kontor's order number. */
    orderNumber: z.string().min(1).max(100).optional(),
    /** The customer's own order number (L1). */
    customerOrderNumber: z.string().min(1).max(100).optional(),
    licenses: z.array(deliveredLicenseSchema).min(1).max(10000),
  })
  .strict();

/** A delivery note as given. */
export type DeliveryNoteInput = z.input<typeof deliveryNoteInputSchema>;
/** A composed, deeply frozen delivery note. */
export type DeliveryNote = Readonly<z.output<typeof deliveryNoteInputSchema>>;

/**
 * Composes the delivery note sent with a license invoice (L5): each license with its key; a
 * cloud license has no key (its instance is live from the purchase) and the note says so.
 * A self-managed license without key is refused (`L5_LICENSE_KEY_MISSING`), a cloud license
 * with a key too (`INVALID_INPUT`): the document must not promise what does not exist.
 */
export function composeDeliveryNote(input: DeliveryNoteInput): Result<DeliveryNote> {
  const parsed = deliveryNoteInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const errors: InvoicingIssue[] = [];
  parsed.data.licenses.forEach((license, index) => {
    if (license.deployment !== "cloud" && license.licenseKey === undefined) {
      errors.push(
        issue("L5_LICENSE_KEY_MISSING", `${license.product} is a ${license.deployment} license and needs its key (L5)`, [
          "licenses",
          index,
          "licenseKey",
        ]),
      );
    }
    if (license.deployment === "cloud" && license.licenseKey !== undefined) {
      errors.push(
        issue("INVALID_INPUT", "Cloud licenses have no key; the instance is live from the purchase (L5)", [
          "licenses",
          index,
          "licenseKey",
        ]),
      );
    }
  });
  if (errors.length > 0) return failure(errors);
  return success(deepFreeze(parsed.data));
}
