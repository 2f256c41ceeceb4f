import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { serviceReports } from "../schema/billing.js";

/** A stored service report PDF of a closed contract month (C8). */
export type ServiceReportRow = typeof serviceReports.$inferSelect;

/**
 * `released_by` of a report the worker released itself at month close, because the installation
 * bills automatically (K1, C8); also what migration 0020 set on every report stored before.
 */
export const AUTOMATIC_SERVICE_REPORT_RELEASE = "automatic";

/** What storing a service report needs. */
export interface NewServiceReport {
  /** The service-report ID printed on the invoice, e.g. `SR-ct-1-2026-05`. */
  readonly id: string;
  readonly contractId: string;
  readonly organizationId: string;
  readonly month: string;
  readonly pdf: Uint8Array;
  /**
   * K1, C8: who releases it with the store, at `now` ({@link AUTOMATIC_SERVICE_REPORT_RELEASE}
   * when the installation bills automatically), or `null` to hold it for the back office's
   * release ({@link markServiceReportReleased}).
   */
  readonly releasedBy: string | null;
}

/**
 * Stores a month's service report unless the contract month has one already (unique
 * (contract_id, month)): a retried handler keeps the first PDF and its release state. Returns
 * the stored row either way.
 */
export async function insertServiceReportIfAbsent(executor: Executor, report: NewServiceReport, now: Date): Promise<ServiceReportRow> {
  const { releasedBy, ...columns } = report;
  const [inserted] = await executor
    .insert(serviceReports)
    .values({ ...columns, createdAt: now, releasedAt: releasedBy === null ? null : now, releasedBy })
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

/** A stored service report without its PDF: what lists and metadata reads answer (K13). */
export interface ServiceReportSummary {
  readonly id: string;
  readonly contractId: string;
  readonly organizationId: string;
  readonly month: string;
  /** When the worker stored it, in the transaction that mails it (C8). */
  readonly createdAt: Date;
  /** Size of the stored PDF in bytes. */
  readonly sizeBytes: number;
  /** When it was released for billing (K1, C8); `null` while it waits for the back office. */
  readonly releasedAt: Date | null;
  /** A staff user's id or {@link AUTOMATIC_SERVICE_REPORT_RELEASE}; `null` exactly when `releasedAt` is. */
  readonly releasedBy: string | null;
}

/** Position after the last report of a page, in the list's order (month, then id, both descending). */
export interface ServiceReportPosition {
  readonly month: string;
  readonly id: string;
}

/** One page of service reports and where the next starts (`undefined` on the last page). */
export interface ServiceReportPage {
  readonly items: ServiceReportSummary[];
  readonly next: ServiceReportPosition | undefined;
}

/** Filters and page of {@link listServiceReports}; every filter is optional. */
export interface ServiceReportListOptions {
  readonly limit: number;
  readonly after?: ServiceReportPosition | undefined;
  readonly organizationId?: string | undefined;
  readonly contractId?: string | undefined;
  /** `YYYY-MM`. */
  readonly month?: string | undefined;
  /** `true`: only released reports (what a customer may see); `false`: only those held for release (K1, C8). */
  readonly released?: boolean | undefined;
}

// The metadata columns only: lists never read the PDFs, and octet_length of a bytea takes its
// size from the TOAST header without fetching the bytes.
const summaryColumns = {
  id: serviceReports.id,
  contractId: serviceReports.contractId,
  organizationId: serviceReports.organizationId,
  month: serviceReports.month,
  createdAt: serviceReports.createdAt,
  sizeBytes: sql<number>`octet_length(${serviceReports.pdf})`.mapWith(Number),
  releasedAt: serviceReports.releasedAt,
  releasedBy: serviceReports.releasedBy,
};

/** The release filter of a list: released, held (migration 0020 indexes these), or either. */
function releaseFilter(released: boolean | undefined): SQL | undefined {
  if (released === undefined) return undefined;
  return released ? isNotNull(serviceReports.releasedAt) : isNull(serviceReports.releasedAt);
}

/** `(month, id) < (cursor)`: reports after the cursor in the list's descending order. */
function beforePosition(position: ServiceReportPosition | undefined): SQL | undefined {
  if (position === undefined) return undefined;
  return sql`(${serviceReports.month}, ${serviceReports.id}) < (${position.month}, ${position.id})`;
}

/**
 * Service reports, newest month first (ties by id, descending), keyset-paginated on (month, id):
 * the report history a customer sees (K13), or the back office's reports held for release
 * (`released: false`, K1). Migration 0015 indexes (organization_id, month, id) and (month, id)
 * for it, 0020 the held ones; a contract's reports use the unique (contract_id, month).
 */
export async function listServiceReports(executor: Executor, options: ServiceReportListOptions): Promise<ServiceReportPage> {
  const rows = await executor
    .select(summaryColumns)
    .from(serviceReports)
    .where(
      and(
        beforePosition(options.after),
        options.organizationId === undefined ? undefined : eq(serviceReports.organizationId, options.organizationId),
        options.contractId === undefined ? undefined : eq(serviceReports.contractId, options.contractId),
        options.month === undefined ? undefined : eq(serviceReports.month, options.month),
        releaseFilter(options.released),
      ),
    )
    .orderBy(desc(serviceReports.month), desc(serviceReports.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, next: rows.length > options.limit && last !== undefined ? { month: last.month, id: last.id } : undefined };
}

/** A service report's metadata by its ID (`SR-<contract>-<YYYY-MM>`), without the PDF. */
export async function findServiceReportSummary(executor: Executor, id: string): Promise<ServiceReportSummary | undefined> {
  const [row] = await executor.select(summaryColumns).from(serviceReports).where(eq(serviceReports.id, id));
  return row;
}

/** A service report by its ID, with the stored PDF bytes. */
export async function findServiceReportById(executor: Executor, id: string): Promise<ServiceReportRow | undefined> {
  const [row] = await executor.select().from(serviceReports).where(eq(serviceReports.id, id));
  return row;
}

/**
 * Releases a held service report for billing (K1 "back office (billing release)", C8): sets
 * `released_at` and `released_by` with one conditional UPDATE (`… WHERE released_at IS NULL
 * RETURNING`), so of two concurrent releases exactly one gets the row; the other waits for the
 * first's row lock, sees the report released and gets `undefined`, as does a release of a report
 * released before or of an unknown id. Run it in the transaction that writes the release's
 * outbox event.
 */
export async function markServiceReportReleased(executor: Executor, id: string, releasedBy: string, now: Date): Promise<ServiceReportSummary | undefined> {
  const [row] = await executor
    .update(serviceReports)
    .set({ releasedAt: now, releasedBy })
    .where(and(eq(serviceReports.id, id), isNull(serviceReports.releasedAt)))
    .returning(summaryColumns);
  return row;
}
