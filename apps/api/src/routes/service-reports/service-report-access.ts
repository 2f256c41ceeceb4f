import { findServiceReportSummary, type ServiceReportSummary } from "@kontor/db";
import { can } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { forbidden, notFound } from "../../http/problem.js";

/**
 * Enforces `service-report:read` (K10, K13) on reports of `organizationId` (`*` for a list across
 * customers). Staff without the grant (technicians, materials management) get 403: they may
 * know that reports exist, so a 404 would only mislead them. Portal users go through
 * `requireAccess`: another organization's reports look absent (404), and so do their own for
 * a reporter, since K10 reserves service reports to managers.
 */
export function requireServiceReportRead(request: FastifyRequest, organizationId: string, what: string): Principal {
  const who = principal(request);
  if (who.actor.kind === "staff" && !can(who.actor, "service-report:read", { organizationId })) throw forbidden("service-report:read");
  return requireAccess(request, "service-report:read", { organizationId }, what);
}

/**
 * Enforces {@link requireServiceReportRead} on a stored report and, for portal users, that it was
 * released (K10, K13: a customer sees the reports that were sent to them; one held for the back
 * office's billing release, K1, looks absent: 404). Staff see held reports too.
 */
export function requireVisibleServiceReport(request: FastifyRequest, report: Pick<ServiceReportSummary, "id" | "organizationId" | "releasedAt">): Principal {
  const what = `Service report ${report.id}`;
  const who = requireServiceReportRead(request, report.organizationId, what);
  if (who.actor.kind === "portal" && report.releasedAt === null) throw notFound(what);
  return who;
}

/**
 * Loads a service report's metadata the caller may read; 404 when absent, another customer's,
 * or for a portal user held for release.
 */
export async function visibleServiceReport(deps: ApiDeps, request: FastifyRequest, id: string): Promise<ServiceReportSummary> {
  const row = await findServiceReportSummary(deps.database.db, id);
  if (row === undefined) throw notFound(`Service report ${id}`);
  requireVisibleServiceReport(request, row);
  return row;
}

/** A stored report's metadata as the API answers it (K13). */
export function toServiceReportResponse(row: ServiceReportSummary) {
  return {
    id: row.id,
    contractId: row.contractId,
    organizationId: row.organizationId,
    month: row.month,
    storedAt: row.createdAt.toISOString(),
    sizeBytes: row.sizeBytes,
    released: row.releasedAt !== null,
    releasedAt: row.releasedAt === null ? null : row.releasedAt.toISOString(),
    releasedBy: row.releasedBy,
  };
}
