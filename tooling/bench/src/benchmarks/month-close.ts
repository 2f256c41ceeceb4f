import {
  closeMonth,
  openAccount,
  parseContract,
  recordTimeEntries,
  type Contract,
  type ContractAccount,
} from "@kontor/contingent";
import type { Benchmark } from "../benchmark.js";
import {
  MONTHLY_MINUTES,
  MONTHLY_PRICE_CENTS,
  contingentWorkload,
  type ContingentWorkload,
} from "../workloads/contingent-contracts.js";

const CONTRACTS = 10_000;
const ENTRIES = 40;
const CLOSE_AS_OF = "2026-02-01T06:00:00+01:00";

/** What both sides must agree on: every contract's closing balance and invoiced net. */
export interface MonthCloseTotals {
  readonly closingMinutes: number;
  readonly invoicedCents: bigint;
}

/**
 * A decimal amount (`"1900.00"`, `"-12.5"`) as integer cents, read digit by digit: exact for any
 * amount below 2^53 cents, and cheap, so that reading Kontor's result costs about what the
 * baseline's integer addition does.
 */
export function cents(amount: string): number {
  const negative = amount.charCodeAt(0) === 45; // "-"
  let units = 0;
  let fractionDigits = -1;
  for (let i = negative ? 1 : 0; i < amount.length && fractionDigits < 2; i++) {
    const code = amount.charCodeAt(i);
    if (code === 46) {
      fractionDigits = 0; // "."
      continue;
    }
    units = units * 10 + (code - 48);
    if (fractionDigits >= 0) fractionDigits++;
  }
  for (let digits = Math.max(fractionDigits, 0); digits < 2; digits++) units *= 10;
  return negative ? -units : units;
}

/** A sum of integer cents kept as a number, as bigint; throws rather than lose a cent. */
function exactCents(total: number): bigint {
  if (!Number.isSafeInteger(total)) throw new Error(`${total} cents is beyond exact integer arithmetic`);
  return BigInt(total);
}

/** The hand-written baseline: integer minutes, 15-minute increments rounded up, integer cents. */
export function baselineTotals(workload: ContingentWorkload): MonthCloseTotals {
  let closingMinutes = 0;
  let invoicedCents = 0;
  for (const entries of workload.entries) {
    let billed = 0;
    for (const entry of entries) billed += Math.max(15, Math.ceil(entry.rawMinutes / 15) * 15);
    closingMinutes += MONTHLY_MINUTES - billed;
    invoicedCents += MONTHLY_PRICE_CENTS;
  }
  return { closingMinutes, invoicedCents: exactCents(invoicedCents) };
}

/** January's accounts with every entry recorded: the state a month-end job starts from. */
export function recordedAccounts(workload: ContingentWorkload): { contract: Contract; account: ContractAccount }[] {
  return workload.contracts.map((input, index) => {
    const parsed = parseContract(input);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const contract = parsed.value;
    const recorded = recordTimeEntries(openAccount(contract), workload.entries[index] ?? [], {
      contract,
      asOf: "2026-01-31T18:00:00+01:00",
    });
    if (!recorded.ok) throw new Error(recorded.errors[0]?.message);
    return { contract, account: recorded.value.account };
  });
}

/** Kontor's month close over every account, summed the same way as the baseline. */
export function kontorTotals(accounts: readonly { contract: Contract; account: ContractAccount }[]): MonthCloseTotals {
  let closingMinutes = 0;
  let invoicedCents = 0;
  for (const { contract, account } of accounts) {
    const closed = closeMonth(account, { month: "2026-01" }, { contract, asOf: CLOSE_AS_OF });
    if (!closed.ok) throw new Error(closed.errors[0]?.message);
    closingMinutes += closed.value.closed.statement?.closingMinutes ?? 0;
    invoicedCents += cents(closed.value.closed.invoice.net.amount);
  }
  return { closingMinutes, invoicedCents: exactCents(invoicedCents) };
}

/**
 * Issue 11, benchmark 1: month close for 10,000 contingent contracts with 40 entries each,
 * library only, against integer minutes and integer cents. Goal: at most 3× the baseline.
 */
export const monthClose: Benchmark = {
  id: "month-close",
  title: "Month close, 10,000 contracts × 40 entries",
  goal: { kind: "max-ratio", value: 3 },
  prepare(scale) {
    const workload = contingentWorkload(Math.max(1, Math.round(CONTRACTS * scale)), ENTRIES);
    const accounts = recordedAccounts(workload);
    return {
      units: workload.contracts.length,
      unitName: "contracts",
      subject: () => kontorTotals(accounts).closingMinutes,
      baseline: () => baselineTotals(workload).closingMinutes,
    };
  },
};
