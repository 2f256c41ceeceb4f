/**
 * `@kontor/contingent`: contracts (C1), time entries (C5, C6), the prepaid-hour ledger of a
 * contingent (C2, C3, C7), month close with statements, service reports, correction invoices and
 * account-manager flags (C4, C8), and pay-per-use metering (C9). Pure functions over plain data;
 * hours are integer minutes, amounts exact decimals in `@kontor/money`'s JSON form.
 *
 * @packageDocumentation
 */
export {
  fail,
  failAll,
  ok,
  type ContingentErrorCode,
  type ContingentIssue,
  type IssuePath,
  type Result,
} from "./errors/contingent-issue.js";
export { monthKeySchema, monthOf, nextMonth, previousMonth, firstDayOf, lastDayOf, type MonthKey } from "./time/month-key.js";
export { minutesToHours } from "./hours.js";

export { policyInForce, type Versioned } from "./policies/policy-in-force.js";
export {
  timeBillingPolicySchema,
  type TimeBillingPolicy,
  type TimeBillingPolicyInput,
} from "./policies/time-billing-policy.js";
export { contingentPolicySchema, type ContingentPolicy, type ContingentPolicyInput } from "./policies/contingent-policy.js";
export { DEFAULT_CONTINGENT_POLICY, DEFAULT_TIME_BILLING_POLICY } from "./policies/default-policies.js";
export {
  DEFAULT_POLICY_SET,
  parsePolicySet,
  policySetSchema,
  type PolicySet,
  type PolicySetInput,
} from "./policies/policy-set.js";

export { priceSchema } from "./contracts/amount.js";
export {
  cooperationTermsSchema,
  responseTimeSchema,
  travelPricingSchema,
  workTypeRateSchema,
  type CooperationTerms,
  type CooperationTermsInput,
  type ResponseTime,
  type ResponseTimeInput,
  type TravelPricing,
  type TravelPricingInput,
  type WorkTypeRate,
  type WorkTypeRateInput,
} from "./contracts/cooperation-terms.js";
export {
  CONTRACT_KINDS,
  checklistItemSchema,
  contingentTermsSchema,
  contractInputSchema,
  type ChecklistItem,
  type ChecklistItemInput,
  type ContingentTerms,
  type ContingentTermsInput,
  type Contract,
  type ContractInput,
  type ContractKind,
  type ContractOf,
} from "./contracts/contract.js";
export { parseContract } from "./contracts/parse-contract.js";
export { contractEndInputSchema, setContractEnd, type ContractEndInput } from "./contracts/contract-end.js";
export { maintenanceTicketsDue, type MaintenanceTicketDue } from "./contracts/maintenance-checks.js";

export {
  timeEntryInputSchema,
  travelInputSchema,
  type TimeEntry,
  type TimeEntryCancellation,
  type TimeEntryInput,
  type ValidTimeEntry,
} from "./entries/time-entry.js";
export { billedMinutes, type BilledMinutesInput } from "./entries/billed-minutes.js";

export {
  adjustmentPostingSchema,
  creditPostingSchema,
  debitPostingSchema,
  isWorkAdjustment,
  ledgerPostingSchema,
  signedMinutes,
  type AdjustmentPosting,
  type CreditPosting,
  type DebitPosting,
  type LedgerPosting,
} from "./ledger/ledger-posting.js";
export {
  contractAccountSchema,
  openAccount,
  type ContractAccount,
  type ContractAccountInput,
} from "./ledger/contract-account.js";
export type { CommandContext } from "./ledger/command-context.js";
export { postMonthlyCredits } from "./ledger/monthly-credits.js";
export {
  recordTimeEntries,
  recordTimeEntry,
  type RecordTimeEntriesResult,
  type RecordTimeEntryResult,
} from "./ledger/record-time-entries.js";
export {
  cancelTimeEntry,
  timeEntryCancellationSchema,
  type CancelTimeEntryResult,
  type TimeEntryCancellationInput,
} from "./ledger/cancel-time-entry.js";
export {
  adjustBalance,
  adjustmentInputSchema,
  type AdjustBalanceResult,
  type AdjustmentInput,
} from "./ledger/adjust-balance.js";
export { statementAsOf, type BalanceStatement } from "./ledger/statement-as-of.js";
export {
  MAX_CONSUMPTION_MONTHS,
  consumptionRange,
  consumptionRangeSchema,
  consumptionSeries,
  type ConsumptionPoint,
  type ConsumptionRange,
  type ConsumptionRangeInput,
  type ConsumptionSeries,
} from "./ledger/consumption-series.js";

export {
  closeMonth,
  closeMonthCommandSchema,
  type CloseMonthCommand,
  type CloseMonthResult,
} from "./close/close-month.js";
export type { ClosedMonth, MonthInvoice, MonthStatement, ThresholdWarning } from "./close/closed-month.js";
export { decideCorrection, type CorrectionDecision } from "./close/correction.js";
export { serviceReportId, type ServiceReport, type ServiceReportTotals } from "./close/service-report.js";

export {
  INVOICE_LINE_KINDS,
  INVOICE_LINE_UNITS,
  invoiceLineSchema,
  type InvoiceLine,
  type InvoicePresentation,
} from "./billing/invoice-line.js";

export { METERS, METER_NAMES, meterSchema, type Meter } from "./usage/meter.js";
export { priceListVersionSchema, type PriceListVersion, type PriceListVersionInput } from "./usage/price-list.js";
export { usageRecordInputSchema, type UsageRecord, type UsageRecordInput } from "./usage/usage-record.js";

export type {
  AccountManagerFlagRaised,
  BalanceAdjusted,
  BalanceExhausted,
  BilledSeparately,
  ContingentEvent,
  CorrectionInvoiceDue,
  CorrectionTrigger,
  InvoiceDue,
  MonthClosed,
  ServiceReportReady,
  ThresholdReached,
  TimeEntryCancelled,
  TimeEntryRecorded,
} from "./events.js";
