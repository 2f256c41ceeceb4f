import { z } from "zod";
import { idParamsSchema, instantSchema } from "../../http/route-schemas.js";

// EPC SEPA character set of identifiers (EPC217): Latin letters, digits and / - ? : ( ) . , ' + space.
const SEPA_IDENTIFIER = /^[A-Za-z0-9/?:().,'+ -]+$/;

/**
 * A SEPA mandate reference (BT-89): 1–35 characters of the SEPA character set, not starting or
 * ending with `/` and without `//` (EPC rules for identifiers); surrounding spaces are removed.
 */
export const mandateReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(35)
  .regex(SEPA_IDENTIFIER, "Use the SEPA character set: letters A–Z, digits and / - ? : ( ) . , ' + space")
  .refine((value) => !value.startsWith("/") && !value.endsWith("/") && !value.includes("//"), "Must not start or end with / nor contain //")
  .describe("Unique per installation (compared regardless of case), e.g. `KONTOR-MUE-2026-01`");

/**
 * Body of `POST /v1/organizations/:id/sepa-mandates` (C8, T7). `debtorIban` is only checked for
 * being text here: its check digits are a business rule answered with 422 naming
 * `body.debtorIban` (`@kontor/invoicing`'s `ibanSchema`).
 */
export const sepaMandateCreateBodySchema = z
  .object({
    mandateReference: mandateReferenceSchema,
    debtorIban: z
      .string()
      .min(1)
      .max(64)
      .describe("The account debited (BT-91); spaces and lower case accepted. Write-only: stored sealed (AES-256-GCM), answered masked"),
    debtorName: z.string().trim().min(1).max(70).describe("The account holder as on the mandate (SEPA: at most 70 characters)"),
    signedOn: z.iso.date().describe("The day the customer signed the mandate; not after today in the customer's zone"),
    preNotificationDays: z
      .int()
      .min(1)
      .max(14)
      .optional()
      .describe("T7: calendar days agreed between pre-notification (the invoice mail) and collection; leave it out when none was agreed (the installation's SEPA policy applies: 14 days shipped)"),
  })
  .strict();

/** Path parameters of one mandate of one organization. */
export const sepaMandateParamsSchema = idParamsSchema.extend({ mandateId: z.string().min(1).max(100) });

/** Body of `POST …/sepa-mandates/:mandateId/revocation`: nothing to send (`{}` or no body). */
export const sepaMandateRevocationBodySchema = z.object({}).strict().optional();

/** A SEPA mandate as the API answers it: the IBAN only masked, never in full (C8, T7). */
export const sepaMandateResponseSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    mandateReference: z.string(),
    debtorName: z.string(),
    debtorIbanMasked: z.string().describe("e.g. `DE89 **** **** **** **30 00`"),
    debtorIbanLast4: z.string(),
    signedOn: z.iso.date(),
    preNotificationDays: z.int().nullable().describe("T7: agreed pre-notification period in calendar days; `null`: none agreed, the SEPA policy in force applies"),
    status: z.enum(["active", "revoked"]),
    revokedAt: instantSchema.nullable(),
    revokedBy: z.string().nullable(),
    createdBy: z.string(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "SepaMandate", description: "C8, T7: a customer's SEPA direct-debit mandate; the debtor IBAN is stored sealed and answered only masked" });
