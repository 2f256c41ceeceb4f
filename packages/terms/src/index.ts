/**
 * `@kontor/terms`: payment methods, settlement estimates, due dates, late-payment interest, VAT
 * and sales tax, VAT IDs and invoice tax totals (RULES.md T1–T7). Every decision returns its
 * reason and the versions of the policies it used; every error is a value with a stable code.
 *
 * @packageDocumentation
 */

// Results, errors, policies
export { type Result, type TermsError, type TermsErrorCode, type TermsErrorPath } from "./errors/terms-error.js";
export { type Decision, type TermsRule } from "./policy/decision.js";
export { policyHeaderSchema, type PolicyHeader, type PolicyRef } from "./policy/policy-ref.js";
export { inForce, loadPolicyHistory, type Dated } from "./policy/policy-history.js";
export { dateInputSchema, localDate, type DateInput } from "./dates/date-input.js";
export { convertMoney, exchangeRatesSchema, type ExchangeRates } from "./exchange/exchange-rates.js";

// Shipped default policies and loaders for user policies (P1)
export { DEFAULT_PAYMENT_TERMS_POLICIES } from "./policies/payment-terms-policies.js";
export { DEFAULT_SEPA_POLICIES } from "./policies/sepa-policies.js";
export { DEFAULT_LATE_PAYMENT_POLICIES } from "./policies/late-payment-policies.js";
export { DEFAULT_TAX_POLICIES } from "./policies/tax-policies.js";
export { DEFAULT_VAT_RATE_TABLES } from "./policies/eu-vat-rates.js";
export {
  loadLatePaymentPolicies,
  loadPaymentTermsPolicies,
  loadSepaPolicies,
  loadTaxPolicies,
  loadUsSalesTaxTables,
  loadVatRateTables,
} from "./policies/load-policies.js";
export {
  DEFAULT_TERMS_POLICY_SET,
  loadTermsPolicySet,
  termsPolicySetSchema,
  type TermsPolicySet,
  type TermsPolicySetInput,
} from "./policies/terms-policy-set.js";

// T1, T2: payment methods and settlement
export {
  BILLING_MODELS,
  BUYER_ROLES,
  PAYMENT_METHODS,
  billingModelSchema,
  buyerRoleSchema,
  paymentMethodSchema,
  type BillingModel,
  type BuyerRole,
  type PaymentMethod,
} from "./payment/payment-method.js";
export {
  clearingSchema,
  paymentMethodRuleSchema,
  paymentTermsPolicySchema,
  type Clearing,
  type PaymentMethodRule,
  type PaymentTermsPolicy,
} from "./payment/payment-policy.js";
export {
  paymentEligibilityInputSchema,
  paymentMethodEligibility,
  paymentOrderSchema,
  type PaymentEligibility,
  type PaymentEligibilityInput,
  type PaymentMethodOffer,
  type PaymentMethodRefusal,
  type PaymentOrder,
  type PaymentPolicyOptions,
  type PaymentRefusalCode,
} from "./payment/payment-eligibility.js";
export { estimateSettlement, settlementInputSchema, type SettlementEstimate, type SettlementInput } from "./payment/settlement-estimate.js";

// Due dates (T1 net terms with §193 BGB) and SEPA pre-notification (T7)
export { netDueDate, netDueDateInputSchema, type NetDueDate, type NetDueDateInput } from "./due-dates/net-due-date.js";
export { sepaPolicySchema, type SepaPolicy } from "./due-dates/sepa-policy.js";
export {
  earliestSepaCollection,
  sepaCollectionInputSchema,
  sepaPreNotificationDeadline,
  sepaPreNotificationInputSchema,
  type SepaCollectionInput,
  type SepaOptions,
  type SepaPreNotificationInput,
  type SepaSchedule,
} from "./due-dates/sepa-pre-notification.js";

// T6: late-payment interest
export { baseRateSchema, latePaymentPolicySchema, type BaseRate, type LatePaymentPolicy } from "./late-payment/late-payment-policy.js";
export {
  latePaymentInterest,
  latePaymentInterestInputSchema,
  type InterestPeriod,
  type LatePaymentInterest,
  type LatePaymentInterestInput,
  type LatePaymentOptions,
} from "./late-payment/late-payment-interest.js";

// T3, T4: tax determination and VAT IDs
export {
  EU_MEMBER_STATES,
  countryCodeSchema,
  euMemberStateSchema,
  isEuMemberState,
  vatPrefixOf,
  type EuMemberState,
} from "./tax/eu-member-states.js";
export { VAT_CATEGORY_CODES, categoryHasRate, vatCategoryCodeSchema, type VatCategoryCode } from "./tax/vat-category.js";
export { ratePercentSchema, vatRateTableSchema, vatRatesEntrySchema, type VatRateTable, type VatRatesEntry } from "./tax/vat-rate-table.js";
export { TAX_ADDRESS_ROLES, taxPolicySchema, type TaxAddressRole, type TaxPolicy } from "./tax/tax-policy.js";
export {
  findUsJurisdiction,
  usSalesTaxJurisdictionSchema,
  usSalesTaxTableSchema,
  type UsSalesTaxJurisdiction,
  type UsSalesTaxTable,
} from "./tax/us-sales-tax.js";
export {
  determineTax,
  supplyKindSchema,
  taxAddressSchema,
  taxInputSchema,
  type SupplyKind,
  type TaxAddress,
  type TaxDetermination,
  type TaxInput,
  type TaxOptions,
  type TaxTreatment,
} from "./tax/determine-tax.js";
export { VAT_ID_FORMATS, type VatIdCountry, type VatIdFormat } from "./vat-id/vat-id-formats.js";
export { normalizeVatId, validateVatId, vatIdInputSchema, type VatId } from "./vat-id/validate-vat-id.js";

// T5: invoice totals
export {
  documentAdjustmentSchema,
  invoiceLineSchema,
  invoiceTotals,
  invoiceTotalsInputSchema,
  vatBreakdownKey,
  type DocumentAdjustment,
  type InvoiceLine,
  type InvoiceTotals,
  type InvoiceTotalsInput,
  type VatBreakdownEntry,
} from "./invoice/invoice-totals.js";
