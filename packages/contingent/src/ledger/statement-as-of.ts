import type { IsoDate } from "@kontor/calendar";
import type { ClosedMonth } from "../close/closed-month.js";
import { fail, ok, type Result } from "../errors/contingent-issue.js";
import { firstDayOf, monthOf, type MonthKey } from "../time/month-key.js";
import { resolveContingentContext, type CommandContext } from "./command-context.js";
import type { ContractAccount } from "./contract-account.js";
import { signedMinutes, type LedgerPosting } from "./ledger-posting.js";
import { postMonthlyCredits } from "./monthly-credits.js";

/** A contingent's balance on one day with the month-to-date figures behind it (C7), in minutes. */
export interface BalanceStatement {
  readonly contractId: string;
  /** The local day of `asOf` in the contract's zone. */
  readonly date: IsoDate;
  readonly month: MonthKey;
  /** Whether the month is already closed (its figures can no longer change). */
  readonly closed: boolean;
  /** `openingMinutes + creditMinutes − debitMinutes + adjustmentMinutes`. */
  readonly balanceMinutes: number;
  readonly openingMinutes: number;
  readonly creditMinutes: number;
  readonly debitMinutes: number;
  readonly adjustmentMinutes: number;
  /** The month's postings dated up to `date`. */
  readonly postings: readonly LedgerPosting[];
}

/**
 * The statement as of `asOf` (C7: the customer can see the balance on any day): the balance at
 * the end of the local day of `asOf` in the contract's zone, counting every posting dated up to
 * that day. The month's credit counts from its 1st even if no command has posted it yet. For a
 * day in a closed month pass that month's {@link ClosedMonth} in `history`.
 */
export function statementAsOf(
  account: ContractAccount,
  history: readonly ClosedMonth[],
  context: CommandContext,
): Result<BalanceStatement> {
  const resolved = resolveContingentContext(account, context);
  if (!resolved.ok) return resolved;
  const { now, contract } = resolved.value;
  const { date } = now;
  const month = monthOf(date);
  if (month < monthOf(contract.startDate)) {
    return fail("C1_OUTSIDE_CONTRACT_TERM", `The contract starts on ${contract.startDate}`, ["asOf"]);
  }

  let opening: number;
  let candidates: readonly LedgerPosting[];
  const closed = month < account.firstOpenMonth;
  if (closed) {
    const record = history.find((item) => item.month === month && item.contractId === contract.id);
    if (record?.statement == null) {
      return fail("C7_HISTORY_MISSING", `${month} is closed; pass its closed-month record in history`, ["history"]);
    }
    opening = record.statement.openingMinutes;
    candidates = record.statement.postings;
  } else {
    // Open months follow each other: the month's opening is the account's opening plus every
    // open posting dated before the month.
    const credited = postMonthlyCredits(account, contract, month);
    const start = firstDayOf(month);
    opening = credited.openingMinutes;
    for (const posting of credited.postings) if (posting.date < start) opening += signedMinutes(posting);
    candidates = credited.postings.filter((posting) => posting.date >= start);
  }
  const postings = candidates.filter((posting) => posting.date <= date);
  let credit = 0;
  let debit = 0;
  let adjustment = 0;
  for (const posting of postings) {
    if (posting.kind === "credit") credit += posting.minutes;
    else if (posting.kind === "debit") debit += posting.minutes;
    else adjustment += posting.minutes;
  }
  return ok({
    contractId: contract.id,
    date,
    month,
    closed,
    balanceMinutes: opening + credit - debit + adjustment,
    openingMinutes: opening,
    creditMinutes: credit,
    debitMinutes: debit,
    adjustmentMinutes: adjustment,
    postings,
  });
}
