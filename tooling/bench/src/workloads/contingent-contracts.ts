import type { ContractInput, TimeEntryInput } from "@kontor/contingent";
import { seededRandom } from "./seeded-random.js";

/** Raw minutes of each contract's entries, the input both sides of the benchmark start from. */
export interface ContingentWorkload {
  readonly contracts: readonly ContractInput[];
  readonly entries: readonly (readonly TimeEntryInput[])[];
}

/** 20 hours a month for 1,900.00 EUR: enough that 40 entries of up to 20 minutes never overdraw. */
export const MONTHLY_MINUTES = 1_200;
export const MONTHLY_PRICE_CENTS = 190_000;

/**
 * `contracts` contingent contracts with `entriesPerContract` billable January 2026 entries each,
 * raw minutes 1–20 (so each bills 15 or 30 minutes under the default 15-minute policy).
 */
export function contingentWorkload(contracts: number, entriesPerContract: number): ContingentWorkload {
  const random = seededRandom(1001);
  const contractInputs: ContractInput[] = [];
  const entries: TimeEntryInput[][] = [];
  for (let c = 0; c < contracts; c++) {
    const id = `K-${String(c)}`;
    contractInputs.push({
      kind: "contingent",
      id,
      customerId: `CUST-${String(c)}`,
      startDate: "2026-01-01",
      terms: {
        backupResponsibility: "customer",
        rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
        travel: { kind: "flat", feePerTrip: "45.00" },
        accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@example.com" },
      },
      contingent: { monthlyMinutes: MONTHLY_MINUTES, monthlyPrice: "1900.00", hourlyRate: "95.00" },
    });
    const list: TimeEntryInput[] = [];
    for (let e = 0; e < entriesPerContract; e++) {
      list.push({
        id: `${id}-E${String(e)}`,
        contractId: id,
        workDate: `2026-01-${String(1 + (e % 28)).padStart(2, "0")}`,
        rawMinutes: 1 + Math.floor(random() * 20),
        technician: "S. Wassmann",
        ticketRef: `T-${String(e)}`,
        workType: "remote-support",
        location: "remote",
        billable: true,
      });
    }
    entries.push(list);
  }
  return { contracts: contractInputs, entries };
}
