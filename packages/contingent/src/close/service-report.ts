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

/** The entries stably sorted by work date: the straightforward way, the reference for the fast path. */
export function sortByWorkDate(entries: TimeEntry[]): TimeEntry[] {
  return entries.sort(byWorkDate);
}

const DIGIT_0 = 48;
const DASH = 45;

/**
 * `"YYYY-MM-DD"` as the number YYYYMMDD, or -1 for any other string. For such dates the numbers
 * order exactly like the strings (fixed width, digits only).
 */
function dateKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  const y1 = date.charCodeAt(0) - DIGIT_0;
  const y2 = date.charCodeAt(1) - DIGIT_0;
  const y3 = date.charCodeAt(2) - DIGIT_0;
  const y4 = date.charCodeAt(3) - DIGIT_0;
  const m1 = date.charCodeAt(5) - DIGIT_0;
  const m2 = date.charCodeAt(6) - DIGIT_0;
  const d1 = date.charCodeAt(8) - DIGIT_0;
  const d2 = date.charCodeAt(9) - DIGIT_0;
  // A character outside 0–9 gives a value outside 0–9, which as unsigned is above 9.
  if (
    y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || y4 >>> 0 > 9 ||
    m1 >>> 0 > 9 || m2 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9
  ) {
    return -1;
  }
  return ((((((y1 * 10 + y2) * 10 + y3) * 10 + y4) * 10 + m1) * 10 + m2) * 10 + d1) * 10 + d2;
}

/** Widest key range the counting sort handles (a month and its back-dated neighbours fit). */
const COUNTING_RANGE = 512;
// Scratch space of the counting sort, reused between calls (never visible outside one call).
let keyScratch = new Int32Array(64);
const keyCounts = new Int32Array(COUNTING_RANGE + 1);

/**
 * Sorts `entries` stably by `keys[i] - min` (all in `[0, range)`) in O(n + range): a counting
 * sort. With date keys it orders exactly like {@link sortByWorkDate}: the keys order like the work
 * dates and both sorts are stable.
 */
function countingSort(entries: readonly TimeEntry[], keys: Int32Array, min: number, range: number): TimeEntry[] {
  const n = entries.length;
  keyCounts.fill(0, 0, range + 1);
  for (let i = 0; i < n; i++) {
    const slot = (keys[i] as number) - min + 1;
    keyCounts[slot] = (keyCounts[slot] as number) + 1;
  }
  for (let k = 1; k <= range; k++) keyCounts[k] = (keyCounts[k] as number) + (keyCounts[k - 1] as number);
  const sorted = new Array<TimeEntry>(n);
  for (let i = 0; i < n; i++) {
    const slot = (keys[i] as number) - min;
    const at = keyCounts[slot] as number;
    sorted[at] = entries[i] as TimeEntry;
    keyCounts[slot] = at + 1;
  }
  return sorted;
}

function report(contractId: string, customerId: string, month: MonthKey, entries: TimeEntry[], raw: number, billed: number, billableRaw: number): ServiceReport {
  return {
    id: serviceReportId(contractId, month),
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
  return report(contractId, customerId, month, entries, rawMinutes, billedMinutes, billableRawMinutes);
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
 * Splits an account's open entries (in recording order) into `month`'s, as its service report,
 * and the rest. Same result as filtering and {@link buildServiceReport}, in one pass when all
 * entries belong to the month (the usual case) and with an O(n) sort by work date.
 */
export function splitMonthEntries(contractId: string, customerId: string, month: MonthKey, entries: readonly TimeEntry[]): MonthEntries {
  const n = entries.length;
  if (keyScratch.length < n) keyScratch = new Int32Array(Math.max(n, keyScratch.length * 2));
  const keys = keyScratch;
  let rawMinutes = 0;
  let billedMinutes = 0;
  let billableRawMinutes = 0;
  let sorted = true;
  let countable = true;
  let travel = false;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as TimeEntry;
    if (entry.bookingMonth !== month) {
      // Some entries belong to later months: filter, then build the report the plain way.
      const booked = entries.filter((e) => e.bookingMonth === month);
      return {
        serviceReport: buildServiceReport(contractId, customerId, month, booked),
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
    if (!countable) continue;
    const key = dateKey(entry.workDate);
    if (key < 0) {
      countable = false;
      continue;
    }
    keys[i] = key;
    if (key < previous) sorted = false;
    previous = key;
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (!countable) {
    // Unusual dates: the plain check and sort.
    const booked = entries.slice();
    return { serviceReport: buildServiceReport(contractId, customerId, month, booked), booked, remaining: [], travel };
  }
  // Entries usually arrive in work-date order; sort only when they did not.
  const booked = sorted
    ? entries.slice()
    : max - min < COUNTING_RANGE
      ? countingSort(entries, keys, min, max - min + 1)
      : sortByWorkDate(entries.slice());
  return {
    serviceReport: report(contractId, customerId, month, booked, rawMinutes, billedMinutes, billableRawMinutes),
    booked,
    remaining: [],
    travel,
  };
}
