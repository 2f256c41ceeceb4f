import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";

const common = {
  /** Unique within the contract's ledger. */
  id: z.string().min(1).max(128),
  /** The day the posting counts on, in the contract's zone. */
  date: isoDateSchema,
  /** When it was posted, UTC ISO. */
  recordedAt: z.string().min(1),
};

/** C2: the month's prepaid minutes, dated the 1st. */
export const creditPostingSchema = z.strictObject({
  kind: z.literal("credit"),
  ...common,
  minutes: z.int().min(0),
});

/** A billable entry's billed minutes, dated its work date (C6). `minutes` is positive and subtracts. */
export const debitPostingSchema = z.strictObject({
  kind: z.literal("debit"),
  ...common,
  minutes: z.int().min(0),
  entryId: z.string().min(1),
});

/**
 * A signed change with a reason (C7): `manual` (an account manager's booking), `back-dated-entry`
 * (a billable entry whose work month was already closed, booked in the first open month and
 * referencing its work date), `entry-cancelled` (C6: a cancelled billable entry's minutes given
 * back, in the month that carried it) or `correction` (C4: the deficit billed by a correction
 * invoice, credited back so the balance restarts at zero).
 */
export const adjustmentPostingSchema = z.strictObject({
  kind: z.literal("adjustment"),
  ...common,
  minutes: z.int(),
  cause: z.enum(["manual", "back-dated-entry", "entry-cancelled", "correction"]),
  reason: z.string().min(1).max(2000),
  /** The time entry behind a back-dated adjustment. */
  entryId: z.string().min(1).nullable(),
  /** The work date of that entry. */
  workDate: isoDateSchema.nullable(),
});

/** zod schema of any {@link LedgerPosting}. */
export const ledgerPostingSchema = z.discriminatedUnion("kind", [
  creditPostingSchema,
  debitPostingSchema,
  adjustmentPostingSchema,
]);

/** A monthly credit. */
export type CreditPosting = z.output<typeof creditPostingSchema>;
/** A debit from a billable entry. */
export type DebitPosting = z.output<typeof debitPostingSchema>;
/** A signed adjustment with its cause and reason. */
export type AdjustmentPosting = z.output<typeof adjustmentPostingSchema>;

/**
 * One line of the append-only hour ledger of a contingent (C2, C3, C7). The balance on any day
 * is credits − debits + adjustments over the postings dated up to that day.
 */
export type LedgerPosting = CreditPosting | DebitPosting | AdjustmentPosting;

/**
 * Whether an adjustment is work charged to its month rather than a booking (C4, C6): a back-dated
 * entry charges its minutes (negative), a cancelled entry's reversal takes them back (positive).
 * The work charged is the debits minus the signed minutes of these.
 */
export function isWorkAdjustment(posting: AdjustmentPosting): boolean {
  return posting.cause === "back-dated-entry" || posting.cause === "entry-cancelled";
}

/** The signed effect of a posting on the balance. */
export function signedMinutes(posting: LedgerPosting): number {
  return posting.kind === "debit" ? -posting.minutes : posting.minutes;
}
