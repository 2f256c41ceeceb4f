import type { IsoDate } from "@kontor/calendar";
import { isWorkAdjustment, type LedgerPosting } from "./ledger-posting.js";

/** The sums of a month's postings that its statement shows (C2, C3, C4, C7), in minutes. */
export interface MonthPostingTotals {
  readonly credit: number;
  /** Debits, positive. */
  readonly debit: number;
  /** Signed sum of the adjustments. */
  readonly adjustment: number;
  /** Debits plus back-dated entries: the work charged to the month (`chargedMinutes`). */
  readonly charged: number;
  /** How many postings are dated after the month and so were left out. */
  readonly later: number;
}

/**
 * Sums the postings dated up to `lastDay`, the month's last day, in one pass; all open postings
 * are dated in open months, so these are the month's. The same sums as adding up each posting's
 * `minutes` by kind and its `chargedMinutes`, with one test of its kind instead of two, since
 * month close sums the postings of thousands of contracts.
 */
export function monthPostingTotals(postings: readonly LedgerPosting[], lastDay: IsoDate): MonthPostingTotals {
  let credit = 0;
  let debit = 0;
  let adjustment = 0;
  let charged = 0;
  let later = 0;
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i] as LedgerPosting;
    if (posting.date > lastDay) {
      later++;
    } else if (posting.kind === "debit") {
      debit += posting.minutes;
      charged += posting.minutes;
    } else if (posting.kind === "credit") {
      credit += posting.minutes;
    } else {
      adjustment += posting.minutes;
      // C4: a billable entry back-dated into the month is work charged to it (its minutes are
      // negative); a cancelled entry's reversal takes work back (positive).
      if (isWorkAdjustment(posting)) charged -= posting.minutes;
    }
  }
  return { credit, debit, adjustment, charged, later };
}
