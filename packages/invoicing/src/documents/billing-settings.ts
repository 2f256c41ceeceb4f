import { z } from "zod";
import { sepaCreditorIdSchema } from "../banking/sepa-creditor-id.js";
import { sellerSchema, type SellerInput } from "./party.js";
import { sepaCreditTransferSchema, type SepaCreditTransferInput } from "./payment.js";

/**
 * zod schema of an installation's billing settings: who issues its documents, how customers
 * pay and after how many days. Strict, so a misspelt key is refused instead of ignored. The
 * IBAN is checked for its country's length and check digits (`ibanSchema`).
 *
 * Parse to check; keep the input form (see {@link BillingSettings}): the document schemas
 * compose from it and normalize it themselves.
 */
export const billingSettingsSchema = z
  .object({
    /** The installation's company: seller on invoices, issuer of delivery notes and service reports (C8). */
    seller: sellerSchema,
    /**
     * How invoices are paid (EN 16931 BG-16): by credit transfer to the installation's account.
     * A direct debit names one customer's account and mandate, so it cannot be a setting for
     * every invoice.
     */
    paymentMeans: sepaCreditTransferSchema,
    /** Days after the issue date until an invoice is due (T1 "net 30"). */
    netDays: z.number().int().min(0).max(365),
    /**
     * The installation's SEPA creditor identifier (BT-90, e.g. `DE98ZZZ09999999999`, check
     * digits verified): needed to collect by direct debit under customers' mandates (C8, T7).
     * Absent: the installation collects nothing and every invoice is paid by credit transfer.
     */
    sepaCreditorId: sepaCreditorIdSchema.optional(),
    /**
     * Who releases a closed month's services for billing (K1, C8). `automatic` (the default
     * when absent): the service report is mailed and the invoice issued at month close.
     * `back-office`: the report is stored but held; the back office checks the month's services
     * and releases it, and only then are report and invoice sent, report first.
     */
    billingRelease: z.enum(["automatic", "back-office"]).optional(),
  })
  .strict();

/**
 * An installation's billing settings in their input form (as written in a settings file, sent
 * to the API or stored): the seller on every invoice, delivery note and service report (C8),
 * the payment means and the net days (T1), the creditor ID for direct debits (C8, T7) and who
 * releases a month's services for billing (K1, C8). Check
 * with {@link billingSettingsSchema}.
 */
export interface BillingSettings {
  /** The installation's company: seller on invoices and issuer of service reports (C8). */
  readonly seller: SellerInput;
  /** How invoices are paid (EN 16931 BG-16): credit transfer to the installation's account. */
  readonly paymentMeans: SepaCreditTransferInput;
  /** Days after the issue date until an invoice is due (T1 "net 30"), 0–365. */
  readonly netDays: number;
  /**
   * The installation's SEPA creditor identifier (BT-90, e.g. `DE98ZZZ09999999999`): with it,
   * rental and hosting months are collected by direct debit under the customer's mandate (C8,
   * T7); without it they are billed by credit transfer like every other invoice.
   */
  readonly sepaCreditorId?: string | undefined;
  /**
   * Who releases a closed month's services for billing (K1 "back office (billing release)",
   * C8). `automatic`, or absent: the service report is mailed and the invoice issued at month
   * close, without anyone checking. `back-office`: the report is stored but held until the back
   * office has checked the month's services and released it; then the report is mailed and the
   * invoice issued, the report first.
   */
  readonly billingRelease?: "automatic" | "back-office" | undefined;
}

