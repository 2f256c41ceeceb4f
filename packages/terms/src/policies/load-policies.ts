import { sepaPolicySchema, type SepaPolicy } from "../due-dates/sepa-policy.js";
import type { Result } from "../errors/terms-error.js";
import { latePaymentPolicySchema, type LatePaymentPolicy } from "../late-payment/late-payment-policy.js";
import { paymentTermsPolicySchema, type PaymentTermsPolicy } from "../payment/payment-policy.js";
import { loadPolicyHistory } from "../policy/policy-history.js";
import { taxPolicySchema, type TaxPolicy } from "../tax/tax-policy.js";
import { usSalesTaxTableSchema, type UsSalesTaxTable } from "../tax/us-sales-tax.js";
import { vatRateTableSchema, type VatRateTable } from "../tax/vat-rate-table.js";

// Loaders for user-supplied policy histories (RULES.md P1): parsed JSON in, validated and
// sorted policy values out, or POLICY_INVALID errors with the offending path.

/** Reads a payment-terms policy history (T1, T2) from parsed JSON. */
export const loadPaymentTermsPolicies = (json: unknown): Result<PaymentTermsPolicy[]> => loadPolicyHistory(paymentTermsPolicySchema, json);

/** Reads a late-payment policy history (T6) from parsed JSON, for example a newer base-rate table. */
export const loadLatePaymentPolicies = (json: unknown): Result<LatePaymentPolicy[]> => loadPolicyHistory(latePaymentPolicySchema, json);

/** Reads a SEPA direct-debit policy history (T7) from parsed JSON. */
export const loadSepaPolicies = (json: unknown): Result<SepaPolicy[]> => loadPolicyHistory(sepaPolicySchema, json);

/** Reads a tax policy history (T3) from parsed JSON. */
export const loadTaxPolicies = (json: unknown): Result<TaxPolicy[]> => loadPolicyHistory(taxPolicySchema, json);

/** Reads EU VAT rate tables (T3) from parsed JSON. */
export const loadVatRateTables = (json: unknown): Result<VatRateTable[]> => loadPolicyHistory(vatRateTableSchema, json);

/** Reads US sales-tax tables (T3) from parsed JSON. */
export const loadUsSalesTaxTables = (json: unknown): Result<UsSalesTaxTable[]> => loadPolicyHistory(usSalesTaxTableSchema, json);
