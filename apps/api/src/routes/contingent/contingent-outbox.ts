import type { OutboxEvent } from "@kontor/db";
import type { ContingentEvent } from "@kontor/contingent";

/**
 * The dedupe key of a contingent event: what makes it the same event when a command is retried
 * (an entry's recording, a month's invoice, a threshold of a month).
 */
function dedupeKey(event: ContingentEvent): string {
  const base = `contingent:${event.contractId}`;
  switch (event.type) {
    case "time-entry-recorded":
      return `${base}:entry:${event.entryId}`;
    case "time-entry-cancelled":
      return `${base}:entry:${event.entryId}:cancelled`;
    case "balance-exhausted":
      return `${base}:balance-exhausted:${event.entryId}`;
    case "balance-adjusted":
      return `${base}:adjusted:${event.postingId}`;
    case "threshold-reached":
      return `${base}:${event.month}:threshold:${event.thresholdPercent}`;
    case "account-manager-flag":
      return `${base}:${event.month}:flag:${event.flag}`;
    case "service-report-ready":
    case "invoice-due":
    case "correction-invoice-due":
    case "billed-separately":
    case "month-closed":
      return `${base}:${event.month}:${event.type}`;
  }
}

/**
 * Contingent events as outbox events, in the package's order (C8: `service-report-ready`
 * before `invoice-due`, so the report is mailed before the invoice).
 */
export function contingentOutboxEvents(organizationId: string, events: readonly ContingentEvent[]): OutboxEvent[] {
  return events.map((event) => ({
    topic: `contingent.${event.type}`,
    aggregateType: "contract",
    aggregateId: event.contractId,
    dedupeKey: dedupeKey(event),
    payload: { organizationId, event },
  }));
}
