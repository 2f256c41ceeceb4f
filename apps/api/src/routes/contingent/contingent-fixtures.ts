import type { ContractInput, TimeEntryInput } from "@kontor/contingent";

/**
 * Test data (not used by the routes): the README's 10-hour contingent of Müller GmbH, 950.00 EUR
 * a month, deficits at 95.00 EUR per hour (C2, C4).
 */
export function contingentContractInput(id: string, customerId: string, overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    kind: "contingent",
    id,
    customerId,
    startDate: "2026-01-01",
    terms: {
      backupResponsibility: "customer",
      rates: [
        { workType: "remote-support", description: "Remote support", hourlyRate: "95.00" },
        { workType: "on-site-service", description: "On-site service", hourlyRate: "110.00" },
      ],
      travel: { kind: "flat", feePerTrip: "45.00" },
      accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@example.com" },
    },
    contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
    ...overrides,
  } as ContractInput;
}

/** A billable remote-support entry of `rawMinutes` on `workDate` (without `contractId`: the path names it). */
export function entryInput(id: string, workDate: string, rawMinutes: number, overrides: Partial<TimeEntryInput> = {}): Omit<TimeEntryInput, "contractId"> {
  return { id, workDate, rawMinutes, technician: "S. Wassmann", ticketRef: "T-100", workType: "remote-support", location: "remote", billable: true, ...overrides };
}
