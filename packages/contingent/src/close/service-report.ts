import type { TimeEntry } from "../entries/time-entry.js";
import type { MonthKey } from "../time/month-key.js";
import { sortedByWorkDate } from "./work-date-order.js";

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

/** The entries stably sorted by work date: the straightforward way, the reference for the fast path. */
export function sortByWorkDate(entries: TimeEntry[]): TimeEntry[] {
  return entries.sort(byWorkDate);
}

function report(id: string, contractId: string, customerId: string, month: MonthKey, entries: TimeEntry[], raw: number, billed: number, billableRaw: number): ServiceReport {
  return {
    id,
    contractId,
    customerId,
    month,
    entries,
    totals: {
      entries: entries.length,
      rawMinutes: raw,
      billedMinutes: billed,
      billableRawMinutes: billableRaw,
      nonBillableRawMinutes: raw - billableRaw,
    },
  };
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
  id: string = serviceReportId(contractId, month),
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
  if (!sorted) sortByWorkDate(entries);
  return report(id, contractId, customerId, month, entries, rawMinutes, billedMinutes, billableRawMinutes);
}

/** The service report of `month` and the open entries booked into later months. */
export interface MonthEntries {
  readonly serviceReport: ServiceReport;
  /** The report's entries (sorted by work date; a new array). */
  readonly booked: TimeEntry[];
  /** The entries of later months, in recording order. */
  readonly remaining: TimeEntry[];
  /** Whether a booked entry may bill travel (`false`: none is billable with travel, C6). */
  readonly travel: boolean;
}

/**
 * Splits an account's open entries (in recording order) into `month`'s, as its service report
 * with the ID `id`, and the rest; the month's cancelled entries are left out of both. Same result as filtering and {@link buildServiceReport}: when
 * all entries belong to the month (the usual case) one pass sums them, and their order is checked
 * and, if need be, restored by merging runs ({@link sortedByWorkDate}) instead of a full sort.
 */
export function splitMonthEntries(
  contractId: string,
  customerId: string,
  month: MonthKey,
  entries: readonly TimeEntry[],
  id: string = serviceReportId(contractId, month),
): MonthEntries {
  let rawMinutes = 0;
  let billedMinutes = 0;
  let billableRawMinutes = 0;
  let travel = false;
  // How many leading entries are in work-date order: the sort starts looking after them.
  let ascending = entries.length;
  let previous = "";
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as TimeEntry;
    if (entry.bookingMonth !== month || entry.cancelled !== undefined) {
      // Some entries belong to later months or were cancelled (C6: never reported or billed):
      // filter, then build the report the plain way.
      const booked = entries.filter((e) => e.bookingMonth === month && e.cancelled === undefined);
      return {
        serviceReport: buildServiceReport(contractId, customerId, month, booked, id),
        booked,
        remaining: entries.filter((e) => e.bookingMonth !== month),
        travel: true,
      };
    }
    rawMinutes += entry.rawMinutes;
    billedMinutes += entry.billedMinutes;
    if (entry.billable) {
      billableRawMinutes += entry.rawMinutes;
      if (entry.travel !== null) travel = true;
    }
    if (ascending === entries.length) {
      if (entry.workDate < previous) ascending = i;
      previous = entry.workDate;
    }
  }
  const booked = sortedByWorkDate(entries, ascending);
  return {
    serviceReport: report(id, contractId, customerId, month, booked, rawMinutes, billedMinutes, billableRawMinutes),
    booked,
    remaining: [],
    travel,
  };
}
