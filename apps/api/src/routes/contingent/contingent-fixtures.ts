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

/**
 * Test data (not used by the routes): managed services of Müller GmbH billed pay-per-use (C9).
 * From January 2026 a protected device costs 3.20 EUR, a backed-up server 19.00, a GB of backup
 * storage 0.0125 and a hosted Exchange mailbox 6.90; the mail archive is not priced. From April
 * 2026 devices cost 3.50 and an archived mailbox 1.50 (P1: the version in force on the month's 1st).
 */
export function managedServicesContractInput(id: string, customerId: string, overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    kind: "managed-services",
    id,
    customerId,
    startDate: "2026-01-01",
    terms: {
      backupResponsibility: "provider",
      rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
      travel: { kind: "flat", feePerTrip: "45.00" },
      accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@example.com" },
    },
    priceList: [
      {
        effectiveFrom: "2026-01-01",
        prices: [
          { meter: "endpoint-protection-device", unitPrice: "3.20" },
          { meter: "online-backup-server", unitPrice: "19.00" },
          { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
          { meter: "hosted-exchange-mailbox", unitPrice: "6.90" },
        ],
      },
      {
        effectiveFrom: "2026-04-01",
        prices: [
          { meter: "endpoint-protection-device", unitPrice: "3.50" },
          { meter: "online-backup-server", unitPrice: "19.00" },
          { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
          { meter: "hosted-exchange-mailbox", unitPrice: "6.90" },
          { meter: "mail-archive-mailbox", unitPrice: "1.50" },
        ],
      },
    ],
    ...overrides,
  } as ContractInput;
}
