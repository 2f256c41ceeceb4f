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

function cents(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2)) * (whole.startsWith("-") ? -1n : 1n);
}

/** The hand-written baseline: integer minutes, 15-minute increments rounded up, integer cents. */
export function baselineTotals(workload: ContingentWorkload): MonthCloseTotals {
  let closingMinutes = 0;
  let invoicedCents = 0n;
  for (const entries of workload.entries) {
    let billed = 0;
    for (const entry of entries) billed += Math.max(15, Math.ceil(entry.rawMinutes / 15) * 15);
    closingMinutes += MONTHLY_MINUTES - billed;
    invoicedCents += MONTHLY_PRICE_CENTS;
  }
  return { closingMinutes, invoicedCents };
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
  let invoicedCents = 0n;
  for (const { contract, account } of accounts) {
    const closed = closeMonth(account, { month: "2026-01" }, { contract, asOf: CLOSE_AS_OF });
    if (!closed.ok) throw new Error(closed.errors[0]?.message);
    closingMinutes += closed.value.closed.statement?.closingMinutes ?? 0;
    invoicedCents += cents(closed.value.closed.invoice.net.amount);
  }
  return { closingMinutes, invoicedCents };
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
