import { z } from "zod";
import type { Contract } from "../contracts/contract.js";
import { timeEntryInputSchema, type TimeEntry } from "../entries/time-entry.js";
import { monthKeySchema, monthOf, type MonthKey } from "../time/month-key.js";
import { ledgerPostingSchema, type LedgerPosting } from "./ledger-posting.js";

/**
 * The open part of a contract's books: everything not yet closed. A closed month moves its
 * entries and postings into its {@link ClosedMonth} record, which never changes again; this keeps
 * every command proportional to one open month instead of the contract's whole history.
 */
export interface ContractAccount {
  readonly contractId: string;
  /** The earliest month not yet closed; only it can be closed next. */
  readonly firstOpenMonth: MonthKey;
  /** Contingents: the first month whose monthly credit is not yet posted (C2). */
  readonly nextCreditMonth: MonthKey;
  /** The balance at the end of the last closed month, in minutes (0 before the first close). */
  readonly openingMinutes: number;
  /** C4: how many month ends in a row closed with a negative balance (reset by a correction). */
  readonly negativeMonthEnds: number;
  /** Time entries booked into open months, in recording order (cancelled ones included, C6). */
  readonly entries: readonly TimeEntry[];
  /** Ledger postings dated in open months, in recording order (append-only). */
  readonly postings: readonly LedgerPosting[];
}

const timeEntrySchema = timeEntryInputSchema.extend({
  billedMinutes: z.int().min(0),
  bookingMonth: monthKeySchema,
  recordedAt: z.string().min(1),
  cancelled: z.strictObject({ at: z.string().min(1), reason: z.string().min(1).max(2000) }).optional(),
});

/** zod schema of a stored {@link ContractAccount}, for apps that load it from JSON. */
export const contractAccountSchema = z.strictObject({
  contractId: z.string().min(1),
  firstOpenMonth: monthKeySchema,
  nextCreditMonth: monthKeySchema,
  openingMinutes: z.int(),
  negativeMonthEnds: z.int().min(0),
  entries: z.array(timeEntrySchema),
  postings: z.array(ledgerPostingSchema),
});

/** JSON form of a {@link ContractAccount}. */
export type ContractAccountInput = z.input<typeof contractAccountSchema>;

/** The empty account of a new contract: nothing booked, its start month open, balance zero. */
export function openAccount(contract: Contract): ContractAccount {
  const startMonth = monthOf(contract.startDate);
  return {
    contractId: contract.id,
    firstOpenMonth: startMonth,
    nextCreditMonth: startMonth,
    openingMinutes: 0,
    negativeMonthEnds: 0,
    entries: [],
    postings: [],
  };
}
