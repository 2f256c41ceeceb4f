import type { IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { contingentMonthlyLine } from "../billing/contingent-monthly-line.js";
import { sumNetsJson } from "../billing/exact-amount.js";
import { minutesToHours } from "../hours.js";
import type { InvoiceLine, InvoicePresentation } from "../billing/invoice-line.js";
import { hourLine, timeAndMaterialLines } from "../billing/time-and-material-lines.js";
import { travelLines } from "../billing/travel-lines.js";
import type { Contract, ContractOf } from "../contracts/contract.js";
import { fail, ok, parseWith, type Result } from "../errors/contingent-issue.js";
import type { ContingentEvent } from "../events.js";
import { resolveContext, type CommandContext } from "../ledger/command-context.js";
import type { ContractAccount } from "../ledger/contract-account.js";
import type { LedgerPosting } from "../ledger/ledger-posting.js";
import { monthPostingTotals } from "../ledger/month-posting-totals.js";
import { monthlyCreditsDue } from "../ledger/monthly-credits.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { ContingentPolicy } from "../policies/contingent-policy.js";
import { DEFAULT_POLICY_SET } from "../policies/policy-set.js";
import { lastDayOf, monthKeySchema, monthOf, nextMonth, type MonthKey } from "../time/month-key.js";
import { usageLines } from "../usage/usage-lines.js";
import { usageRecordInputSchema } from "../usage/usage-record.js";
import type { ClosedMonth, MonthStatement, ThresholdWarning } from "./closed-month.js";
import { decideCorrection } from "./correction.js";
import { serviceReportId, splitMonthEntries } from "./service-report.js";

/** Closes one month; managed services also bring the month's metered usage (C9). */
export const closeMonthCommandSchema = z.strictObject({
  month: monthKeySchema,
  usage: z.array(usageRecordInputSchema).default([]),
});

/** JSON form of a close-month command. */
export type CloseMonthCommand = z.input<typeof closeMonthCommandSchema>;

/** The account after the close, the immutable record of the closed month and the events. */
export interface CloseMonthResult {
  readonly account: ContractAccount;
  readonly closed: ClosedMonth;
  readonly events: readonly ContingentEvent[];
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

// The month of the last `{ month }` that passed the check: a month-end run closes one month for
// every contract, so the check runs once per run (compared by value, whatever built the string).
let lastMonth: string | undefined;

/** The command validated; the common `{ month }` skips zod, which matters for 10,000 closes. */
function parseCommand(command: unknown): Result<z.output<typeof closeMonthCommandSchema>> {
  if (typeof command === "object" && command !== null) {
    const keys = Object.keys(command);
    const month = (command as { month?: unknown }).month;
    if (keys.length === 1 && keys[0] === "month" && typeof month === "string" && (month === lastMonth || MONTH_KEY.test(month))) {
      lastMonth = month;
      return ok({ month, usage: [] });
    }
  }
  return parseWith(closeMonthCommandSchema, command);
}

function presentationOf(contract: Contract): InvoicePresentation {
  switch (contract.kind) {
    case "rental-flat-rate":
    case "data-center-hosting":
      return "separate-direct-debit";
    case "managed-services":
      return "itemized";
    default:
      return "service-report-id-and-amount";
  }
}

function inTerm(contract: Contract, month: MonthKey): boolean {
  return month >= monthOf(contract.startDate) && (contract.endDate === null || month <= monthOf(contract.endDate));
}

/**
 * Month close (C2–C9): a pure function of the account, the command, the contract, the policies
 * and `asOf`. It closes the account's first open month once that month has ended in the
 * contract's zone, and produces
 * - the statement of a contingent (opening, credit, debits, adjustments, closing), with a C4
 *   correction when the policy's trigger fires, or when the last month of the term (or a month
 *   closed after it) ends negative (`contract-end`): one `correction` line bills the deficit
 *   hours at the contract rate and a `correction` adjustment credits them back, so the next
 *   month opens at zero;
 * - the service report listing every entry of the month, billable or not (C5, C8);
 * - the invoice lines due: the fixed monthly amount (C2), correction, time and material for
 *   agreement-only customers (C1), travel (C6), pay-per-use usage (C9); none for rental and
 *   hosting, which are billed by direct debit (C8);
 * - the account-manager flags (overbooked, oversized) and threshold warnings (C4).
 *
 * The month's entries and postings leave the account and live on in the returned record; later
 * entries for it are booked into the next open month. Events list `service-report-ready` before
 * `invoice-due` (C8: the report is mailed first).
 */
export function closeMonth(account: ContractAccount, command: CloseMonthCommand, context: CommandContext): Result<CloseMonthResult> {
  const now = resolveContext(account, context);
  if (!now.ok) return now;
  const parsed = parseCommand(command);
  if (!parsed.ok) return parsed;
  const { month, usage } = parsed.value;
  const { contract } = context;
  if (month !== account.firstOpenMonth) {
    return fail("C8_MONTH_NOT_OPEN", `Only ${account.firstOpenMonth}, the first open month, can be closed next`, ["month"]);
  }
  if (monthOf(now.value.date) <= month) {
    return fail("C8_MONTH_NOT_ENDED", `${month} has not ended in ${contract.zone} on ${now.value.date}`, ["asOf"]);
  }
  const closedAt = now.value.utc;
  const srId = serviceReportId(contract.id, month);

  // Split the open entries: the month's go into the report, the rest stay open.
  const { serviceReport, booked, remaining: remainingEntries, travel } = splitMonthEntries(contract.id, contract.customerId, month, account.entries, srId);

  const lines: InvoiceLine[] = [];
  const events: ContingentEvent[] = [
    { type: "service-report-ready", contractId: contract.id, customerId: contract.customerId, month, serviceReportId: srId },
  ];
  let statement: MonthStatement | null = null;
  let next: Pick<ContractAccount, "nextCreditMonth" | "negativeMonthEnds" | "postings">;
  // Set for contingents only; the record gets no flags and no warnings for other kinds.
  let flags: ClosedMonth["flags"] | undefined;
  let warnings: readonly ThresholdWarning[] | undefined;

  switch (contract.kind) {
    case "contingent": {
      const lastDay = lastDayOf(month);
      const policy = policyInForce((context.policies ?? DEFAULT_POLICY_SET).contingent, lastDay, "contingent");
      if (!policy.ok) return policy;
      ({ statement, next, flags, warnings } = closeContingent(account, contract, month, lastDay, closedAt, policy.value, srId, lines));
      // travelLines bills nothing when no booked entry is billable with travel.
      if (travel) lines.push(...travelLines(booked, contract.terms.travel, contract.currency, srId));
      if (statement.correctionTrigger !== null) {
        events.push({
          type: "correction-invoice-due",
          contractId: contract.id,
          month,
          deficitMinutes: statement.correctionMinutes,
          trigger: statement.correctionTrigger,
        });
      }
      if (flags.overbooked) {
        events.push({ type: "account-manager-flag", contractId: contract.id, month, flag: "overbooked", balanceMinutes: statement.closingBeforeCorrectionMinutes });
      }
      if (flags.oversized) {
        events.push({ type: "account-manager-flag", contractId: contract.id, month, flag: "oversized", balanceMinutes: statement.closingMinutes });
      }
      break;
    }
    case "rental-flat-rate":
    case "data-center-hosting":
      next = { ...account, postings: [] };
      break;
    case "managed-services": {
      const metered = usageLines(usage, contract.priceList, contract.id, month, contract.currency);
      if (!metered.ok) return metered;
      lines.push(...timeAndMaterialLines(booked, contract.terms.rates, contract.currency, srId));
      lines.push(...travelLines(booked, contract.terms.travel, contract.currency, srId));
      lines.push(...metered.value);
      next = account;
      break;
    }
    case "cooperation-agreement":
    case "needs-analysis":
      lines.push(...timeAndMaterialLines(booked, contract.terms.rates, contract.currency, srId));
      lines.push(...travelLines(booked, contract.terms.travel, contract.currency, srId));
      next = account;
      break;
  }

  const presentation = presentationOf(contract);
  const net = sumNetsJson(lines, contract.currency);
  if (presentation === "separate-direct-debit") {
    // C1/C8: the monthly price is due only for months of the term; a month closed after the end
    // (it carries late entries) reports them and bills nothing.
    if (inTerm(contract, month)) events.push({ type: "billed-separately", contractId: contract.id, month, method: "direct-debit" });
  } else if (lines.length > 0) {
    events.push({
      type: "invoice-due",
      contractId: contract.id,
      customerId: contract.customerId,
      month,
      serviceReportId: srId,
      presentation,
      lineCount: lines.length,
      net,
    });
  }
  events.push({ type: "month-closed", contractId: contract.id, month, closingMinutes: statement?.closingMinutes ?? null });

  const following = nextMonth(month);
  return ok({
    account: {
      contractId: account.contractId,
      firstOpenMonth: following,
      nextCreditMonth: next.nextCreditMonth > following ? next.nextCreditMonth : following,
      openingMinutes: statement?.closingMinutes ?? 0,
      negativeMonthEnds: next.negativeMonthEnds,
      entries: remainingEntries,
      postings: next.postings,
    },
    closed: {
      contractId: contract.id,
      customerId: contract.customerId,
      contractKind: contract.kind,
      month,
      zone: contract.zone,
      currency: contract.currency,
      closedAt,
      statement,
      serviceReport,
      invoice: { presentation, serviceReportId: srId, lines, net },
      flags: flags ?? { overbooked: false, oversized: false },
      warnings: warnings ?? [],
    },
    events,
  });
}

interface ContingentClosing {
  readonly statement: MonthStatement;
  /** The account's fields after the close: credits posted, the month's postings removed, the new streak. */
  readonly next: Pick<ContractAccount, "nextCreditMonth" | "negativeMonthEnds" | "postings">;
  readonly flags: { overbooked: boolean; oversized: boolean };
  readonly warnings: ThresholdWarning[];
}

/** The contingent part of a close under `policy`, the C4 rules in force on `lastDay`; its invoice lines go onto `lines`. */
function closeContingent(
  account: ContractAccount,
  contract: ContractOf<"contingent">,
  month: MonthKey,
  lastDay: IsoDate,
  closedAt: string,
  policy: ContingentPolicy,
  srId: string,
  lines: InvoiceLine[],
): ContingentClosing {
  const { monthlyMinutes, monthlyPrice, hourlyRate, overdraftAllowed } = contract.contingent;
  const credits = monthlyCreditsDue(account, contract, month);
  const nextCreditMonth = credits === undefined ? account.nextCreditMonth : nextMonth(month);

  // The month's postings and the rest, which stay open (those dated after the month), split off
  // only when there are any. Unchanged postings are shared with the account, not copied: both
  // are immutable.
  const all = credits === undefined || credits.length === 0 ? account.postings : account.postings.concat(credits);
  const { credit, debit, adjustment, charged, later } = monthPostingTotals(all, lastDay);
  const monthPostings = later === 0 ? all : all.filter((p) => p.date <= lastDay);
  const remaining: LedgerPosting[] = later === 0 ? [] : all.filter((p) => p.date > lastDay);
  const opening = account.openingMinutes;
  const closingBefore = opening + credit - debit + adjustment;
  const policyDecision = decideCorrection(closingBefore, account.negativeMonthEnds, monthlyMinutes, overdraftAllowed, policy);
  // C1/C4: no later month end can bill a deficit left at the end of the term (nor one that late
  // entries leave after it), so the last month settles it whatever the policy's triggers say.
  const decision =
    policyDecision.trigger === null && closingBefore < 0 && contract.endDate !== null && month >= monthOf(contract.endDate)
      ? { ...policyDecision, trigger: "contract-end" as const, carriedNegativeMonthEnds: 0 }
      : policyDecision;

  if (inTerm(contract, month)) {
    lines.push(contingentMonthlyLine(monthlyMinutes, monthlyPrice, contract.currency, month, srId));
  }
  let correction = 0;
  let postings = monthPostings;
  if (decision.trigger !== null) {
    correction = -closingBefore;
    lines.push(hourLine("correction", `Correction: ${minutesToHours(correction)} hours over the contingent`, correction, hourlyRate, contract.currency, srId, month));
    // C4: the billed deficit is credited back, explicitly, so the balance restarts at zero.
    postings = [
      ...monthPostings,
      {
        kind: "adjustment",
        id: `correction:${month}`,
        date: lastDay,
        recordedAt: closedAt,
        minutes: correction,
        cause: "correction",
        reason: `Deficit of ${minutesToHours(correction)} hours billed by correction invoice (${decision.trigger})`,
        entryId: null,
        workDate: null,
      },
    ];
  }
  const closing = closingBefore + correction;
  const oversizedMonths = policy.oversizedAboveMonthsOfCredit;
  const warnings: ThresholdWarning[] = [];
  if (credit > 0) {
    // Indexed: the shipped thresholds are a frozen array, which for…of walks slowly.
    const thresholds = policy.warningThresholdsPercent;
    for (let i = 0; i < thresholds.length; i++) {
      const thresholdPercent = thresholds[i] as number;
      if (charged * 100 >= thresholdPercent * credit) warnings.push({ thresholdPercent, usedMinutes: charged, creditMinutes: credit });
    }
  }
  return {
    statement: {
      month,
      openingMinutes: opening,
      creditMinutes: credit,
      debitMinutes: debit,
      adjustmentMinutes: adjustment + correction,
      correctionMinutes: correction,
      closingBeforeCorrectionMinutes: closingBefore,
      closingMinutes: closing,
      chargedMinutes: charged,
      negativeMonthEnds: decision.negativeMonthEnds,
      correctionTrigger: decision.trigger,
      postings,
    },
    next: { nextCreditMonth, negativeMonthEnds: decision.carriedNegativeMonthEnds, postings: remaining },
    flags: {
      overbooked: closingBefore < 0,
      oversized: oversizedMonths !== null && closing > oversizedMonths * monthlyMinutes,
    },
    warnings,
  };
}
