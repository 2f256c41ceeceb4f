import { findServiceReportById, listServiceReports } from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { pageSchema } from "../../http/pagination.js";
import { notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireServiceReportRead, toServiceReportResponse, visibleServiceReport } from "./service-report-access.js";
import { decodeServiceReportCursor, encodeServiceReportCursor } from "./service-report-cursor.js";
import { serviceReportListQuerySchema, serviceReportPdfSchema, serviceReportResponseSchema } from "./service-report-schemas.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/** A file name for Content-Disposition: the id, with anything but a safe character replaced. */
function pdfFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
}

/**
 * The service report history (K13): the PDFs the worker stored and mailed at month close (C8),
 * listed and downloaded byte for byte. Needs `service-report:read` (dispatchers, account
 * managers, back office, admins and the customer's portal managers, K10). Read-only: a report
 * is written once by the worker and never changes.
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
      requireServiceReportRead(request, scope ?? ALL_ORGANIZATIONS, "Service reports");
      const { limit, cursor, contractId, month } = request.query;
      const page = await listServiceReports(deps.database.db, { limit, after: decodeServiceReportCursor(cursor), organizationId: scope, contractId, month });
      return { items: page.items.map(toServiceReportResponse), nextCursor: page.next === undefined ? null : encodeServiceReportCursor(page.next) };
    },
  );

  app.get(
    "/v1/service-reports/:id",
    {
      schema: {
        tags: ["service-reports"],
        summary: "One stored service report's metadata (K13)",
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
      requireServiceReportRead(request, row.organizationId, `Service report ${row.id}`);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${pdfFileName(row.id)}"`)
        .send(Buffer.from(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength));
    },
  );
};
