import { insertContract, insertUsageRecords, type Executor, type NewUsageRecord } from "@kontor/db";
import { firstDayOf, openAccount, parseContract, policyInForce, usageRecordInputSchema, type Contract, type ContractOf, type Meter } from "@kontor/contingent";
import { demoValue } from "./demo-result.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** Id of the tax office's demo managed-services contract. */
export const DEMO_MANAGED_SERVICES_ID = "demo-kanzlei-managed-services";

/** What the managed-services part of the scenario created. */
export interface DemoManagedServices {
  readonly contractId: string;
  /** Ids of the stored usage records, last month's first. */
  readonly usageRecordIds: readonly string[];
}

/** One month's metered figures: meter, quantity (a decimal string, P3) and where it came from. */
type MonthUsage = readonly (readonly [Meter, string, string])[];

/**
 * Last month's usage (closed at the first month close after the start): 40 protected devices,
 * 3 backed-up servers, 1187.25 GB stored. At the demo prices: 128.00 + 57.00 + 14.84 = 199.84 EUR net.
 */
const LAST_MONTH: MonthUsage = [
  ["endpoint-protection-device", "40", "RMM-Agent"],
  ["online-backup-server", "3", "Backup-Portal"],
  ["online-backup-storage-gb", "1187.25", "Backup-Portal"],
];

/**
 * This month's usage so far (billed at the next month end): two more devices, the same servers,
 * more storage: 134.40 + 57.00 + 15.63 = 207.03 EUR net.
 */
const THIS_MONTH: MonthUsage = [
  ["endpoint-protection-device", "42", "RMM-Agent"],
  ["online-backup-server", "3", "Backup-Portal"],
  ["online-backup-storage-gb", "1250.5", "Backup-Portal"],
];

/**
 * The tax office's managed services billed pay-per-use (C1, C9; the prices of the API's
 * `managedServicesContractInput`): endpoint protection 3.20 EUR per device, online backup 19.00
 * per server and 0.0125 per GB, hosted Exchange 6.90 per mailbox, one price list version in
 * force from the start, the 1st of last month. The terms list no response times, so the tickets'
 * reaction times stay the default ones (K7).
 */
function demoContract(customerId: string, startDate: string): ContractOf<"managed-services"> {
  const contract: Contract = demoValue(
    parseContract({
      kind: "managed-services",
      id: DEMO_MANAGED_SERVICES_ID,
      customerId,
      startDate,
      terms: {
        purpose: "Managed Services: Virenschutz der Arbeitsplätze, Online-Backup der Server",
        serviceHours: "Mo–Fr 08:00–17:00",
        backupResponsibility: "provider",
        rates: [{ workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" }],
        travel: { kind: "flat", feePerTrip: "45.00" },
        accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo", phone: "+49 221 987650" },
      },
      priceList: [
        {
          effectiveFrom: startDate,
          prices: [
            { meter: "endpoint-protection-device", unitPrice: "3.20" },
            { meter: "online-backup-server", unitPrice: "19.00" },
            { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
            { meter: "hosted-exchange-mailbox", unitPrice: "6.90" },
          ],
        },
      ],
    }),
    "the managed-services contract",
  );
  if (contract.kind !== "managed-services") throw new Error(`demo scenario: ${contract.id} parsed as ${contract.kind}`);
  return contract;
}

/**
 * One month's figures as stored usage records, checked as `POST /v1/contracts/:id/usage` checks
 * them (C9): valid records whose meter the price list in force on the month's 1st prices (P1).
 */
function usageRecords(contract: ContractOf<"managed-services">, month: string, usage: MonthUsage, recordedBy: string): NewUsageRecord[] {
  const version = demoValue(policyInForce(contract.priceList, firstDayOf(month), "priceList"), `the price list of ${month}`);
  return usage.map(([meter, quantity, source]) => {
    const record = usageRecordInputSchema.parse({ contractId: contract.id, month, meter, quantity, source });
    if (!version.prices.some((price) => price.meter === record.meter)) throw new Error(`demo scenario: ${record.meter} has no price in ${month}`);
    return { ...record, organizationId: contract.customerId, recordedBy };
  });
}

/**
 * Concludes the tax office's managed-services contract on the 1st of last month and stores the
 * metered usage as the back office records it (C9): last month's on its last afternoon, so the
 * month close bills it at once, and this month's now, so the next month end bills it.
 */
export async function seedDemoManagedServices(executor: Executor, timeline: DemoTimeline, customerId: string, recordedBy: string): Promise<DemoManagedServices> {
  const contract = demoContract(customerId, timeline.previousMonthStart);
  await insertContract(executor, { id: contract.id, organizationId: customerId, kind: contract.kind, contract, account: openAccount(contract) }, timeline.at(timeline.previousMonth(1), 9));
  const lastMonth = await insertUsageRecords(executor, usageRecords(contract, timeline.previousMonthStart.slice(0, 7), LAST_MONTH, recordedBy), timeline.at(timeline.previousMonthEnd, 17));
  const thisMonth = await insertUsageRecords(executor, usageRecords(contract, timeline.currentMonthStart.slice(0, 7), THIS_MONTH, recordedBy), timeline.now);
  return { contractId: contract.id, usageRecordIds: [...lastMonth, ...thisMonth].map((row) => row.id) };
}
