/**
 * Test fixtures shared by the test files (not exported from the package). Concrete numbers from
 * the issue: a 10-hour contingent at 95.00 EUR per hour.
 */
import type { ContractInput, Contract, ContractOf } from "../contracts/contract.js";
import { parseContract } from "../contracts/parse-contract.js";
import type { TimeEntryInput } from "../entries/time-entry.js";
import type { Result } from "../errors/contingent-issue.js";
import { closeMonth } from "../close/close-month.js";
import type { ClosedMonth } from "../close/closed-month.js";
import { openAccount, type ContractAccount } from "../ledger/contract-account.js";
import { recordTimeEntries } from "../ledger/record-time-entries.js";
import { lastDayOf } from "../time/month-key.js";

/** The value of an ok result; fails the test with the issues otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The agreement terms every fixture contract carries. */
export const TERMS = {
  purpose: "IT support for the office in Warendorf",
  serviceHours: "Mo–Fr 08:00–17:00",
  backupResponsibility: "customer",
  rates: [
    { workType: "remote-support", description: "Remote support", hourlyRate: "95.00" },
    { workType: "on-site-service", description: "On-site service", hourlyRate: "110.00" },
    { workType: "project", description: "Project work", hourlyRate: "120.00", dailyRate: "880.00" },
  ],
  travel: { kind: "zones", zones: [{ zone: "1", feePerTrip: "35.00" }, { zone: "2", feePerTrip: "55.00" }] },
  accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@example.com" },
} as const satisfies ContractInput["terms"];

/** A contingent of 10 hours a month (600 minutes) for 950.00 EUR, contract rate 95.00 EUR/h. */
export function contingentContract(
  overrides: Partial<ContractOf<"contingent">["contingent"]> & { startDate?: string; endDate?: string | null; zone?: string } = {},
): ContractOf<"contingent"> {
  const { startDate = "2026-01-01", endDate = null, zone = "Europe/Berlin", ...contingent } = overrides;
  const contract = unwrap(
    parseContract({
      kind: "contingent",
      id: "K-1001",
      customerId: "CUST-7",
      startDate,
      endDate,
      zone,
      terms: TERMS,
      contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00", overdraftAllowed: true, ...contingent },
    }),
  );
  if (contract.kind !== "contingent") throw new Error("fixture is a contingent");
  return contract;
}

/** A customer with the cooperation agreement only (billed time and material). */
export function agreementOnly(): Contract {
  return unwrap(
    parseContract({ kind: "cooperation-agreement", id: "K-2002", customerId: "CUST-8", startDate: "2026-01-01", terms: TERMS }),
  );
}

let counter = 0;

/** A billable remote-support entry of `rawMinutes` on `workDate`; fields can be overridden. */
export function entry(workDate: string, rawMinutes: number, overrides: Partial<TimeEntryInput> = {}): TimeEntryInput {
  counter += 1;
  return {
    id: `E-${String(counter)}`,
    contractId: "K-1001",
    workDate,
    rawMinutes,
    technician: "Stephan Wassmann",
    ticketRef: "T-4711",
    workType: "remote-support",
    location: "remote",
    billable: true,
    ...overrides,
  };
}

/** Month end in Berlin: `asOfAfter("2026-01")` is 2026-02-01T08:00 local. */
export function asOfAfter(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${String(year + 1)}-01` : `${String(year)}-${String(m + 1).padStart(2, "0")}`;
  return `${next}-01T08:00:00+01:00`;
}

/** The last day of `month` at 18:00 in Berlin (winter offset is fine: only the local day matters here). */
export function lastEvening(month: string): string {
  return `${lastDayOf(month)}T18:00:00+01:00`;
}

/**
 * Records each month's entries on its last evening and closes it the next morning, month after
 * month; returns the final account and every closed record.
 */
export function runMonths(
  contract: Contract,
  months: readonly (readonly [month: string, entries: readonly TimeEntryInput[]])[],
  account: ContractAccount = openAccount(contract),
): { account: ContractAccount; closed: ClosedMonth[] } {
  const closed: ClosedMonth[] = [];
  let current = account;
  for (const [month, entries] of months) {
    current = unwrap(recordTimeEntries(current, entries, { contract, asOf: lastEvening(month) })).account;
    const result = unwrap(closeMonth(current, { month }, { contract, asOf: asOfAfter(month) }));
    closed.push(result.closed);
    current = result.account;
  }
  return { account: current, closed };
}
