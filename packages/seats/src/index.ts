/**
 * `@kontor/seats`: purchase-order windows and seat-deficit resolution (RULES.md S1–S10).
 *
 * @packageDocumentation
 */
export {
  type SeatError,
  type SeatErrorCode,
  type SeatErrorPath,
  type SeatResult,
} from "./seat-error.js";
export {
  type Instant,
  instantSchema,
  instantStringSchema,
  parseInstantMs,
} from "./time/instant.js";
export { DEFAULT_ZONE, zoneSchema } from "./time/zone.js";
export { purchaseOrderDayEnd } from "./time/window-day-end.js";
export {
  type PurchaseOrderWindowPolicy,
  purchaseOrderWindowPoliciesSchema,
  purchaseOrderWindowPolicySchema,
} from "./policies/purchase-order-window-policy.js";
export {
  DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES,
  DEFAULT_PURCHASE_ORDER_WINDOW_POLICY,
} from "./policies/default-policies.js";
export { policyInForce } from "./policies/policy-in-force.js";
export {
  type LicensesBoughtEvent,
  type LicensesRenewedEvent,
  type PurchaseOrderLine,
  type PurchaseOrderPaidEvent,
  type PurchaseOrderPlacedEvent,
  type RenewalPeriodOpenedEvent,
  type SeatEvent,
  type SeatHistory,
  type UserAssignedEvent,
  type UserUnassignedEvent,
  identifierSchema,
  licensesBoughtEventSchema,
  licensesRenewedEventSchema,
  purchaseOrderLineSchema,
  purchaseOrderLinesSchema,
  purchaseOrderPaidEventSchema,
  purchaseOrderPlacedEventSchema,
  renewalPeriodOpenedEventSchema,
  seatEventSchema,
  seatHistorySchema,
  userAssignedEventSchema,
  userUnassignedEventSchema,
} from "./history/seat-event.js";
export { parseSeatHistory } from "./history/parse-history.js";
export {
  type EvaluateSeatsOptions,
  evaluateSeats,
  evaluateSeatsOptionsSchema,
} from "./evaluation/evaluate-seats.js";
export type {
  MustBePaidUser,
  NoAccessUser,
  ProductSeats,
  PurchaseOrderState,
  PurchaseOrderStatus,
  SeatEvaluation,
  SeatFlags,
  SeatUser,
} from "./evaluation/seat-evaluation.js";
export type {
  LicensesSuspendedNotice,
  PaymentRequiredNotice,
  SeatNotice,
  SettlementDoneNotice,
} from "./notices/seat-notice.js";
export {
  type NoticeText,
  PAYMENT_REQUIRED_ACTIONS,
  PAYMENT_REQUIRED_TITLE,
  noticeTextDe,
} from "./notices/notice-text-de.js";
export type {
  AccessGrantedMail,
  AccessLossReason,
  AccessRestoredMail,
  AccessWithdrawnMail,
  LicensesSuspendedMail,
  MailRecipient,
  PaymentReminderMail,
  PurchaseOrderMailLine,
  SeatMail,
} from "./mails/seat-mail.js";
export { csvField, toCsv } from "./csv/csv.js";
export {
  MUST_BE_PAID_CSV_HEADER,
  NO_ACCESS_CSV_HEADER,
  mustBePaidCsv,
  noAccessCsv,
} from "./csv/seat-lists-csv.js";
export type { SeatCommandOptions } from "./commands/command-options.js";
export type { SeatCommandEffect, SeatCommandOutcome } from "./commands/seat-command-outcome.js";
export {
  type PlacePurchaseOrderInput,
  placePurchaseOrder,
  placePurchaseOrderInputSchema,
} from "./commands/place-purchase-order.js";
export {
  type PayPurchaseOrderInput,
  payPurchaseOrder,
  payPurchaseOrderInputSchema,
} from "./commands/pay-purchase-order.js";
export { type AssignUserInput, assignUser, assignUserInputSchema } from "./commands/assign-user.js";
export {
  type UnassignUserInput,
  unassignUser,
  unassignUserInputSchema,
} from "./commands/unassign-user.js";
export {
  type LicenseQuantityInput,
  buyLicenses,
  licenseQuantityInputSchema,
} from "./commands/buy-licenses.js";
export {
  type OpenRenewalPeriodInput,
  openRenewalPeriod,
  openRenewalPeriodInputSchema,
} from "./commands/open-renewal-period.js";
export { renewLicenses } from "./commands/renew-licenses.js";
