import { appendToOutbox, findServiceReportSummary, markServiceReportReleased, type KontorDatabase, type OutboxEvent, type ServiceReportSummary } from "@kontor/db";

/**
 * Outbox topic of a service report the back office released for billing (K1, C8): the worker
 * mails the report, then issues and mails the month's invoice, as it does at month close when
 * the installation bills automatically.
 */
export const SERVICE_REPORT_RELEASED_TOPIC = "contingent.service-report-released";

/**
 * The release's outbox event, shaped like the month close's contingent events
 * (`{ organizationId, event: { type, contractId, month, … } }`). Its dedupe key names the
 * contract month (`contingent:<contract>:<month>:service-report-released`): a month's report is
 * released once, ever.
 */
export function serviceReportReleasedOutboxEvent(report: ServiceReportSummary): OutboxEvent {
  const { id, contractId, organizationId, month, releasedAt, releasedBy } = report;
  if (releasedAt === null || releasedBy === null) throw new Error(`Service report ${id} is not released`);
  return {
    topic: SERVICE_REPORT_RELEASED_TOPIC,
    aggregateType: "contract",
    aggregateId: contractId,
    dedupeKey: `contingent:${contractId}:${month}:service-report-released`,
    payload: {
      organizationId,
      event: { type: "service-report-released", contractId, month, serviceReportId: id, releasedBy, releasedAt: releasedAt.toISOString() },
    },
  };
}

/** What {@link releaseServiceReport} did. */
export type ServiceReportRelease =
  /** Released now; the outbox event committed with it. */
  | { readonly status: "released"; readonly report: ServiceReportSummary }
  /** Released before (by the worker at month close, or by someone else first): nothing written. */
  | { readonly status: "already-released"; readonly report: ServiceReportSummary }
  | { readonly status: "not-found" };

/**
 * Releases a held service report for billing (K1 "back office (billing release)", C8) in ONE
 * transaction: the conditional release (`markServiceReportReleased`: of two concurrent
 * releases exactly one wins) and the `contingent.service-report-released` outbox event commit
 * together, so the worker mails report and invoice exactly when the release is stored. Checks no
 * access: the caller does (`service-report:release`).
 */
export async function releaseServiceReport(db: KontorDatabase, id: string, releasedBy: string, now: Date): Promise<ServiceReportRelease> {
  return db.transaction(async (tx): Promise<ServiceReportRelease> => {
    const released = await markServiceReportReleased(tx, id, releasedBy, now);
    if (released === undefined) {
      const stored = await findServiceReportSummary(tx, id);
      return stored === undefined ? { status: "not-found" } : { status: "already-released", report: stored };
    }
    await appendToOutbox(tx, [serviceReportReleasedOutboxEvent(released)], now);
    return { status: "released", report: released };
  });
}
