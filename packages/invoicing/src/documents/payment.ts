import { z } from "zod";
import { bicSchema } from "../banking/bic.js";
import { ibanSchema } from "../banking/iban.js";
import { sepaCreditorIdSchema } from "../banking/sepa-creditor-id.js";
import { isoDateSchema } from "./iso-date.js";

/**
 * zod schema of the payment terms of an invoice. The due date is computed by `@kontor/terms`
 * (T1 net days, moved to the next business day under §193 BGB) unless one is given.
 */
export const paymentTermsSchema = z
  .object({
    /** Days after the issue date; default 30 (T1 "net 30"). */
    netDays: z.number().int().min(0).max(366).default(30),
    /**
     * Holiday calendar of the place of performance for §193 BGB, a `@kontor/calendar` ID such
     * as `"DE"` or `"DE-NW"`; default `"DE"`.
     */
    calendar: z.string().min(2).max(20).default("DE"),
    /**
     * `true` when `netDays` are not agreed but the on-invoice net days of the payment-terms
     * policy in force on the issue date (T1, P1). `composeInvoice` sets it when the input leaves
     * the net days (and the due date) open and `paymentTermsPolicies` are passed. Composing with
     * `paymentTermsPolicies` takes the net days from the version in force on the issue date again
     * (so re-dating a draft, `redateInvoice`, follows the policy of the new day); without the
     * option the recorded `netDays` apply, so the same source gives the same document.
     */
    netDaysFromPolicy: z.boolean().optional(),
    /** An agreed due date that overrides the net days (BT-9). */
    dueDate: isoDateSchema.optional(),
    /** Payment terms text (BT-20); default "Zahlbar ohne Abzug bis <due date>." */
    description: z.string().min(1).max(500).optional(),
  })
  .strict();

/** Payment terms as given. */
export type PaymentTermsInput = z.input<typeof paymentTermsSchema>;
/** Payment terms after validation. */
export type PaymentTerms = z.output<typeof paymentTermsSchema>;

/** zod schema of a SEPA credit transfer to the seller's account (EN 16931 code 58). */
export const sepaCreditTransferSchema = z
  .object({
    kind: z.literal("sepa-credit-transfer"),
    /** Seller's IBAN (BT-84). */
    iban: ibanSchema,
    /** Seller's account name (BT-85). */
    accountName: z.string().min(1).max(200).optional(),
    /** Seller's BIC (BT-86). */
    bic: bicSchema.optional(),
  })
  .strict();

/** zod schema of a SEPA direct debit from one buyer's account under their mandate (EN 16931 code 59). */
export const sepaDirectDebitSchema = z
  .object({
    kind: z.literal("sepa-direct-debit"),
    /** Mandate reference (BT-89). */
    mandateReference: z.string().min(1).max(35),
    /** Seller's SEPA creditor identifier (BT-90). */
    creditorId: sepaCreditorIdSchema,
    /** Buyer's IBAN that is debited (BT-91). */
    debtorIban: ibanSchema,
  })
  .strict();

/**
 * zod schema of how the invoice is paid (EN 16931 BG-16; mandatory in XRechnung, BR-DE-1):
 * SEPA credit transfer to the seller's account (code 58) or SEPA direct debit from the buyer's
 * account (code 59, rental and hosting customers, C8).
 */
export const paymentMeansSchema = z.discriminatedUnion("kind", [sepaCreditTransferSchema, sepaDirectDebitSchema]);

/** A SEPA credit transfer, as given. */
export type SepaCreditTransferInput = z.input<typeof sepaCreditTransferSchema>;

/** How the invoice is paid. */
export type PaymentMeans = z.output<typeof paymentMeansSchema>;
/** How the invoice is paid, as given. */
export type PaymentMeansInput = z.input<typeof paymentMeansSchema>;
