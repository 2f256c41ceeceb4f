/**
 * `@kontor/licensing`: vendor license rules, quotes, orders, maintenance arithmetic and the
 * monthly rental marketplace (RULES.md L1–L19, M1–M7, P1–P2). Pure functions over immutable
 * data; errors are values with stable codes; no function reads the system clock.
 *
 * @packageDocumentation
 */

// Errors and results
export { LICENSING_ERROR_CODES, type LicensingErrorCode } from "./errors/error-codes.js";
export { licensingError, type ErrorDetails, type FieldPath, type LicensingError } from "./errors/licensing-error.js";
export type { Failure, LicensingResult, Ok } from "./errors/result.js";

// Time (P2)
export { readEvaluationTime, readInstant, type EvaluationTime } from "./time/evaluation-time.js";
export { addDays, daysFromTo } from "./time/day-arithmetic.js";

// Catalog
export { EDITIONS, editionSchema, isSelfManaged, type Edition } from "./catalog/edition.js";
export { BILLING_MODELS, billingModelSchema, type BillingModel } from "./catalog/billing-model.js";
export { userTierSchema, type UserTier, type UserTierInput } from "./catalog/user-tier.js";
export { addOnSchema, type AddOn, type AddOnInput } from "./catalog/add-on.js";
export { productPricingSchema, type ProductPricing } from "./catalog/product-pricing.js";
export { productSchema, type Product, type ProductInput } from "./catalog/product.js";
export { vendorSchema, type Vendor } from "./catalog/vendor.js";
export { catalogSchema, type Catalog, type CatalogInput } from "./catalog/catalog.js";
export { findAddOn, findProduct, findTier, tierForUsers } from "./catalog/catalog-lookup.js";

// Policies (P1)
export { policyInForce, type Versioned } from "./policies/policy-in-force.js";
export { DISCOUNT_ELIGIBILITIES, discountEligibilitySchema, type DiscountEligibility } from "./policies/discount-eligibility.js";
export {
  percentSchema,
  vendorPolicySchema,
  type KeyAccess,
  type ProductLineEnd,
  type VendorPolicy,
  type VendorPolicyInput,
} from "./policies/vendor-policy.js";
export {
  RENTAL_CONSENTS,
  rentalPolicySchema,
  type RentalBillingQuantity,
  type RentalConsent,
  type RentalPolicy,
  type RentalPolicyInput,
} from "./policies/rental-policy.js";
export { fulfilmentPolicySchema, type FulfilmentPolicy, type FulfilmentPolicyInput } from "./policies/fulfilment-policy.js";
export { ATLASSIAN_RESELLER_POLICY } from "./policies/atlassian-reseller-policy.js";
export { MICROSOFT_RENTAL_POLICY } from "./policies/microsoft-rental-policy.js";
export { DEFAULT_FULFILMENT_POLICY } from "./policies/kontor-fulfilment-policy.js";
export {
  DEFAULT_POLICIES,
  fulfilmentPolicyOn,
  loadPolicySet,
  mergePolicySets,
  policySetSchema,
  rentalPolicyOn,
  vendorPolicyOn,
  type PolicySet,
  type PolicySetInput,
} from "./policies/policy-set.js";
export { discountFor, type AppliedDiscount } from "./policies/discount.js";
export {
  resolveContext,
  ruleContextSchema,
  type CatalogRuleContext,
  type ResolvedContext,
  type RuleContext,
} from "./policies/rule-context.js";

// Reseller constraints (L6, L12, L13, L16)
export { licenseActionSchema, type LicenseAction } from "./reseller/license-action.js";
export { checkPurchaseRoute, checkResellerDiscountRequest, purchaseRouteSchema, type PurchaseRoute } from "./reseller/purchase-route.js";
export { checkProductOrderable, productEndDates } from "./reseller/product-availability.js";
export { licenseKeyRecordSchema, readLicenseKey, type LicenseKeyRecord } from "./reseller/license-key-access.js";

// Quotes (L7, L8, L9, L14)
export {
  AUTHORIZED_CONTACT_ROLES,
  authorizedContactSchema,
  billingAddressSchema,
  contactSchema,
  contactWithAddressSchema,
  type BillingAddressInput,
  type ContactInput,
} from "./quotes/contact.js";
export {
  cloudAnnualExistingSiteRequestSchema,
  cloudAnnualNewSiteRequestSchema,
  dataCenterRequestSchema,
  quoteRequestSchema,
  renewalRequestSchema,
  requestedProductSchema,
  upgradeRequestSchema,
  type ParsedQuoteRequest,
  type QuoteKind,
  type QuoteRequest,
} from "./quotes/quote-request.js";
export { missingQuoteItems } from "./quotes/required-items.js";
export { lineAmount, type LineAmount } from "./quotes/line-amount.js";
export type { Quote, QuoteLine } from "./quotes/quote.js";
export { createQuote } from "./quotes/create-quote.js";
export { checkQuoteValid, quoteValidityInputSchema, type QuoteValidityInput } from "./quotes/quote-validity.js";

// Orders (L1–L5, L10, L18)
export {
  confirmationRequirementsSchema,
  licenseOrderInputSchema,
  licenseOrderLineInputSchema,
  orderCustomerSchema,
  orderInputSchema,
  serviceItemInputSchema,
  serviceOrderInputSchema,
  technicalContactInputSchema,
  type LicenseOrderInput,
  type LicenseOrderLineInput,
  type OrderInput,
  type ServiceOrderInput,
} from "./orders/order-input.js";
export {
  LICENSE_ORDER_STATUSES,
  SERVICE_ORDER_STATUSES,
  type Cancellation,
  type ConfirmationRequirements,
  type ContactTask,
  type DeliveredKey,
  type LicenseOrder,
  type LicenseOrderLine,
  type LicenseOrderStatus,
  type ManualReview,
  type Order,
  type OrderCustomer,
  type ReviewReason,
  type ServiceItem,
  type ServiceOrder,
  type ServiceOrderStatus,
  type TechnicalContact,
  type TechnicalContactChange,
  type VendorAccountState,
} from "./orders/order.js";
export { licenseOrderSchema, orderSchema, serviceOrderSchema } from "./orders/order-schema.js";
export type { OrderEvent, OrderEventType } from "./orders/order-event.js";
export { ORDER_COMMAND_TYPES, orderCommandSchema, type OrderCommand, type OrderCommandType } from "./orders/order-command.js";
export {
  LICENSE_ORDER_TRANSITIONS,
  SERVICE_ORDER_TRANSITIONS,
  allowedCommands,
  nextStatuses,
  type Lifecycle,
} from "./orders/order-lifecycle.js";
export type { OrderTransition } from "./orders/order-transition.js";
export { confirmationDocument, type ConfirmationDocument, type ConfirmationItem } from "./orders/confirmation-document.js";
export { deliveryNote, type DeliveryNote, type DeliveryNoteItem } from "./orders/delivery-note.js";
export { keysVisibleToTechnicalContact } from "./orders/key-visibility.js";
export { receiveOrder, type ReceiveOrderContext } from "./orders/receive-order.js";
export { applyOrderCommand, applyOrderCommands, type OrderCommandContext } from "./orders/apply-order-command.js";

// Maintenance and subscriptions (L11, L15, L17, L19)
export { proRata } from "./maintenance/pro-rata.js";
export { termPeriodSchema, type TermPeriod } from "./maintenance/term-period.js";
export {
  maintenanceRenewalInputSchema,
  renewMaintenance,
  type MaintenanceRenewal,
  type MaintenanceRenewalInput,
} from "./maintenance/maintenance-renewal.js";
export { priceTierUpgrade, tierUpgradeInputSchema, type TierUpgrade, type TierUpgradeInput } from "./maintenance/tier-upgrade.js";
export { initialLicenseTerm, initialTermInputSchema, type InitialTerm, type InitialTermInput } from "./maintenance/initial-term.js";
export {
  coTerm,
  coTermInputSchema,
  type CoTermAdjustment,
  type CoTermChange,
  type CoTermInput,
  type CoTermPlan,
} from "./maintenance/co-term.js";
export {
  checkRefund,
  refundRequestSchema,
  type RefundBasis,
  type RefundEligibility,
  type RefundRequest,
  type RefundableLicense,
} from "./maintenance/refund-eligibility.js";
export { REFUND_BASES, checkNotRefunded, licenseRefundSchema, type LicenseRefund } from "./maintenance/license-refund.js";
export {
  licenseRefundInputSchema,
  refundLicense,
  refundableLicenseRecordSchema,
  type LicenseRefundContext,
  type LicenseRefundInput,
  type LicenseRefundTransition,
  type LicenseRefundedEvent,
  type RefundableLicenseRecord,
} from "./maintenance/refund-license.js";

// Monthly rental marketplace (M1–M7)
export type { QuantityChange, RentalAddOn, RentalConsents, RentalStatus, RentalSubscription } from "./rental/rental-subscription.js";
export { rentalSubscriptionSchema } from "./rental/rental-subscription-schema.js";
export type { RentalEvent, RentalTransition } from "./rental/rental-event.js";
export { customerPriceListSchema, type CustomerPriceList } from "./rental/customer-price-list.js";
export {
  customerPricePerUser,
  findRentalProduct,
  rentalPrice,
  rentalPriceInputSchema,
  type RentalPrice,
  type RentalPriceInput,
} from "./rental/rental-price.js";
export { placeRentalOrder, rentalOrderInputSchema, type RentalOrderContext, type RentalOrderInput } from "./rental/place-rental-order.js";
export { RENTAL_TRANSITIONS, checkRentalAction, type RentalAction } from "./rental/rental-lifecycle.js";
export type { RentalCatalogContext, RentalCommandContext } from "./rental/rental-command-context.js";
export { provisionRental } from "./rental/provision-rental.js";
export { changeRentalQuantity, quantityChangeInputSchema, type QuantityChangeInput } from "./rental/change-rental-quantity.js";
export { addOnBookingInputSchema, bookAddOn, type AddOnBookingInput } from "./rental/book-add-on.js";
export { cancelRental } from "./rental/cancel-rental.js";
export type { RentalAddOnEnd } from "./rental/rental-subscription.js";
export { addOnCancellationInputSchema, cancelAddOn, type AddOnCancellationInput } from "./rental/cancel-add-on.js";
export { withdrawRentalCancellation } from "./rental/withdraw-rental-cancellation.js";
export { checkProductNotRented, rentalRunsOn, type RentalOrderTarget } from "./rental/running-rental.js";
export { billableQuantity } from "./rental/billable-quantity.js";
export {
  billingMonthSchema,
  rentalMonthCharge,
  type RentalChargeLine,
  type RentalMonthCharge,
} from "./rental/rental-month-charge.js";
export { myOrdersView, type MyOrdersAddOn, type MyOrdersRow } from "./rental/my-orders-view.js";
