import { billedMinutes } from "../entries/billed-minutes.js";
import type { TimeEntry, TimeEntryInput } from "../entries/time-entry.js";
import { validateTimeEntry } from "../entries/validate-time-entry.js";
import { fail, failAll, ok, type ContingentIssue, type Result } from "../errors/contingent-issue.js";
import type { ContingentEvent } from "../events.js";
import { policyInForce } from "../policies/policy-in-force.js";
import { DEFAULT_POLICY_SET } from "../policies/policy-set.js";
import { clampToMonth, lastDayOf, monthOf } from "../time/month-key.js";
import { sharedString } from "../time/shared-string.js";
import { resolveContext, type CommandContext } from "./command-context.js";
import type { ContractAccount } from "./contract-account.js";
import type { LedgerPosting } from "./ledger-posting.js";
import { chargedMinutesByMonth, thresholdsCrossed } from "./month-usage.js";
import { postMonthlyCredits } from "./monthly-credits.js";

/** The account after recording, the recorded entries and the events they caused. */
export interface RecordTimeEntriesResult {
  readonly account: ContractAccount;
  readonly entries: readonly TimeEntry[];
  readonly events: readonly ContingentEvent[];
}

/**
 * Records time entries (C5, C6, C7), all or none: each is validated, its billed minutes derived
 * from the billing policy in force on its work date (raw minutes kept), and it is booked into its
 * work month — or, when that month is already closed, into the first open month (C8: a closed
 * month never changes). On a contingent a billable entry becomes a debit dated its work date, or
 * an adjustment in the first open month that references its work date when back-dated.
 * Non-billable entries are kept for the service report and change no balance (C5).
 *
 * Events: `time-entry-recorded` per entry, `threshold-reached` when a month's charged minutes
 * reach a warning threshold of its credit (C4), `balance-exhausted` when the balance turns
 * negative (C3). Issues carry the entry's index first in their path.
 */
export function recordTimeEntries(
  account: ContractAccount,
  inputs: readonly TimeEntryInput[],
  context: CommandContext,
): Result<RecordTimeEntriesResult> {
  const now = resolveContext(account, context);
  if (!now.ok) return now;
  const list: unknown = inputs;
  if (!Array.isArray(list)) return fail("INVALID_INPUT", "Expected a list of time entries", []);
  const { contract } = context;
  const policies = context.policies ?? DEFAULT_POLICY_SET;
  const today = now.value.date;
  const recordedAt = now.value.utc;
  const firstOpen = account.firstOpenMonth;
  const seen = new Set(account.entries.map((entry) => entry.id));
  const issues: ContingentIssue[] = [];
  const entries: TimeEntry[] = [];

  inputs.forEach((input, index) => {
    const checked = validateTimeEntry(input, contract, today);
    if (checked.entry === undefined) {
      for (const issue of checked.issues) issues.push({ ...issue, path: [index, ...issue.path] });
      return;
    }
    const entry = checked.entry;
    if (seen.has(entry.id)) {
      issues.push({ code: "C6_DUPLICATE_ENTRY", message: `Entry ${entry.id} is already recorded`, path: [index, "id"] });
      return;
    }
    seen.add(entry.id);
    const policy = policyInForce(policies.timeBilling, entry.workDate, "timeBilling");
    if (!policy.ok) {
      for (const issue of policy.errors) issues.push({ ...issue, path: [index, "workDate"] });
      return;
    }
    const workDate = sharedString(entry.workDate);
    const workMonth = sharedString(monthOf(workDate));
    // Spelled out: one object shape and one key order for every stored entry (stable JSON).
    entries.push({
      id: entry.id,
      contractId: entry.contractId,
      workDate,
      rawMinutes: entry.rawMinutes,
      technician: entry.technician,
      ticketRef: entry.ticketRef,
      workType: entry.workType,
      location: entry.location,
      billable: entry.billable,
      justification: entry.justification,
      afterHours: entry.afterHours,
      description: entry.description,
      travel: entry.travel,
      billedMinutes: entry.billable ? billedMinutes(entry, policy.value) : 0,
      bookingMonth: workMonth < firstOpen ? firstOpen : workMonth,
      recordedAt,
    });
  });
  if (issues.length > 0) return failAll(issues);

  // C5: non-billable entries leave the ledger exactly as it was (not even a credit gets posted).
  if (contract.kind !== "contingent" || !entries.some((entry) => entry.billable)) {
    return ok({
      account: { ...account, entries: [...account.entries, ...entries] },
      entries,
      events: entries.map((entry) => recordedEvent(contract.id, entry)),
    });
  }

  // Contingent: credits through today's month, then one posting per billable entry.
  const credited = postMonthlyCredits(account, contract, monthOf(today));
  const charged = chargedMinutesByMonth(credited.postings);
  let balance = credited.openingMinutes;
  for (const posting of credited.postings) balance += posting.kind === "debit" ? -posting.minutes : posting.minutes;
  const postings: LedgerPosting[] = [];
  const events: ContingentEvent[] = [];
  const { monthlyMinutes, overdraftAllowed } = contract.contingent;

  for (const entry of entries) {
    events.push(recordedEvent(contract.id, entry));
    if (!entry.billable) continue; // C5: never reduces the contingent
    const month = entry.bookingMonth;
    const backDated = monthOf(entry.workDate) !== month;
    postings.push(
      backDated
        ? {
            kind: "adjustment",
            id: `back-dated:${entry.id}`,
            date: clampToMonth(today, month),
            recordedAt,
            minutes: -entry.billedMinutes,
            cause: "back-dated-entry",
            reason: `Entry ${entry.id} worked on ${entry.workDate}, after ${monthOf(entry.workDate)} was closed`,
            entryId: entry.id,
            workDate: entry.workDate,
          }
        : { kind: "debit", id: `debit:${entry.id}`, date: entry.workDate, recordedAt, minutes: entry.billedMinutes, entryId: entry.id },
    );
    const before = charged.get(month) ?? 0;
    charged.set(month, before + entry.billedMinutes);
    const policy = policyInForce(policies.contingent, lastDayOf(month), "contingent");
    if (policy.ok) {
      for (const thresholdPercent of thresholdsCrossed(policy.value.warningThresholdsPercent, monthlyMinutes, before, before + entry.billedMinutes)) {
        events.push({
          type: "threshold-reached",
          contractId: contract.id,
          month,
          thresholdPercent,
          usedMinutes: before + entry.billedMinutes,
          creditMinutes: monthlyMinutes,
        });
      }
    }
    const balanceBefore = balance;
    balance -= entry.billedMinutes;
    if (balanceBefore >= 0 && balance < 0) {
      events.push({ type: "balance-exhausted", contractId: contract.id, entryId: entry.id, balanceMinutes: balance, overdraftAllowed });
    }
  }
  return ok({
    account: { ...credited, entries: [...credited.entries, ...entries], postings: [...credited.postings, ...postings] },
    entries,
    events,
  });
}

/** The account after recording one entry, the entry and its events. */
export interface RecordTimeEntryResult {
  readonly account: ContractAccount;
  readonly entry: TimeEntry;
  readonly events: readonly ContingentEvent[];
}

/**
 * Records one time entry; see {@link recordTimeEntries}. Issue paths name the entry's fields
 * directly (`["justification"]`).
 */
export function recordTimeEntry(
  account: ContractAccount,
  input: TimeEntryInput,
  context: CommandContext,
): Result<RecordTimeEntryResult> {
  const result = recordTimeEntries(account, [input], context);
  if (!result.ok) {
    return failAll(result.errors.map((issue) => (issue.path[0] === 0 ? { ...issue, path: issue.path.slice(1) } : issue)));
  }
  const [entry] = result.value.entries;
  if (entry === undefined) throw new Error("unreachable: one valid input records one entry");
  return ok({ account: result.value.account, entry, events: result.value.events });
}

function recordedEvent(contractId: string, entry: TimeEntry): ContingentEvent {
  return {
    type: "time-entry-recorded",
    contractId,
    entryId: entry.id,
    bookingMonth: entry.bookingMonth,
    billedMinutes: entry.billedMinutes,
    backDated: monthOf(entry.workDate) !== entry.bookingMonth,
  };
}
