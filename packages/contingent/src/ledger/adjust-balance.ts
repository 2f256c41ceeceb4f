import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { fail, ok, parseWith, type Result } from "../errors/contingent-issue.js";
import type { ContingentEvent } from "../events.js";
import { firstDayOf, monthOf } from "../time/month-key.js";
import { resolveContingentContext, type CommandContext } from "./command-context.js";
import type { ContractAccount } from "./contract-account.js";
import type { AdjustmentPosting } from "./ledger-posting.js";
import { postMonthlyCredits } from "./monthly-credits.js";

/** A manual adjustment of a contingent's balance by the account manager (C7), with its reason. */
export const adjustmentInputSchema = z.strictObject({
  /** Unique per contract; the posting id is `manual:<id>`. */
  id: z.string().min(1).max(64),
  /** The day it counts on; must lie in an open month and not after `asOf`. */
  date: isoDateSchema,
  /** Signed minutes: positive adds to the balance, negative takes from it. */
  minutes: z
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((minutes) => minutes !== 0, { message: "An adjustment must change the balance" }),
  /** Why — shown on the statement. */
  reason: z.string().trim().min(1).max(2000),
});

/** JSON form of a manual adjustment. */
export type AdjustmentInput = z.input<typeof adjustmentInputSchema>;

/** The account after the adjustment, the posting and its event. */
export interface AdjustBalanceResult {
  readonly account: ContractAccount;
  readonly posting: AdjustmentPosting;
  readonly events: readonly ContingentEvent[];
}

/**
 * Books a manual adjustment with a reason into the contingent's ledger (C7). Closed months never
 * change (C8): a date in a closed month is refused with `C7_MONTH_CLOSED`.
 */
export function adjustBalance(account: ContractAccount, input: AdjustmentInput, context: CommandContext): Result<AdjustBalanceResult> {
  const resolved = resolveContingentContext(account, context);
  if (!resolved.ok) return resolved;
  const { now, contract } = resolved.value;
  const parsed = parseWith(adjustmentInputSchema, input);
  if (!parsed.ok) return parsed;
  const adjustment = parsed.value;
  if (adjustment.date < firstDayOf(account.firstOpenMonth)) {
    return fail("C7_MONTH_CLOSED", `${monthOf(adjustment.date)} is closed; the first open month is ${account.firstOpenMonth}`, ["date"]);
  }
  if (adjustment.date > now.date) {
    return fail("INVALID_INPUT", `An adjustment on ${adjustment.date} cannot be booked on ${now.date}`, ["date"]);
  }
  const id = `manual:${adjustment.id}`;
  if (account.postings.some((posting) => posting.id === id)) {
    return fail("C7_DUPLICATE_ADJUSTMENT", `Adjustment ${adjustment.id} is already booked`, ["id"]);
  }
  const credited = postMonthlyCredits(account, contract, monthOf(now.date));
  const posting: AdjustmentPosting = {
    kind: "adjustment",
    id,
    date: adjustment.date,
    recordedAt: now.utc,
    minutes: adjustment.minutes,
    cause: "manual",
    reason: adjustment.reason,
    entryId: null,
    workDate: null,
  };
  return ok({
    account: { ...credited, postings: [...credited.postings, posting] },
    posting,
    events: [{ type: "balance-adjusted", contractId: contract.id, postingId: id, minutes: adjustment.minutes }],
  });
}
