import { z } from "zod";
import { sepaPolicySchema, type SepaPolicy } from "../due-dates/sepa-policy.js";
import { failWith, ok, type Result } from "../errors/terms-error.js";
import { zodErrors } from "../errors/zod-errors.js";
import { latePaymentPolicySchema, type LatePaymentPolicy } from "../late-payment/late-payment-policy.js";
import { paymentTermsPolicySchema, type PaymentTermsPolicy } from "../payment/payment-policy.js";
import { taxPolicySchema, type TaxPolicy } from "../tax/tax-policy.js";
import { usSalesTaxTableSchema, type UsSalesTaxTable } from "../tax/us-sales-tax.js";
import { vatRateTableSchema, type VatRateTable } from "../tax/vat-rate-table.js";
import { DEFAULT_VAT_RATE_TABLES } from "./eu-vat-rates.js";
import { DEFAULT_LATE_PAYMENT_POLICIES } from "./late-payment-policies.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "./payment-terms-policies.js";
import { DEFAULT_SEPA_POLICIES } from "./sepa-policies.js";
import { DEFAULT_TAX_POLICIES } from "./tax-policies.js";

/**
 * A policy history: versions of one policy, each in force from its `effectiveFrom` (P1). Two
 * versions on one day are refused, because the one in force would be ambiguous; `min` is 1 for
 * the rules that need a policy, 0 for tables Kontor ships none of.
 */
function history<S extends z.ZodType<{ readonly effectiveFrom: string }>>(schema: S, min: number) {
  return z
    .array(schema)
    .min(min)
    .superRefine((versions, context) => {
      const seen = new Set<string>();
      versions.forEach((version, index) => {
        if (seen.has(version.effectiveFrom)) {
          context.addIssue({ code: "custom", message: `Two versions take effect on ${version.effectiveFrom}`, path: [index, "effectiveFrom"] });
        }
        seen.add(version.effectiveFrom);
      });
    });
}

/**
 * zod schema of a {@link TermsPolicySet}: every version of every policy this package evaluates
 * (P1), as an installation stores them. Each history replaces the shipped one as a whole.
 */
export const termsPolicySetSchema = z.strictObject({
  /** T1, T2: payment methods, clearing times and net payment terms. */
  paymentTerms: history(paymentTermsPolicySchema, 1),
  /** T7: SEPA pre-notification and the collection calendar. */
  sepa: history(sepaPolicySchema, 1),
  /** T6: late-payment interest and the base-rate table. */
  latePayment: history(latePaymentPolicySchema, 1),
  /** T3: the tax-determining address and treatment rules. */
  tax: history(taxPolicySchema, 1),
  /** T3: EU VAT rates by member state. */
  vatRateTables: history(vatRateTableSchema, 1),
  /** T3: US sales-tax tables of the jurisdictions where the seller collects (none shipped). */
  usSalesTaxTables: history(usSalesTaxTableSchema, 0),
});

/** JSON form of a {@link TermsPolicySet}. */
export type TermsPolicySetInput = z.input<typeof termsPolicySetSchema>;

/**
 * Every policy history of `@kontor/terms` in one value (P1): what an installation loads once and
 * hands to each rule (`{ policies: set.paymentTerms }` to `netDueDate`, `{ taxPolicies:
 * set.tax, vatRateTables: set.vatRateTables, usSalesTaxTables: set.usSalesTaxTables }` to
 * `determineTax`, and so on).
 */
export interface TermsPolicySet {
  readonly paymentTerms: readonly PaymentTermsPolicy[];
  readonly sepa: readonly SepaPolicy[];
  readonly latePayment: readonly LatePaymentPolicy[];
  readonly tax: readonly TaxPolicy[];
  readonly vatRateTables: readonly VatRateTable[];
  readonly usSalesTaxTables: readonly UsSalesTaxTable[];
}

/** The shipped defaults of RULES.md T1–T7 (no US sales-tax tables). */
export const DEFAULT_TERMS_POLICY_SET: TermsPolicySet = Object.freeze({
  paymentTerms: DEFAULT_PAYMENT_TERMS_POLICIES,
  sepa: DEFAULT_SEPA_POLICIES,
  latePayment: DEFAULT_LATE_PAYMENT_POLICIES,
  tax: DEFAULT_TAX_POLICIES,
  vatRateTables: DEFAULT_VAT_RATE_TABLES,
  usSalesTaxTables: Object.freeze([]),
});

/** Reads a user's terms policy set from parsed JSON (P1: policies load without code changes); `POLICY_INVALID` errors name the path. */
export function loadTermsPolicySet(json: unknown): Result<TermsPolicySet> {
  const parsed = termsPolicySetSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : failWith(zodErrors(parsed.error, "POLICY_INVALID"));
}
