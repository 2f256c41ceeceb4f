import { isoDateSchema, type IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { fail, failAll, ok, parseWith, type ContingentIssue, type Result } from "../errors/contingent-issue.js";
import type { ContractAccount } from "../ledger/contract-account.js";
import { lastDayOf, monthOf, previousMonth } from "../time/month-key.js";
import type { Contract } from "./contract.js";

/** C1: the contract's new last day, or `null` to let it run on (a termination withdrawn). */
export const contractEndInputSchema = z.strictObject({
  endDate: isoDateSchema.nullable(),
});

/** JSON form of a contract end. */
export type ContractEndInput = z.input<typeof contractEndInputSchema>;

/** The earlier of two ends; `null` runs on for ever. */
function earlierEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * Ends a contract on `endDate` (C1: a termination), moves its end, or lets it run on again with
 * `null`; returns the contract with the new end. The account is only read. Every day whose
 * belonging to the term changes must lie in an open month, and nothing may be booked after the
 * new end:
 * - `C1_END_BEFORE_START`: the end lies before the contract's first day.
 * - `C1_TERM_IN_CLOSED_MONTH` (C8): a changed day lies in a closed month — that month was billed
 *   as the term stood, and a closed month never changes. Ending on the last day of the last
 *   closed month is the earliest end possible.
 * - `C1_BOOKED_AFTER_END`: an open time entry was worked after the new end (C6), or the monthly
 *   credit of a month after it is posted already (C2); the entries are named.
 *
 * Setting the end a contract has already is no change and succeeds. The months after the end get
 * no monthly credit, contingent line or rent (C2, C8); work recorded later for a day of the term
 * is still booked into the first open month and billed there.
 */
export function setContractEnd(contract: Contract, account: ContractAccount, input: ContractEndInput): Result<Contract> {
  if (account.contractId !== contract.id) {
    return fail("C1_CONTRACT_MISMATCH", `The account belongs to contract ${account.contractId}, not ${contract.id}`, ["contract", "id"]);
  }
  const parsed = parseWith(contractEndInputSchema, input);
  if (!parsed.ok) return parsed;
  const { endDate } = parsed.value;
  if (endDate === contract.endDate) return ok(contract);
  if (endDate !== null && endDate < contract.startDate) {
    return fail("C1_END_BEFORE_START", `The end ${endDate} lies before the contract's start ${contract.startDate}`, ["endDate"]);
  }
  // The days after the earlier of the two ends change sides; the first of them must be open.
  const changedAfter = earlierEnd(contract.endDate, endDate);
  const lastClosedDay = lastDayOf(previousMonth(account.firstOpenMonth));
  if (changedAfter !== null && changedAfter < lastClosedDay) {
    return fail(
      "C1_TERM_IN_CLOSED_MONTH",
      contract.endDate !== null && changedAfter === contract.endDate
        ? `The contract ended on ${contract.endDate} and the months through ${previousMonth(account.firstOpenMonth)} are closed; its term can no longer change`
        : `The months through ${previousMonth(account.firstOpenMonth)} are closed; the contract can end on ${lastClosedDay} at the earliest`,
      ["endDate"],
    );
  }
  if (endDate !== null) {
    const issues: ContingentIssue[] = [];
    const lateEntries = account.entries.filter((entry) => entry.workDate > endDate).map((entry) => entry.id);
    if (lateEntries.length > 0) {
      issues.push({ code: "C1_BOOKED_AFTER_END", message: `Time entries worked after ${endDate} are recorded: ${lateEntries.join(", ")}`, path: ["endDate"] });
    }
    const endMonth = monthOf(endDate);
    const lateCredits = account.postings.filter((posting) => posting.kind === "credit" && monthOf(posting.date) > endMonth).map((posting) => monthOf(posting.date));
    if (lateCredits.length > 0) {
      issues.push({ code: "C1_BOOKED_AFTER_END", message: `The monthly credit of ${lateCredits.join(", ")} is posted already, after ${endMonth}`, path: ["endDate"] });
    }
    if (issues.length > 0) return failAll(issues);
  }
  return ok({ ...contract, endDate });
}
