import { findServiceReportById, findServiceReportSummary, listServiceReports } from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { pageSchema } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireServiceReportRead, requireVisibleServiceReport, toServiceReportResponse, visibleServiceReport } from "./service-report-access.js";
import { decodeServiceReportCursor, encodeServiceReportCursor } from "./service-report-cursor.js";
import { releaseServiceReport } from "./service-report-release.js";
import { serviceReportListQuerySchema, serviceReportPdfSchema, serviceReportReleaseBodySchema, serviceReportResponseSchema } from "./service-report-schemas.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/** A file name for Content-Disposition: the id, with anything but a safe character replaced. */
function pdfFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
}

/**
 * The service report history (K13): the PDFs the worker stored at month close (C8), listed and
 * downloaded byte for byte. Needs `service-report:read` (dispatchers, account managers, back
 * office, admins and the customer's portal managers, K10). A report's PDF is written once by the
 * worker and never changes. Where the installation has the back office release billing (K1,
 * billing setting `billingRelease: "back-office"`), a report is held until released with
 * `POST /v1/service-reports/:id/release` (`service-report:release`); portal users see released
 * reports only, the ones that were sent to them (K10, K13).
 */
export const serviceReportRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/service-reports",
    {
      schema: {
        tags: ["service-reports"],
        summary: "List stored service reports, newest month first (K13; a portal manager sees only their organization's)",
        querystring: serviceReportListQuerySchema,
        response: { 200: pageSchema(serviceReportResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      const who = requireServiceReportRead(request, scope ?? ALL_ORGANIZATIONS, "Service reports");
      const { limit, cursor, contractId, month } = request.query;
      const after = decodeServiceReportCursor(cursor);
      const asked = request.query.released === undefined ? undefined : request.query.released === "true";
      // K10, K13: a customer's list holds only released reports; asking for held ones finds none.
      if (who.actor.kind === "portal" && asked === false) return { items: [], nextCursor: null };
      const released = who.actor.kind === "portal" ? true : asked;
      const page = await listServiceReports(deps.database.db, { limit, after, organizationId: scope, contractId, month, released });
      return { items: page.items.map(toServiceReportResponse), nextCursor: page.next === undefined ? null : encodeServiceReportCursor(page.next) };
    },
  );

  app.get(
    "/v1/service-reports/:id",
    {
      schema: {
        tags: ["service-reports"],
        summary: "One stored service report's metadata (K13); a portal manager's 404 while held for release (K1)",
        params: idParamsSchema,
        response: { 200: serviceReportResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => toServiceReportResponse(await visibleServiceReport(deps, request, request.params.id)),
  );

  app.get(
    "/v1/service-reports/:id/pdf",
    {
      schema: {
        tags: ["service-reports"],
        summary: "The service report PDF as stored and mailed before the invoice (C8, K13)",
        params: idParamsSchema,
        produces: ["application/pdf", "application/problem+json"],
        response: { 200: serviceReportPdfSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await findServiceReportById(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Service report ${request.params.id}`);
      requireVisibleServiceReport(request, row);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${pdfFileName(row.id)}"`)
        .send(Buffer.from(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength));
    },
  );

  app.post(
    "/v1/service-reports/:id/release",
    {
      schema: {
        tags: ["service-reports"],
        summary: "Release a held service report for billing (K1, C8); back office and admins. The worker then mails the report, then the month's invoice",
        description:
          "For installations whose billing setting `billingRelease` is `back-office`: the month-end close stores the report held, mails nothing and issues no invoice. " +
          "Releasing it stores who released it and when, and in the same transaction writes the `contingent.service-report-released` event; the worker mails the report and then issues and mails the invoice (C8: report first). " +
          "A report released already (by the back office, or automatically at month close) is 409 `SERVICE_REPORT_RELEASED`. " +
          "Other staff get 403; portal users 404 where `GET /v1/service-reports/{id}` is 404 (another customer's, a reporter's, a held report), else 403.",
        params: idParamsSchema,
        body: serviceReportReleaseBodySchema,
        response: { 200: serviceReportResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const what = `Service report ${id}`;
      const stored = await findServiceReportSummary(deps.database.db, id);
      if (stored === undefined) throw notFound(what);
      // K10: a customer must not learn of a report they cannot read; what they can read, they may not release (403).
      if (principal(request).actor.kind === "portal") requireVisibleServiceReport(request, stored);
      const who = requireAccess(request, "service-report:release", { organizationId: stored.organizationId }, what);
      const outcome = await releaseServiceReport(deps.database.db, id, who.userId, deps.clock.now());
      switch (outcome.status) {
        case "released":
          return toServiceReportResponse(outcome.report);
        case "already-released": {
          const { releasedAt, releasedBy } = outcome.report;
          throw conflict(`${what} was released on ${releasedAt?.toISOString() ?? "?"} by ${releasedBy ?? "?"}`, "SERVICE_REPORT_RELEASED");
        }
        case "not-found":
          throw notFound(what);
      }
    },
  );
};
