import type { MonthKey } from "../time/month-key.js";
import type { ChecklistItem, ContractOf } from "./contract.js";

/** A maintenance ticket a needs analysis asks for in a month (C1; ticketing creates it, K9). */
export interface MaintenanceTicketDue {
  readonly type: "maintenance-ticket-due";
  readonly contractId: string;
  readonly customerId: string;
  readonly checkId: string;
  readonly title: string;
  readonly month: MonthKey;
}

function monthIndex(month: MonthKey): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function isDue(item: ChecklistItem, month: MonthKey): boolean {
  const offset = monthIndex(month) - monthIndex(item.firstMonth);
  return offset >= 0 && offset % item.everyMonths === 0;
}

/**
 * The checks of a needs analysis that are due in `month` (C1: "a checklist of recurring checks
 * — backup, antivirus, firewall updates — that generates cyclic maintenance tickets"). Nothing is
 * due outside the contract term.
 */
export function maintenanceTicketsDue(contract: ContractOf<"needs-analysis">, month: MonthKey): MaintenanceTicketDue[] {
  if (month < contract.startDate.slice(0, 7)) return [];
  if (contract.endDate !== null && month > contract.endDate.slice(0, 7)) return [];
  return contract.checklist
    .filter((item) => isDue(item, month))
    .map((item) => ({
      type: "maintenance-ticket-due" as const,
      contractId: contract.id,
      customerId: contract.customerId,
      checkId: item.id,
      title: item.title,
      month,
    }));
}
