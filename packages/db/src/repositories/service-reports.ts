import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { serviceReports } from "../schema/billing.js";

/** A stored service report PDF of a closed contract month (C8). */
export type ServiceReportRow = typeof serviceReports.$inferSelect;

/** What storing a service report needs. */
export interface NewServiceReport {
  /** The service-report ID printed on the invoice, e.g. `SR-ct-1-2026-05`. */
  readonly id: string;
  readonly contractId: string;
  readonly organizationId: string;
  readonly month: string;
  readonly pdf: Uint8Array;
}

/**
 * Stores a month's service report unless the contract month has one already (unique
 * (contract_id, month)): a retried handler keeps the first PDF. Returns the stored row either way.
 */
export async function insertServiceReportIfAbsent(executor: Executor, report: NewServiceReport, now: Date): Promise<ServiceReportRow> {
  const [inserted] = await executor
    .insert(serviceReports)
    .values({ ...report, createdAt: now })
    .onConflictDoNothing({ target: [serviceReports.contractId, serviceReports.month] })
    .returning();
  if (inserted !== undefined) return inserted;
  const existing = await findServiceReport(executor, report.contractId, report.month);
  if (existing === undefined) throw new Error(`service report of ${report.contractId} ${report.month} vanished`);
  return existing;
}

/** The service report of a contract month, if stored. */
export async function findServiceReport(executor: Executor, contractId: string, month: string): Promise<ServiceReportRow | undefined> {
  const [row] = await executor
    .select()
    .from(serviceReports)
    .where(and(eq(serviceReports.contractId, contractId), eq(serviceReports.month, month)));
  return row;
}
