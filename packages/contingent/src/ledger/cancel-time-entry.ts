import { z } from "zod";
import type { TimeEntry } from "../entries/time-entry.js";
import { fail, ok, parseWith, type Result } from "../errors/contingent-issue.js";
import type { ContingentEvent } from "../events.js";
import { clampToMonth } from "../time/month-key.js";
import { resolveContext, type CommandContext } from "./command-context.js";
import type { ContractAccount } from "./contract-account.js";
import type { AdjustmentPosting } from "./ledger-posting.js";

/** Cancels a recorded time entry (C6), with the reason the ledger and the audit keep. */
export const timeEntryCancellationSchema = z.strictObject({
  entryId: z.string().min(1).max(64),
  /** Why, e.g. "5 hours typed instead of 0.5"; shown on the contingent's statement. */
  reason: z.string().trim().min(1).max(2000),
});

/** JSON form of a time-entry cancellation. */
export type TimeEntryCancellationInput = z.input<typeof timeEntryCancellationSchema>;

/** The account after the cancellation, the cancelled entry, the reversal posting (contingents, billable entries) and the event. */
export interface CancelTimeEntryResult {
  readonly account: ContractAccount;
  readonly entry: TimeEntry;
  readonly posting: AdjustmentPosting | null;
  readonly events: readonly ContingentEvent[];
}

/**
 * Cancels a time entry of an open month (C6): a typing error, work booked on the wrong
 * contract. The entry stays in the account, marked `cancelled`, so its id stays taken; the month
 * close never reports or bills it (C5, C8). To correct an entry, cancel it and record the right
 * one under a new id.
 *
 * On a contingent a billable entry's minutes come back as an `entry-cancelled` adjustment dated
 * `asOf`'s day (the last day of the entry's booking month once that has ended), so the balance
 * of every earlier day stays as it was shown (C7) and the month's charged minutes drop by the
 * entry's. Non-billable entries and other kinds book nothing.
 *
 * - `C6_ENTRY_NOT_OPEN`: no entry with this id among the open months' — unknown, or its month is
 *   closed (C8: a closed month never changes; book a manual adjustment instead).
 * - `C6_ENTRY_CANCELLED`: cancelled already.
 */
export function cancelTimeEntry(account: ContractAccount, input: TimeEntryCancellationInput, context: CommandContext): Result<CancelTimeEntryResult> {
  const now = resolveContext(account, context);
  if (!now.ok) return now;
  const parsed = parseWith(timeEntryCancellationSchema, input);
  if (!parsed.ok) return parsed;
  const { entryId, reason } = parsed.value;
  const index = account.entries.findIndex((entry) => entry.id === entryId);
  const entry = account.entries[index];
  if (entry === undefined) {
    return fail("C6_ENTRY_NOT_OPEN", `Entry ${entryId} is not an entry of an open month: unknown, or its month (before ${account.firstOpenMonth}) is closed`, ["entryId"]);
  }
  if (entry.cancelled !== undefined) {
    return fail("C6_ENTRY_CANCELLED", `Entry ${entryId} was cancelled at ${entry.cancelled.at}`, ["entryId"]);
  }
  const { contract } = context;
  const cancelled: TimeEntry = { ...entry, cancelled: { at: now.value.utc, reason } };
  const entries = account.entries.slice();
  entries[index] = cancelled;
  const events: ContingentEvent[] = [
    { type: "time-entry-cancelled", contractId: contract.id, entryId, bookingMonth: entry.bookingMonth, billedMinutes: entry.billedMinutes, reason },
  ];
  // Only a contingent's billable entries were charged to the ledger (C5).
  if (contract.kind !== "contingent" || !entry.billable || entry.billedMinutes === 0) {
    return ok({ account: { ...account, entries }, entry: cancelled, posting: null, events });
  }
  const month = entry.bookingMonth;
  const posting: AdjustmentPosting = {
    kind: "adjustment",
    id: `cancelled:${entryId}`,
    date: clampToMonth(now.value.date, month),
    recordedAt: now.value.utc,
    minutes: entry.billedMinutes,
    cause: "entry-cancelled",
    reason: `Entry ${entryId} of ${entry.workDate} cancelled: ${reason}`,
    entryId,
    workDate: entry.workDate,
  };
  return ok({ account: { ...account, entries, postings: [...account.postings, posting] }, entry: cancelled, posting, events });
}
