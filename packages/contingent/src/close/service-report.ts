import type { TimeEntry } from "../entries/time-entry.js";
import type { MonthKey } from "../time/month-key.js";

/**
 * The service report of a month (C8): every entry booked into it, billable or not, ordered by
 * work date (entries of one day in recording order). Non-billable entries appear as work performed with their justification (C5);
 * back-dated entries (work month ≠ `month`) appear in the month that carries them.
 */
export interface ServiceReport {
  /** Printed on the invoice instead of the details (C8). */
  readonly id: string;
  readonly contractId: string;
  readonly customerId: string;
  readonly month: MonthKey;
  readonly entries: readonly TimeEntry[];
  readonly totals: ServiceReportTotals;
}

/** Sums of a service report, in minutes. */
export interface ServiceReportTotals {
  readonly entries: number;
  readonly rawMinutes: number;
  readonly billedMinutes: number;
  readonly billableRawMinutes: number;
  readonly nonBillableRawMinutes: number;
}

/** The service-report ID of a contract's month: `SR-<contract>-<YYYY-MM>`. */
export function serviceReportId(contractId: string, month: MonthKey): string {
  return `SR-${contractId}-${month}`;
}

function byWorkDate(a: TimeEntry, b: TimeEntry): number {
  return a.workDate < b.workDate ? -1 : a.workDate > b.workDate ? 1 : 0;
}

/**
 * Builds the report; `entries` (in recording order, the caller's own array) is sorted in place
 * by work date. The sort is stable, so entries of one day keep their recording order.
 */
export function buildServiceReport(
  contractId: string,
  customerId: string,
  month: MonthKey,
  entries: TimeEntry[],
): ServiceReport {
  let sorted = true;
  let rawMinutes = 0;
  let billedMinutes = 0;
  let billableRawMinutes = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry === undefined) continue;
    rawMinutes += entry.rawMinutes;
    billedMinutes += entry.billedMinutes;
    if (entry.billable) billableRawMinutes += entry.rawMinutes;
    const previous = entries[i - 1];
    if (sorted && previous !== undefined && previous.workDate > entry.workDate) sorted = false;
  }
  // Entries usually arrive in work-date order; sort only when they did not.
  if (!sorted) entries.sort(byWorkDate);
  return {
    id: serviceReportId(contractId, month),
    contractId,
    customerId,
    month,
    entries,
    totals: {
      entries: entries.length,
      rawMinutes,
      billedMinutes,
      billableRawMinutes,
      nonBillableRawMinutes: rawMinutes - billableRawMinutes,
    },
  };
}
