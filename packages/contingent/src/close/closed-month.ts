import type { CurrencyCode, MoneyJson } from "@kontor/money";
import type { InvoiceLine, InvoicePresentation } from "../billing/invoice-line.js";
import type { ContractKind } from "../contracts/contract.js";
import type { CorrectionTrigger } from "../events.js";
import type { LedgerPosting } from "../ledger/ledger-posting.js";
import type { MonthKey } from "../time/month-key.js";
import type { ServiceReport } from "./service-report.js";

/**
 * The closed hour statement of a contingent month (C2, C3, C4, C7), in minutes:
 * `closing = opening + credit − debit + adjustment`, where `adjustment` includes back-dated
 * entries, manual adjustments and the correction credit.
 */
export interface MonthStatement {
  readonly month: MonthKey;
  readonly openingMinutes: number;
  readonly creditMinutes: number;
  /** Debits of billable entries worked in the month (positive). */
  readonly debitMinutes: number;
  /** Signed sum of the month's adjustments, the correction credit included. */
  readonly adjustmentMinutes: number;
  /** C4: the deficit credited back after it was billed; 0 without correction. */
  readonly correctionMinutes: number;
  /** The balance before the correction (negative when overbooked). */
  readonly closingBeforeCorrectionMinutes: number;
  /** The balance carried into the next month (C2: a positive rest is never lost). */
  readonly closingMinutes: number;
  /** Debits plus back-dated entries: the work charged to this month. */
  readonly chargedMinutes: number;
  /** Consecutive negative month ends including this one (before a correction resets it). */
  readonly negativeMonthEnds: number;
  readonly correctionTrigger: CorrectionTrigger | null;
  /** Every posting dated in the month, in recording order. */
  readonly postings: readonly LedgerPosting[];
}

/** A warning threshold of the month's credit that the charged minutes reached (C4). */
export interface ThresholdWarning {
  readonly thresholdPercent: number;
  readonly usedMinutes: number;
  readonly creditMinutes: number;
}

/** The invoice data of a closed month; `@kontor/invoicing` adds numbering and VAT. */
export interface MonthInvoice {
  readonly presentation: InvoicePresentation;
  readonly serviceReportId: string;
  readonly lines: readonly InvoiceLine[];
  /** Sum of the lines' rounded nets. */
  readonly net: MoneyJson;
}

/**
 * Everything a month close produced (C2–C9). Plain JSON data: the same inputs give a
 * byte-identical `JSON.stringify`. A closed month never changes.
 */
export interface ClosedMonth {
  readonly contractId: string;
  readonly customerId: string;
  readonly contractKind: ContractKind;
  readonly month: MonthKey;
  readonly zone: string;
  readonly currency: CurrencyCode;
  /** The `asOf` of the close, UTC ISO. */
  readonly closedAt: string;
  /** Contingents only; `null` for other kinds. */
  readonly statement: MonthStatement | null;
  readonly serviceReport: ServiceReport;
  readonly invoice: MonthInvoice;
  /** C4 flags for the account manager. */
  readonly flags: { readonly overbooked: boolean; readonly oversized: boolean };
  readonly warnings: readonly ThresholdWarning[];
}
