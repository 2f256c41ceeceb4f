import type { MoneyJson } from "@kontor/money";
import type { InvoicePresentation } from "./billing/invoice-line.js";
import type { MonthKey } from "./time/month-key.js";

/** A time entry was recorded; `backDated` when its work month was already closed. */
export interface TimeEntryRecorded {
  readonly type: "time-entry-recorded";
  readonly contractId: string;
  readonly entryId: string;
  readonly bookingMonth: MonthKey;
  readonly billedMinutes: number;
  readonly backDated: boolean;
}

/** A time entry was cancelled (C6): it is never reported or billed; a contingent gets its billed minutes back. */
export interface TimeEntryCancelled {
  readonly type: "time-entry-cancelled";
  readonly contractId: string;
  readonly entryId: string;
  readonly bookingMonth: MonthKey;
  readonly billedMinutes: number;
  readonly reason: string;
}

/** The month's charged minutes reached a warning threshold of its credit (C4, default 80 % and 100 %). */
export interface ThresholdReached {
  readonly type: "threshold-reached";
  readonly contractId: string;
  readonly month: MonthKey;
  readonly thresholdPercent: number;
  readonly usedMinutes: number;
  readonly creditMinutes: number;
}

/** A billable entry took the contingent balance below zero (C3); the account manager is told. */
export interface BalanceExhausted {
  readonly type: "balance-exhausted";
  readonly contractId: string;
  readonly entryId: string;
  readonly balanceMinutes: number;
  readonly overdraftAllowed: boolean;
}

/** An account manager booked a manual adjustment (C7). */
export interface BalanceAdjusted {
  readonly type: "balance-adjusted";
  readonly contractId: string;
  readonly postingId: string;
  readonly minutes: number;
}

/** C8: the service report is to be e-mailed — always before the invoice that cites its ID. */
export interface ServiceReportReady {
  readonly type: "service-report-ready";
  readonly contractId: string;
  readonly customerId: string;
  readonly month: MonthKey;
  readonly serviceReportId: string;
}

/** Invoice lines are due; `@kontor/invoicing` turns them into an invoice. */
export interface InvoiceDue {
  readonly type: "invoice-due";
  readonly contractId: string;
  readonly customerId: string;
  readonly month: MonthKey;
  readonly serviceReportId: string;
  readonly presentation: InvoicePresentation;
  readonly lineCount: number;
  readonly net: MoneyJson;
}

/** C4: the deficit was billed by a correction invoice line and credited back. */
export interface CorrectionInvoiceDue {
  readonly type: "correction-invoice-due";
  readonly contractId: string;
  readonly month: MonthKey;
  readonly deficitMinutes: number;
  readonly trigger: CorrectionTrigger;
}

/** Why a correction was billed (C3, C4; `contract-end`: C1, the last month of the term settles any deficit). */
export type CorrectionTrigger = "consecutive-negative-month-ends" | "deficit-below-limit" | "overdraft-not-allowed" | "contract-end";

/** C4: a flag for the account manager: overbooked (negative month end) or oversized (balance too large). */
export interface AccountManagerFlagRaised {
  readonly type: "account-manager-flag";
  readonly contractId: string;
  readonly month: MonthKey;
  readonly flag: "overbooked" | "oversized";
  readonly balanceMinutes: number;
}

/** C8: rental and hosting customers are billed separately by direct debit; no invoice lines here. */
export interface BilledSeparately {
  readonly type: "billed-separately";
  readonly contractId: string;
  readonly month: MonthKey;
  readonly method: "direct-debit";
}

/** A month was closed; its record never changes again. */
export interface MonthClosed {
  readonly type: "month-closed";
  readonly contractId: string;
  readonly month: MonthKey;
  /** Contingents: the closing balance in minutes; `null` for other kinds. */
  readonly closingMinutes: number | null;
}

/** Every event this package emits, for the apps to persist and deliver (outbox). */
export type ContingentEvent =
  | TimeEntryRecorded
  | TimeEntryCancelled
  | ThresholdReached
  | BalanceExhausted
  | BalanceAdjusted
  | ServiceReportReady
  | InvoiceDue
  | CorrectionInvoiceDue
  | AccountManagerFlagRaised
  | BilledSeparately
  | MonthClosed;
