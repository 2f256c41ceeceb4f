import type { Contract } from "../contracts/contract.js";
import { monthStartUtc } from "../time/instant.js";
import { firstDayOf, monthOf, nextMonth, type MonthKey } from "../time/month-key.js";
import type { ContractAccount } from "./contract-account.js";
import type { CreditPosting } from "./ledger-posting.js";

/**
 * Posts the monthly credit (C2) of every month from the account's `nextCreditMonth` through
 * `throughMonth`, each dated the 1st, none after the contract's end. Non-contingents and
 * accounts already credited come back unchanged (the same object), so calling it is idempotent.
 * A credit is stamped with the instant its month starts in the contract's zone, whichever
 * command posts it, so the ledger does not depend on when commands ran.
 */
export function postMonthlyCredits(
  account: ContractAccount,
  contract: Contract,
  throughMonth: MonthKey,
): ContractAccount {
  const credits = monthlyCreditsDue(account, contract, throughMonth);
  if (credits === undefined) return account;
  return { ...account, nextCreditMonth: nextMonth(throughMonth), postings: [...account.postings, ...credits] };
}

/**
 * The credit postings {@link postMonthlyCredits} appends, or `undefined` when it returns the
 * account unchanged; after posting them the account's `nextCreditMonth` is the month after
 * `throughMonth`.
 */
export function monthlyCreditsDue(account: ContractAccount, contract: Contract, throughMonth: MonthKey): CreditPosting[] | undefined {
  if (contract.kind !== "contingent" || account.nextCreditMonth > throughMonth) return undefined;
  const endMonth = contract.endDate === null ? throughMonth : monthOf(contract.endDate);
  const last = endMonth < throughMonth ? endMonth : throughMonth;
  const credits: CreditPosting[] = [];
  for (let month = account.nextCreditMonth; month <= last; month = nextMonth(month)) {
    credits.push({
      kind: "credit",
      id: `credit:${month}`,
      date: firstDayOf(month),
      recordedAt: monthStartUtc(month, contract.zone),
      minutes: contract.contingent.monthlyMinutes,
    });
  }
  return credits;
}
