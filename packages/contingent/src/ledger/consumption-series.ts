import type { IsoDate } from "@kontor/calendar";
import { z } from "zod";
import type { ClosedMonth, MonthStatement } from "../close/closed-month.js";
import type { Contract } from "../contracts/contract.js";
import { fail, ok, parseWith, type Result } from "../errors/contingent-issue.js";
import { readInstant } from "../time/instant.js";
import { lastDayOf, monthKeySchema, monthOf, nextMonth, type MonthKey } from "../time/month-key.js";
import { resolveContingentContext, type CommandContext } from "./command-context.js";
import type { ContractAccount } from "./contract-account.js";
import { isWorkAdjustment, type LedgerPosting } from "./ledger-posting.js";
import { monthlyCreditsDue } from "./monthly-credits.js";

/** The longest range {@link consumptionSeries} answers, in months (three years of a chart). */
export const MAX_CONSUMPTION_MONTHS = 36;

/** The months of a consumption series: `from` through `to`, both `YYYY-MM`; `to` defaults to the month of `asOf`. */
export const consumptionRangeSchema = z.strictObject({
  from: monthKeySchema,
  to: monthKeySchema.optional(),
});

/** JSON form of a consumption range. */
export type ConsumptionRangeInput = z.input<typeof consumptionRangeSchema>;

/** A checked consumption range: `from ≤ to`, at most {@link MAX_CONSUMPTION_MONTHS} months. */
export interface ConsumptionRange {
  readonly from: MonthKey;
  /** As given, or the month of `asOf` in the contract's zone. */
  readonly to: MonthKey;
}

/**
 * One month of a contingent's consumption (K13, C2–C4, C7), in minutes. For every point
 * `closingMinutes = openingMinutes + creditMinutes − chargedMinutes + adjustmentMinutes`, and a
 * month opens with the previous month's closing.
 */
export interface ConsumptionPoint {
  readonly month: MonthKey;
  /** `closed`: the figures of the month's closed record, final. `open`: from the open ledger, may still change. */
  readonly status: "closed" | "open";
  /** The last day counted: the month's last day, or for the month of `asOf` its local day. */
  readonly through: IsoDate;
  readonly openingMinutes: number;
  /** C2: the monthly credit (0 after the contract's end). */
  readonly creditMinutes: number;
  /** The work charged to the month: debits of entries worked in it plus billable entries back-dated into it (C6, C8). */
  readonly chargedMinutes: number;
  /**
   * Adjustments that are not work: manual adjustments (C7) and the C4 correction credit. Unlike
   * `MonthStatement.adjustmentMinutes`, back-dated entries are not here: they are in `chargedMinutes`.
   */
  readonly adjustmentMinutes: number;
  /** C4: the deficit billed by a correction invoice and credited back (part of `adjustmentMinutes`); 0 otherwise. */
  readonly correctionMinutes: number;
  /** The balance at the end of `through`; C2: a positive rest carries into the next month, C3: may be negative. */
  readonly closingMinutes: number;
}

/** A contingent's consumption month by month, for a chart (K13). */
export interface ConsumptionSeries {
  readonly contractId: string;
  /** The local day of `asOf` in the contract's zone. */
  readonly date: IsoDate;
  /** The range asked for (`to` defaulted); the points are the part of it within the contract's history. */
  readonly from: MonthKey;
  readonly to: MonthKey;
  /** The contract's monthly credit (C2), a chart's reference line. */
  readonly monthlyMinutes: number;
  /** One point per month, in month order. */
  readonly points: readonly ConsumptionPoint[];
}

/** How many months `from` through `to` spans, both included (`"2026-01"`, `"2026-03"` → 3). */
function monthsSpanned(from: MonthKey, to: MonthKey): number {
  const index = (month: MonthKey) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** `count − 1` months after `from`: the last month of a range of `count` months. */
function monthsAfter(from: MonthKey, count: number): MonthKey {
  let month = from;
  for (let i = 1; i < count; i++) month = nextMonth(month);
  return month;
}

/** Checks `range` against the local day `date` of `asOf`; range errors name `to` when it was given, else `from`. */
function checkRange(input: ConsumptionRangeInput, date: IsoDate): Result<ConsumptionRange> {
  const parsed = parseWith(consumptionRangeSchema, input);
  if (!parsed.ok) return parsed;
  const { from } = parsed.value;
  const given = parsed.value.to !== undefined;
  const to = parsed.value.to ?? monthOf(date);
  const path = given ? ["to"] : ["from"];
  const toText = given ? `to ${to}` : `${to}, the month of asOf`;
  if (from > to) return fail("C7_RANGE_REVERSED", `from ${from} is after ${toText}`, path);
  const span = monthsSpanned(from, to);
  if (span > MAX_CONSUMPTION_MONTHS) {
    return fail(
      "C7_RANGE_TOO_LONG",
      `${from} to ${to} spans ${String(span)} months; at most ${String(MAX_CONSUMPTION_MONTHS)} (from ${from} up to ${monthsAfter(from, MAX_CONSUMPTION_MONTHS)})`,
      path,
    );
  }
  return ok({ from, to });
}

/**
 * Checks a consumption range and fills in `to` (the month of `asOf` in the contract's zone, P2):
 * `from` and `to` must be `YYYY-MM` (`INVALID_INPUT`), `from` not after `to`
 * (`C7_RANGE_REVERSED`) and the range at most {@link MAX_CONSUMPTION_MONTHS} months long
 * (`C7_RANGE_TOO_LONG`); both range errors name `to` when it was given, else `from`. Apps call it
 * to learn which closed-month records {@link consumptionSeries} needs before loading them.
 */
export function consumptionRange(
  input: ConsumptionRangeInput,
  context: Pick<CommandContext, "contract" | "asOf">,
): Result<ConsumptionRange> {
  const now = readInstant(context.asOf, context.contract.zone);
  if (now === undefined) return fail("INVALID_INPUT", "asOf must be a valid DateTime or an ISO date-time with an offset", ["asOf"]);
  return checkRange(input, now.date);
}

/** Sums of one month's postings, as a point shows them. */
interface Sums {
  credit: number;
  charged: number;
  /** Manual and correction adjustments (not work). */
  other: number;
  correction: number;
}

function emptySums(): Sums {
  return { credit: 0, charged: 0, other: 0, correction: 0 };
}

function add(sums: Sums, posting: LedgerPosting): void {
  if (posting.kind === "credit") sums.credit += posting.minutes;
  else if (posting.kind === "debit") sums.charged += posting.minutes;
  // C6/C8: a billable entry back-dated into the month is work charged to it (its minutes are
  // negative); a cancelled entry's reversal takes work back.
  else if (isWorkAdjustment(posting)) sums.charged -= posting.minutes;
  else {
    sums.other += posting.minutes;
    if (posting.cause === "correction") sums.correction += posting.minutes;
  }
}

function pointOf(month: MonthKey, status: ConsumptionPoint["status"], through: IsoDate, opening: number, sums: Sums): ConsumptionPoint {
  return {
    month,
    status,
    through,
    openingMinutes: opening,
    creditMinutes: sums.credit,
    chargedMinutes: sums.charged,
    adjustmentMinutes: sums.other,
    correctionMinutes: sums.correction,
    closingMinutes: opening + sums.credit - sums.charged + sums.other,
  };
}

/** A whole closed month from its record's figures (they never change, C8). */
function closedPoint(statement: MonthStatement): ConsumptionPoint {
  return {
    month: statement.month,
    status: "closed",
    through: lastDayOf(statement.month),
    openingMinutes: statement.openingMinutes,
    creditMinutes: statement.creditMinutes,
    chargedMinutes: statement.chargedMinutes,
    // The statement's adjustments include back-dated entries (charged − debit of them): take those out.
    adjustmentMinutes: statement.adjustmentMinutes + statement.chargedMinutes - statement.debitMinutes,
    correctionMinutes: statement.correctionMinutes,
    closingMinutes: statement.closingMinutes,
  };
}

/** The closed month's statement for the contract, or `undefined` when `history` lacks it. */
function statementOf(history: ReadonlyMap<MonthKey, ClosedMonth>, month: MonthKey): MonthStatement | undefined {
  return history.get(month)?.statement ?? undefined;
}

function closedRecords(history: readonly ClosedMonth[], contract: Contract): Map<MonthKey, ClosedMonth> {
  const byMonth = new Map<MonthKey, ClosedMonth>();
  for (const record of history) if (record.contractId === contract.id) byMonth.set(record.month, record);
  return byMonth;
}

/**
 * A contingent's consumption month by month (K13: "budget/contingent consumption over time"),
 * one point per month of `range` in month order, as of `asOf` (P2, read in the contract's zone):
 *
 * - a **closed** month (before the account's first open month) shows the figures of its
 *   {@link ClosedMonth} record, which must be in `history` (`C7_HISTORY_MISSING` otherwise);
 * - an **open** month shows its figures from the account's open postings dated up to the local
 *   day of `asOf`, the monthly credit counted from the 1st even if no command has posted it yet
 *   (C2, as `statementAsOf` counts it); open months follow each other, so an ended month that is not
 *   yet closed has no C4 correction yet;
 * - the month of `asOf` shows the balance at the end of its local day (C7), so its closing equals
 *   `statementAsOf(…).balanceMinutes`.
 *
 * Months before the contract's start month and after the month of `asOf` have no balance and
 * are **left out**, not refused: a chart can always ask for "the last 12 months" and gets only
 * the months that exist (an empty list when none does). Months after the contract's end are
 * kept: the balance stays, without further credits. The range itself is checked by
 * {@link consumptionRange}. Only contingents have a balance: other kinds are
 * `C2_NOT_A_CONTINGENT`, as for statements.
 */
export function consumptionSeries(
  account: ContractAccount,
  history: readonly ClosedMonth[],
  range: ConsumptionRangeInput,
  context: CommandContext,
): Result<ConsumptionSeries> {
  const resolved = resolveContingentContext(account, context);
  if (!resolved.ok) return resolved;
  const { now, contract } = resolved.value;
  const { date } = now;
  const checked = checkRange(range, date);
  if (!checked.ok) return checked;
  const { from, to } = checked.value;
  const asOfMonth = monthOf(date);
  const startMonth = monthOf(contract.startDate);
  // Left out: months before the start and after the month of asOf (see above).
  const first = from > startMonth ? from : startMonth;
  const last = to < asOfMonth ? to : asOfMonth;
  const points: ConsumptionPoint[] = [];
  const result = (): Result<ConsumptionSeries> =>
    ok({ contractId: contract.id, date, from, to, monthlyMinutes: contract.contingent.monthlyMinutes, points });
  if (first > last) return result();

  // Closed months: their records.
  const records = closedRecords(history, contract);
  const firstOpen = account.firstOpenMonth;
  for (let month = first; month <= last && month < firstOpen; month = nextMonth(month)) {
    const statement = statementOf(records, month);
    if (statement === undefined) {
      return fail("C7_HISTORY_MISSING", `${month} is closed; pass its closed-month record in history`, ["history"]);
    }
    if (month < asOfMonth) {
      points.push(closedPoint(statement));
    } else {
      // asOf lies in a closed month (a look back): count its postings up to the day, as statementAsOf does.
      const sums = emptySums();
      for (const posting of statement.postings) if (posting.date <= date) add(sums, posting);
      points.push(pointOf(month, "closed", date, statement.openingMinutes, sums));
    }
  }
  if (firstOpen > last) return result();

  // Open months: the account's postings plus the credits C2 would post through the month of asOf,
  // summed per month in one pass; postings dated after the day of asOf do not count yet (C7).
  const credits = monthlyCreditsDue(account, contract, asOfMonth) ?? [];
  const byMonth = new Map<MonthKey, Sums>();
  let opening = account.openingMinutes;
  for (const posting of [...account.postings, ...credits]) {
    if (posting.date > date) continue;
    const month = monthOf(posting.date);
    if (month < firstOpen) {
      // Not expected (open postings are dated in open months); counted like statementAsOf does.
      opening += posting.kind === "debit" ? -posting.minutes : posting.minutes;
      continue;
    }
    let sums = byMonth.get(month);
    if (sums === undefined) byMonth.set(month, (sums = emptySums()));
    add(sums, posting);
  }
  // Every open month from the first is walked, since each opens with the one before's closing.
  for (let month = firstOpen; month <= last; month = nextMonth(month)) {
    const point = pointOf(month, "open", month < asOfMonth ? lastDayOf(month) : date, opening, byMonth.get(month) ?? emptySums());
    if (month >= first) points.push(point);
    opening = point.closingMinutes;
  }
  return result();
}
